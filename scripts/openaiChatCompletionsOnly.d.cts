import type { Plugin } from 'esbuild';

export declare const openaiChatCompletionsOnly: Plugin;
/** main.js only, after openaiChatCompletionsOnly: no console output, no OS/processor/runtime headers. */
export declare const openaiInsideObsidian: Plugin;
export declare function stubbedOpenAIResources(): Map<string, string>;
export declare function stubbedOpenAIHelpers(): Map<string, string[]>;
/** What the SDK's qs writes for a flat query; throws for a nested object or array. */
export declare function stringifyQuery(query: object): string;
