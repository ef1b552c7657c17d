import type { Plugin } from 'esbuild';

export declare const handlebarsParserTables: Plugin;
/** The parser module's text with its tables encoded; throws when the text is not of the expected shape. */
export declare function compactParserModule(text: string, parser: object): string;
/** The arguments of `decodeHandlebarsParser` that give back the parser's tables. */
export declare function encodeParserTables(parser: object): string[];
/** The decoder that main.js carries. */
export declare function decodeHandlebarsParser(...encoded: string[]): Record<string, unknown>;
