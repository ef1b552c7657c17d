import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { median } from './median';
import { evaluateBundle, loadBuiltPlugin } from '../test/fakes/loadBuiltPlugin';
import { resetFakeObsidian } from '../test/fakes/obsidian/testing';

export interface PluginLoadFigures {
	/** Median of: evaluate main.js, construct the plugin, await onload(). */
	loadMs: number;
	/** Median of evaluating main.js alone (parsing and running its top level). */
	evalMs: number;
}

/** Median time to evaluate a bundle (parsing it and running its top level), each time under a new name. */
export function measureEvaluation(file: string, runs: number): number {
	const code = readFileSync(file, 'utf8');
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		evaluateBundle(code, `${file}-${run}`);
		times.push(performance.now() - started);
	}
	return median(times);
}

/** Loads the built main.js into the fake Obsidian as Obsidian does, many times, and takes medians. */
export async function measurePluginLoad(runs: number): Promise<PluginLoadFigures> {
	const code = readFileSync('main.js', 'utf8');
	const load: number[] = [];
	const evaluate: number[] = [];
	for (let run = 0; run < runs; run++) {
		// A distinct file name each time, so no compilation cache is reused between runs.
		const started = performance.now();
		evaluateBundle(code, `main-${run}.js`);
		evaluate.push(performance.now() - started);

		const loadStarted = performance.now();
		const loaded = await loadBuiltPlugin({
			code: `${code}\n//# run ${run}`,
			manifestPath: resolve('manifest.json'),
		});
		load.push(performance.now() - loadStarted);
		loaded.unload();
		resetFakeObsidian();
	}
	return { loadMs: median(load), evalMs: median(evaluate) };
}
