import type { Plugin } from 'esbuild';

export declare const precompileTemplatesPlugin: Plugin;
/** The length and FNV-1a hash of a text, as `length:hash`. */
export declare function fingerprint(text: string): string;
export declare function precompiledTemplatesModule(): { code: string; inputs: string[] };
export declare function helperNames(createHelpers: (trusted: (markdown: string) => unknown) => object): string[];
export declare function checkContextNames(contexts: unknown[], helpers: string[]): void;
