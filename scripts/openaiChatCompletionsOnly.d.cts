import type { Plugin } from 'esbuild';

export declare const openaiChatCompletionsOnly: Plugin;
/** The plugin's SDK writes nothing to the console; after openaiChatCompletionsOnly in a build's plugins. */
export declare const openaiSilent: Plugin;
export declare function stubbedOpenAIResources(): Map<string, string>;
export declare function stubbedOpenAIHelpers(): Map<string, string[]>;
/** What the SDK's qs writes for a flat query; throws for a nested object or array. */
export declare function stringifyQuery(query: object): string;
