import { join } from 'node:path';
import { importCycles, importGraph } from './importGraph';

const graph = importGraph(join(__dirname, '../../src'));

/**
 * The floors of the house, bottom first: a file may import from its own floor or below, never above, so
 * data flows one way (link → video → transcript → model → digest → notes → adapters).
 */
const FLOORS = [
	['core/text', 'core/redact', 'core/timing', 'core/errors', 'core/http', 'core/concurrency'],
	['core/youtube'],
	['core/transcript'],
	['core/llm'],
	['core/notes'],
	['core/render'],
	['core/digest', 'core/digestArchive'],
	['core/web'],
	['core/defaults'],
	['core/digestNotes'],
	['core/digestPipeline'],
	['cli', 'obsidian'],
];

function floorOf(file: string): number {
	const floor = FLOORS.findIndex((prefixes) =>
		prefixes.some((prefix) => file === `${prefix}.ts` || file.startsWith(`${prefix}/`)),
	);
	if (floor < 0) throw new Error(`${file} stands on no floor: add it to FLOORS`);
	return floor;
}

describe('the source tree', () => {
	it('has no import cycle', () => {
		expect(importCycles(graph)).toEqual([]);
	});

	it('imports only from its own floor or below', () => {
		const climbs = [...graph].flatMap(([file, targets]) =>
			targets.filter((target) => floorOf(target) > floorOf(file)).map((target) => `${file} → ${target}`),
		);
		expect(climbs).toEqual([]);
	});

	it('keeps the core free of the adapters that stand above it', () => {
		const climbs = [...graph].flatMap(([file, targets]) =>
			file.startsWith('core/')
				? targets.filter((target) => !target.startsWith('core/')).map((target) => `${file} → ${target}`)
				: [],
		);
		expect(climbs).toEqual([]);
	});
});

describe('importCycles', () => {
	it('finds a cycle through three files and ignores the files outside it', () => {
		const cycles = importCycles(
			new Map([
				['a.ts', ['b.ts']],
				['b.ts', ['c.ts', 'd.ts']],
				['c.ts', ['a.ts']],
				['d.ts', []],
			]),
		);
		expect(cycles).toEqual([['a.ts', 'b.ts', 'c.ts']]);
	});
});
