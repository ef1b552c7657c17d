import { join } from 'node:path';
import { importCycles, importGraph } from './importGraph';

const graph = importGraph(join(__dirname, '../../src'));

describe('the source tree', () => {
	it('has no import cycle', () => {
		expect(importCycles(graph)).toEqual([]);
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
