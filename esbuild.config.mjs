import esbuild from 'esbuild';
import process from 'node:process';
import { builtinModules } from 'node:module';
import precompileTemplates from './scripts/precompileTemplates.cjs';
import openaiChat from './scripts/openaiChatCompletionsOnly.cjs';
import handlebarsParser from './scripts/handlebarsParserTables.cjs';

const production = process.argv[2] === 'production';

const shared = {
	bundle: true,
	format: 'cjs',
	loader: { '.hbs': 'text' },
	logLevel: 'info',
	treeShaking: true,
	minify: production,
	sourcemap: production ? false : 'inline',
	legalComments: 'none',
	// Text such as … and — goes in as UTF-8 (as Obsidian reads main.js), not as \u escapes three times longer.
	charset: 'utf8',
	// Handlebars' code generator uses source-map only to map compiled templates back to their text, which
	// nobody reads; without it Handlebars falls back to its own small stand-in, and main.js is 27 KB lighter.
	alias: { 'source-map': './scripts/empty-module.cjs' },
	// The shipped templates go in precompiled: a run with them needs Handlebars' runtime, not its compiler.
	// Of the openai SDK, only the chat completions and models resources go in. Handlebars' parser (for users'
	// templates) has its tables in strings, much cheaper to load than the object literals it is written with.
	plugins: [
		precompileTemplates.precompileTemplatesPlugin,
		openaiChat.openaiChatCompletionsOnly,
		handlebarsParser.handlebarsParserTables,
	],
};

/** The Obsidian plugin: one main.js at the repository root, as the community directory expects. */
const plugin = {
	...shared,
	entryPoints: ['src/obsidian/main.ts'],
	outfile: 'main.js',
	// Inside Obsidian, the openai SDK writes nothing to the console and does not describe the user's machine.
	plugins: [...shared.plugins, openaiChat.openaiInsideObsidian],
	platform: 'browser',
	// Obsidian 1.11 (minAppVersion) runs on an Electron whose Chromium has all of ES2022: nothing to lower.
	target: 'es2022',
	external: [
		'obsidian',
		'electron',
		'@codemirror/autocomplete',
		'@codemirror/collab',
		'@codemirror/commands',
		'@codemirror/language',
		'@codemirror/lint',
		'@codemirror/search',
		'@codemirror/state',
		'@codemirror/view',
		'@lezer/common',
		'@lezer/highlight',
		'@lezer/lr',
		...builtinModules,
	],
};

/** The command-line tool: the same core on Node's fetch and a folder on disk. */
const cli = {
	...shared,
	entryPoints: ['src/cli/main.ts'],
	outfile: 'cli.js',
	platform: 'node',
	target: 'node18',
	banner: { js: '#!/usr/bin/env node' },
	// The browser build of Handlebars: the Node entry pulls in fs and require.extensions for nothing.
	alias: {
		...shared.alias,
		handlebars: 'handlebars/dist/cjs/handlebars.js',
		'handlebars/runtime': 'handlebars/dist/cjs/handlebars.runtime.js',
	},
};

if (production) {
	await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
} else {
	const contexts = await Promise.all([esbuild.context(plugin), esbuild.context(cli)]);
	await Promise.all(contexts.map((context) => context.watch()));
}
