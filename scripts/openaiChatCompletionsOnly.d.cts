import type { Plugin } from 'esbuild';

export declare const openaiChatCompletionsOnly: Plugin;
export declare function stubbedOpenAIResources(): Map<string, string>;
export declare function stubbedOpenAIHelpers(): Map<string, string[]>;
