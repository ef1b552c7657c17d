import { parseCliArgs, UsageError } from '../../src/cli/cliArgs';

describe('parseCliArgs', () => {
	it('fills in the defaults around a single link', () => {
		expect(parseCliArgs(['GJLlxj_dtq8'])).toEqual({
			input: 'GJLlxj_dtq8',
			vault: '.',
			folder: 'YouTube digests',
			note: null,
			model: null,
			baseUrl: null,
			lang: null,
			template: null,
			json: false,
			quiet: false,
			help: false,
			version: false,
		});
	});

	it('reads every option, in any order around the link', () => {
		const argv = ['--vault', 'v', '--folder=Media', 'https://youtu.be/GJLlxj_dtq8', '--note', 'Inbox/a.md'];
		argv.push('--model', 'm', '--base-url', 'http://localhost:11434/v1', '--lang', 'de', '--template', 'study');
		argv.push('--json', '--quiet');
		expect(parseCliArgs(argv)).toEqual({
			input: 'https://youtu.be/GJLlxj_dtq8',
			vault: 'v',
			folder: 'Media',
			note: 'Inbox/a.md',
			model: 'm',
			baseUrl: 'http://localhost:11434/v1',
			lang: 'de',
			template: 'study',
			json: true,
			quiet: true,
			help: false,
			version: false,
		});
	});

	it('takes --note alone, without a link', () => {
		expect(parseCliArgs(['--note', 'Inbox/a.md'])).toMatchObject({ input: null, note: 'Inbox/a.md' });
	});

	it('needs no link for --help, -h, --version or -v', () => {
		expect(parseCliArgs(['--help']).help).toBe(true);
		expect(parseCliArgs(['-h']).help).toBe(true);
		expect(parseCliArgs(['--version']).version).toBe(true);
		expect(parseCliArgs(['-v']).version).toBe(true);
	});

	it.each([
		[[], /Give a YouTube link or video id, or --note/],
		[['--quiet'], /Give a YouTube link/],
		[['GJLlxj_dtq8', 'second'], /^Expected one link, got 2: GJLlxj_dtq8 second$/],
		[['--unknown', 'GJLlxj_dtq8'], /--unknown/],
		[['GJLlxj_dtq8', '--model'], /--model/],
		[['GJLlxj_dtq8', '--json=yes'], /--json/],
		[['GJLlxj_dtq8', '--model'], /^--model needs a value\.$/],
		[
			['GJLlxj_dtq8', '--vault', '--json'],
			/^--vault needs a value, but an option follows it; .* write --vault=VALUE\.$/,
		],
		[['GJLlxj_dtq8', '--json=yes'], /^--json takes no value\.$/],
		[['--bogus', 'GJLlxj_dtq8'], /^Unknown option --bogus\.$/],
		[['-vx'], /^Unknown option -x\.$/],
		[['GJLlxj_dtq8', '--model', ''], /^--model needs a value, and it was empty\.$/],
		[['GJLlxj_dtq8', '--vault='], /^--vault needs a value, and it was empty\.$/],
		[['GJLlxj_dtq8', '--note', ' '], /^--note needs a value, and it was empty\.$/],
		[['GJLlxj_dtq8', '--template', ''], /^--template needs a value/],
		[['GJLlxj_dtq8', '--base-url', ''], /^--base-url needs a value/],
		[['GJLlxj_dtq8', '--lang', ''], /^--lang needs a value/],
		[['GJLlxj_dtq8', '--vault', 'a', '--vault', 'b'], /^--vault was given twice; give it once\.$/],
		[['GJLlxj_dtq8', '--model', 'x', '--model=y'], /^--model was given twice; give it once\.$/],
		[['--lang', 'de', 'GJLlxj_dtq8', '--lang', 'en'], /^--lang was given twice; give it once\.$/],
		[['GJLlxj_dtq8', '--folder', 'A', '--folder', 'A'], /^--folder was given twice; give it once\.$/],
		[['GJLlxj_dtq8', '--folder', '', '--folder', 'A'], /^--folder was given twice/],
		[['--note', 'a.md', '--note', 'b.md'], /^--note was given twice/],
		[['GJLlxj_dtq8', '--base-url', 'http://a', '--base-url', 'http://b'], /^--base-url was given twice/],
		[['GJLlxj_dtq8', '--template', 'study', '--template', 'compact'], /^--template was given twice/],
		[['GJLlxj_dtq8', '--vault', 'a', '--vault', ''], /^--vault was given twice/],
		[['--help', '--vault', 'a', '--vault', 'b'], /^--vault was given twice/],
	])('refuses %j with a usage error', (argv, message) => {
		expect(() => parseCliArgs(argv)).toThrow(UsageError);
		expect(() => parseCliArgs(argv)).toThrow(message);
	});

	it('takes a flag given twice as given once', () => {
		const argv = ['GJLlxj_dtq8', '--json', '--json', '--quiet', '--quiet', '--force', '--force'];
		expect(parseCliArgs(argv)).toMatchObject({ json: true, quiet: true, force: true });
		expect(parseCliArgs(['-h', '--help']).help).toBe(true);
		expect(parseCliArgs(['-v', '--version']).version).toBe(true);
	});

	it('takes an empty --folder as the vault itself', () => {
		expect(parseCliArgs(['GJLlxj_dtq8', '--folder', '']).folder).toBe('');
	});

	it('tells how to give a video id that starts with a dash, and takes it after --', () => {
		expect(() => parseCliArgs(['-8dRZ9_PiG0', '--json'])).toThrow(
			'-8dRZ9_PiG0 reads as options; a video id that starts with a dash goes after --: ' +
				'youtube-digest -- -8dRZ9_PiG0',
		);
		expect(parseCliArgs(['--json', '--', '-8dRZ9_PiG0']).input).toBe('-8dRZ9_PiG0');
	});
});
