import { execFileSync } from 'node:child_process';
import { median } from './median';
import type { PluginRunSample } from './pluginRunProbe';

export interface PluginRunFigures {
	/** Median over fresh processes of the first summarize run after start. */
	firstRunMs: number;
	/** Median of the steady state: summarize runs by the loaded plugin after its first. */
	steadyRunMs: number;
	/** Median of re-renders by the loaded plugin after its first run. */
	rerenderMs: number;
	/** Median of a summarize run by a newly loaded copy of the plugin in a warm process. */
	reloadedRunMs: number;
	/** Median of a re-render by a newly loaded copy of the plugin. */
	reloadedRerenderMs: number;
	/** Median of a run with a preset compiled on first use, by a plugin that has run with the default one. */
	otherPresetRunMs: number;
}

/** Runs dist/pluginRunProbe.cjs in `processes` fresh Node processes, one after another, and takes medians. */
export function measurePluginRuns(processes: number): PluginRunFigures {
	const samples: PluginRunSample[] = [];
	for (let run = 0; run < processes; run++) {
		const output = execFileSync(process.execPath, ['dist/pluginRunProbe.cjs'], { encoding: 'utf8' });
		samples.push(JSON.parse(output.trim().split('\n').pop() ?? '') as PluginRunSample);
	}
	return {
		firstRunMs: median(samples.map((sample) => sample.firstRunMs)),
		steadyRunMs: median(samples.flatMap((sample) => sample.steadyRunMs)),
		rerenderMs: median(samples.flatMap((sample) => sample.rerenderMs)),
		reloadedRunMs: median(samples.flatMap((sample) => sample.reloadedRunMs)),
		reloadedRerenderMs: median(samples.flatMap((sample) => sample.reloadedRerenderMs)),
		otherPresetRunMs: median(samples.map((sample) => sample.otherPresetRunMs)),
	};
}
