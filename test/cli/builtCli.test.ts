import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLI = join(__dirname, '../../cli.js');

/** The built file, run the way a user runs it (the global setup builds it from the current sources). */
describe('the built cli.js', () => {
	it('prints its help and exits 0', async () => {
		const { stdout } = await run(process.execPath, [CLI, '--help']);
		expect(stdout).toContain('Usage: youtube-digest <url-or-id>');
	});

	it('exits 2 with a clear sentence for a link that is not a video', async () => {
		await expect(run(process.execPath, [CLI, 'https://www.youtube.com/@someone'])).rejects.toMatchObject({
			code: 2,
			stderr: expect.stringContaining('That is not a link to a YouTube video.'),
		});
	});

	it('exits 2 naming an option given twice, before anything else', async () => {
		const args = [CLI, 'GJLlxj_dtq8', '--model', 'x', '--model', 'y'];
		await expect(run(process.execPath, args)).rejects.toMatchObject({
			code: 2,
			stderr: '--model was given twice; give it once.\nRun youtube-digest --help for usage.\n',
		});
	});
});
