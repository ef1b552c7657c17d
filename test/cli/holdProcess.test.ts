import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildSync } from 'esbuild';

const run = promisify(execFile);

/** A Node program of the core's `sleep`, with or without the command line's hold, bundled as cli.js is. */
function program(held: boolean): string {
	const folder = mkdtempSync(join(tmpdir(), 'hold-'));
	const entry = join(folder, 'entry.ts');
	const wait = `sleep(50).then(() => console.log('woke'))`;
	writeFileSync(
		entry,
		[
			`import { sleep } from ${JSON.stringify(join(__dirname, '../../src/core/timing'))};`,
			`import { holdProcessUntil } from ${JSON.stringify(join(__dirname, '../../src/cli/holdProcess'))};`,
			held ? `void holdProcessUntil(${wait});` : `void ${wait};`,
		].join('\n'),
	);
	const outfile = join(folder, 'program.js');
	buildSync({ entryPoints: [entry], bundle: true, platform: 'node', outfile, logLevel: 'silent' });
	return outfile;
}

describe('holdProcessUntil', () => {
	it('keeps the process alive through a core wait, which alone would let Node exit before it ends', async () => {
		expect((await run(process.execPath, [program(false)])).stdout).toBe('');
		expect((await run(process.execPath, [program(true)])).stdout).toBe('woke\n');
	});
});
