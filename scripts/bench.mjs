// npm run bench: bundles scripts/bench.ts (it uses the TypeScript core and test fakes) and runs it.
import esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

execFileSync(process.execPath, ['esbuild.config.mjs', 'production'], { stdio: 'inherit' });
mkdirSync('dist', { recursive: true });
await esbuild.build({
	entryPoints: ['scripts/bench.ts'],
	outfile: 'dist/bench.cjs',
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	loader: { '.hbs': 'text' },
	alias: { obsidian: './test/fakes/obsidian/index.ts', handlebars: 'handlebars/dist/cjs/handlebars.js' },
	logLevel: 'warning',
});
execFileSync(process.execPath, ['--expose-gc', 'dist/bench.cjs'], { stdio: 'inherit' });
