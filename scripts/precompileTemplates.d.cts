import type { Plugin } from 'esbuild';

export declare const precompileTemplatesPlugin: Plugin;
export declare const TABLE_MODULE: RegExp;
export declare function precompiledTemplatesModule(): { code: string; inputs: string[] };
export declare function helperNames(createHelpers: (trusted: (markdown: string) => unknown) => object): string[];
export declare function checkContextNames(contexts: unknown[], helpers: string[]): void;
