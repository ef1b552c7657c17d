// npm run bench: bundles scripts/bench.ts and pluginRunProbe.ts (they use the TypeScript core and test fakes), runs bench.
import esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import precompileTemplates from './precompileTemplates.cjs';
import openaiChat from './openaiChatCompletionsOnly.cjs';
import handlebarsParser from './handlebarsParserTables.cjs';

execFileSync(process.execPath, ['esbuild.config.mjs', 'production'], { stdio: 'inherit' });
mkdirSync('dist', { recursive: true });
await esbuild.build({
	entryPoints: { bench: 'scripts/bench.ts', pluginRunProbe: 'scripts/pluginRunProbe.ts' },
	outdir: 'dist',
	outExtension: { '.js': '.cjs' },
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	loader: { '.hbs': 'text' },
	alias: {
		obsidian: './test/fakes/obsidian/index.ts',
		handlebars: 'handlebars/dist/cjs/handlebars.js',
		'handlebars/runtime': 'handlebars/dist/cjs/handlebars.runtime.js',
	},
	// The core as main.js has it: shipped templates precompiled, the openai SDK's chat completions only,
	// Handlebars' parser tables in strings.
	plugins: [
		precompileTemplates.precompileTemplatesPlugin,
		openaiChat.openaiChatCompletionsOnly,
		handlebarsParser.handlebarsParserTables,
	],
	logLevel: 'warning',
});
// The floor under main.js's load: the packages the plugin must ship, bundled and minified as main.js bundles
// them (Handlebars with its compiler, for users' templates; the openai client; youtube-transcript), alone.
await esbuild.build({
	stdin: {
		// Imported on demand, as main.js imports them: evaluating the bundle parses them but runs none.
		contents: [
			'export default () => Promise.all([',
			"	import('handlebars'),",
			"	import('handlebars/runtime'),",
			"	import('openai/client'),",
			"	import('youtube-transcript'),",
			']);',
		].join('\n'),
		resolveDir: process.cwd(),
		loader: 'js',
	},
	outfile: 'dist/requiredPackages.js',
	bundle: true,
	format: 'cjs',
	platform: 'browser',
	target: 'es2020',
	minify: true,
	legalComments: 'none',
	alias: { 'source-map': './scripts/empty-module.cjs' },
	plugins: [openaiChat.openaiChatCompletionsOnly, handlebarsParser.handlebarsParserTables],
	logLevel: 'warning',
});
execFileSync(process.execPath, ['--expose-gc', 'dist/bench.cjs'], { stdio: 'inherit' });
