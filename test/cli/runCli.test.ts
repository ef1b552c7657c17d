import { mkdtemp, mkdir, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import * as fsPromises from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { EXIT } from '../../src/cli/exitCodes';
import { runCli } from '../../src/cli/runCli';
import { errorReply, FakeOpenAI, jsonReply, startFakeOpenAI, textReply } from '../support/fakeOpenAIServer';
import { captionsFromCues, FakeYouTube, recordedPlayer, startFakeYouTube, status } from '../support/fakeYouTubeServer';
import { routedHttp } from '../support/routedHttp';
import { scriptedDigest } from '../support/scriptedDigest';
import { syntheticCues } from '../support/syntheticTranscript';

// readdir is wrapped so that a test can make one folder unreadable, as it is for a user without permission
// (tests may run as root, who can read any folder).
jest.mock('node:fs/promises', () => {
	const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
	return { ...actual, readdir: jest.fn(actual.readdir) };
});

const VIDEO = 'GJLlxj_dtq8';
const KEY = 'sk-test-key';
const cues = syntheticCues({ durationSeconds: 316, seed: 7 });

let youtube: FakeYouTube;
let openai: FakeOpenAI;
let vault: string;

beforeAll(async () => {
	youtube = await startFakeYouTube();
	openai = await startFakeOpenAI({ apiKey: KEY });
});
afterAll(async () => {
	await youtube.close();
	await openai.close();
});
beforeEach(async () => {
	youtube.reset();
	openai.reset();
	youtube.set({ player: recordedPlayer('youtube.innertube.json'), timedtext: captionsFromCues({ en: cues }) });
	openai.set({ respond: (request) => jsonReply(scriptedDigest(request)) });
	vault = await mkdtemp(join(tmpdir(), 'digest-vault-'));
});
afterEach(() => rm(vault, { recursive: true, force: true }));

async function cli(
	args: string[],
	env: Record<string, string | undefined> = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: openai.baseUrl },
	cwd = vault,
) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runCli({
		argv: args,
		env,
		cwd,
		stdout: (text) => out.push(text),
		stderr: (text) => err.push(text),
		stderrIsTTY: false,
		http: routedHttp({ 'https://www.youtube.com': youtube.baseUrl }).http,
		now: () => new Date(2026, 10, 25, 12, 0),
		version: '9.9.9',
	});
	return { code, stdout: out.join(''), stderr: err.join('') };
}

async function vaultFiles(): Promise<string[]> {
	const entries = await readdir(vault, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(vault.length + 1))
		.sort();
}

/** Every folder in the vault, so a test can see that a failed run left no empty one behind. */
async function vaultFolders(): Promise<string[]> {
	const entries = await readdir(vault, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isDirectory())
		.map((entry) => join(entry.parentPath, entry.name).slice(vault.length + 1))
		.sort();
}

function frontmatterOf(note: string): Record<string, unknown> {
	return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(note)?.[1] ?? '') as Record<string, unknown>;
}

describe('youtube-digest writing into a folder vault', () => {
	it('summarizes the link of a note, writes the digest and links it below the link in that note', async () => {
		await mkdir(join(vault, 'Inbox'));
		const source = '# Watch later\n\n- [Surface Go](https://youtu.be/GJLlxj_dtq8?t=30)\n- something else\n';
		await writeFile(join(vault, 'Inbox', 'Watch later.md'), source);

		const result = await cli(['--note', 'Inbox/Watch later.md', '--model', 'test-model']);

		expect(result).toMatchObject({ code: 0, stderr: '' });
		const path = join(vault, 'YouTube digests', 'Surface Go Review - It’s Awesome.md');
		expect(result.stdout).toBe(`${path}\n`);
		const note = await readFile(path, 'utf8');
		expect(frontmatterOf(note)).toEqual({
			title: 'Surface Go Review - It’s Awesome',
			source: 'https://www.youtube.com/watch?v=GJLlxj_dtq8',
			author: ['[[Dave2D]]'],
			entities: ['Surface Go'],
			created: '2026-11-25',
			description: expect.stringContaining('Dave2D review of the Microsoft Surface Go.'),
			tags: ['youtube', 'scripted-topic', 'testing'],
			youtube_id: 'GJLlxj_dtq8',
			duration: '00:05:16',
			source_note: '[[Watch later]]',
			language: 'en',
			image: 'https://i.ytimg.com/vi/GJLlxj_dtq8/sddefault.jpg',
		});
		expect(note).toContain('> [!tldr] TL;DR\n> A scripted TL;DR about the video.');
		expect(note).toContain('- 🤔 First insight. [0:00](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=0s)');
		expect(note).toContain('Source: [[Watch later]]');
		// Every timestamp in the note is the start of a caption the fake served.
		const starts = new Set(cues.map((cue) => Math.floor(cue.start)));
		const linked = [...note.matchAll(/&t=(\d+)s\)/g)].map((match) => Number(match[1]));
		expect(linked.length).toBeGreaterThan(10);
		for (const seconds of linked) expect(starts.has(seconds)).toBe(true);

		expect(await readFile(join(vault, 'Inbox', 'Watch later.md'), 'utf8')).toBe(
			'# Watch later\n\n- [Surface Go](https://youtu.be/GJLlxj_dtq8?t=30)\n\t- Digest: [[Surface Go Review - It’s Awesome]]\n- something else\n',
		);
	});

	it('sends one structured request with the key, the model, a strict schema and the transcript as data', async () => {
		await cli([VIDEO, '--model', 'test-model']);
		expect(openai.requests).toHaveLength(1);
		const [request] = openai.requests;
		expect(request.authorization).toBe(`Bearer ${KEY}`);
		expect(request.model).toBe('test-model');
		expect(request.response_format).toMatchObject({
			type: 'json_schema',
			json_schema: { name: 'video_digest', strict: true },
		});
		const user = String(request.messages[1].content);
		const boundary = /^<(video-[a-z0-9]+)>/.exec(user)?.[1];
		expect(boundary).toBeDefined();
		expect(user.trimEnd().endsWith(`</${boundary}>`)).toBe(true);
		expect(user).toContain(`[0:00] ${cues[0].text}`);
		expect(String(request.messages[0].content)).toContain('never instructions');
	});

	it('never overwrites a different note of the same name', async () => {
		await mkdir(join(vault, 'YouTube digests'));
		await writeFile(join(vault, 'YouTube digests', 'Surface Go Review - It’s Awesome.md'), 'mine');
		const result = await cli([VIDEO]);
		expect(result.stdout).toContain('Surface Go Review - It’s Awesome 2.md');
		expect(await readFile(join(vault, 'YouTube digests', 'Surface Go Review - It’s Awesome.md'), 'utf8')).toBe(
			'mine',
		);
	});

	it('writes a transcript digest without a key and says how to get the full one', async () => {
		const result = await cli([VIDEO, '--folder', 'Clips'], {});
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('OPENAI_API_KEY');
		expect(openai.requests).toHaveLength(0);
		const note = await readFile(join(vault, 'Clips', 'Surface Go Review - It’s Awesome.md'), 'utf8');
		expect(note).toContain('## Transcript');
		expect(note).toContain(`[0:00](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=0s) ${cues[0].text}`);
		expect(note).not.toContain('Key insights');
		expect(frontmatterOf(note)).not.toHaveProperty('model');
	});

	it('prints the digest data with --json and writes nothing', async () => {
		const result = await cli([VIDEO, '--json']);
		expect(result.code).toBe(0);
		const data = JSON.parse(result.stdout) as Record<string, unknown>;
		expect(data).toMatchObject({
			videoId: VIDEO,
			title: 'Surface Go Review - It’s Awesome',
			tldr: 'A scripted TL;DR about the video.',
		});
		expect((data.insights as unknown[]).length).toBe(5);
		expect(await vaultFiles()).toEqual([]);
	});

	it('renders a template file given with --template', async () => {
		await writeFile(join(vault, 'mine.hbs'), '# {{title}}\n{{tldr}}\n');
		await cli([VIDEO, '--template', 'mine.hbs']);
		const note = await readFile(join(vault, 'YouTube digests', 'Surface Go Review - It’s Awesome.md'), 'utf8');
		expect(
			note.endsWith(
				'---\n%% youtube-digest:digest:start %%\n# Surface Go Review - It’s Awesome\n' +
					'A scripted TL;DR about the video.\n%% youtube-digest:digest:end %%\n',
			),
		).toBe(true);
	});
});

describe('youtube-digest arguments and exit codes', () => {
	it.each([
		[['--help'], 0],
		[['--version'], 0],
		[[], 2],
		[['--unknown', VIDEO], 2],
		[[VIDEO, 'second'], 2],
		[['not a link'], 2],
		[['https://www.youtube.com/playlist?list=PLx'], 2],
		[[VIDEO, '--template', 'missing.hbs'], 2],
		[['--note', '../outside.md'], 2],
		[['--note', 'missing.md'], 2],
	])('%j exits with %i', async (args, code) => {
		const result = await cli(args);
		expect(result.code).toBe(code);
		if (code !== 0) expect(result.stderr.length).toBeGreaterThan(0);
		expect(await vaultFiles()).toEqual([]);
	});

	it('documents every exit code it uses, in --help and in the README', async () => {
		const help = (await cli(['--help'])).stdout;
		const readme = await readFile(join(__dirname, '../../README.md'), 'utf8');
		const readmeCodes = [...readme.matchAll(/^\| (\d+) \|/gm)].map((match) => Number(match[1]));
		const helpCodes = [...(help.split('Exit codes:')[1] ?? '').matchAll(/^ {2}(\d+) /gm)].map((m) => Number(m[1]));
		const used = Object.values(EXIT).sort((a, b) => a - b);
		expect(helpCodes).toEqual(used);
		expect(readmeCodes).toEqual(used);
	});

	it('prints usage with examples and the version', async () => {
		expect((await cli(['--help'])).stdout).toContain('Examples:');
		expect((await cli(['-v'])).stdout).toBe('9.9.9\n');
	});

	it('exits 2 for a template with an error, saying where', async () => {
		await writeFile(join(vault, 'bad.hbs'), 'ok\n{{titel}}\n');
		const result = await cli([VIDEO, '--template', 'bad.hbs']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('line 2');
	});

	it.each([
		['youtube_transcripts_disabled.innertube.json', 3, 'no captions'],
		['youtube_age_restricted.innertube.json', 3, 'age-restricted'],
		['youtube_video_unavailable.innertube.json', 3, 'unavailable'],
		['youtube_request_blocked.innertube.json', 4, 'not a bot'],
	])('%s exits %i', async (file, code, words) => {
		youtube.set({ player: recordedPlayer(file) });
		const result = await cli([VIDEO]);
		expect(result.code).toBe(code);
		expect(result.stderr).toContain(words);
		expect(openai.requests).toHaveLength(0);
	});

	it('exits 4 when YouTube rate limits', async () => {
		youtube.set({ player: status(429) });
		expect((await cli([VIDEO])).code).toBe(4);
	});

	it('exits 5 for a rejected key and leaves the source note as it was', async () => {
		const source = 'https://youtu.be/GJLlxj_dtq8\n';
		await writeFile(join(vault, 'Source.md'), source);
		const result = await cli(['--note', 'Source.md'], {
			OPENAI_API_KEY: 'sk-wrong',
			OPENAI_BASE_URL: openai.baseUrl,
		});
		expect(result.code).toBe(5);
		expect(result.stderr).toContain('API key was rejected');
		expect(await vaultFiles()).toEqual(['Source.md']);
		expect(await readFile(join(vault, 'Source.md'), 'utf8')).toBe(source);
	});

	it('retries once with the validation error, then exits 5 when the output stays invalid', async () => {
		openai.set({ respond: textReply('{"tldr": 42}') });
		const result = await cli([VIDEO]);
		expect(result.code).toBe(5);
		expect(openai.requests).toHaveLength(2);
		expect(String(openai.requests[1].messages.at(-1)?.content)).toContain('$.tldr expected a string');
		expect(await vaultFiles()).toEqual([]);
	});

	it('exits 5 when the model is unknown', async () => {
		openai.set({
			respond: errorReply(404, { message: 'The model `nope` does not exist', code: 'model_not_found' }),
		});
		const result = await cli([VIDEO, '--model', 'nope']);
		expect(result.code).toBe(5);
		expect(result.stderr).toContain('model was not found');
	});

	it('exits 4 when the language model server cannot be reached', async () => {
		const result = await cli([VIDEO], { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
		expect(result.code).toBe(4);
	});
});

describe('youtube-digest as a newcomer meets it', () => {
	const source = '# Watch later\n\n- https://youtu.be/GJLlxj_dtq8\n';
	const digestPath = () => join(vault, 'YouTube digests', 'Surface Go Review - It’s Awesome.md');
	let elsewhere: string;
	beforeEach(async () => {
		elsewhere = await mkdtemp(join(tmpdir(), 'digest-cwd-'));
	});
	afterEach(() => rm(elsewhere, { recursive: true, force: true }));

	const noRequests = () => {
		expect(youtube.requests).toHaveLength(0);
		expect(openai.requests).toHaveLength(0);
	};

	it('takes --note as a path in the vault, as the example in --help does, from any current folder', async () => {
		await mkdir(join(vault, 'Inbox'));
		await writeFile(join(vault, 'Inbox', 'Watch later.md'), source);
		const result = await cli(['--note', 'Inbox/Watch later.md', '--vault', vault], undefined, elsewhere);
		expect(result).toMatchObject({ code: 0, stdout: `${digestPath()}\n` });
		expect(await readFile(join(vault, 'Inbox', 'Watch later.md'), 'utf8')).toContain(
			'- Digest: [[Surface Go Review - It’s Awesome]]',
		);
	});

	it('takes --note from the current folder when that is inside the vault', async () => {
		await mkdir(join(vault, 'Inbox'));
		await writeFile(join(vault, 'Inbox', 'Watch later.md'), source);
		const result = await cli(['--note', 'Watch later.md', '--vault', '..'], undefined, join(vault, 'Inbox'));
		expect(result.code).toBe(0);
		expect(frontmatterOf(await readFile(digestPath(), 'utf8')).source_note).toBe('[[Watch later]]');
	});

	it('refuses a --note outside the vault before any request', async () => {
		await writeFile(join(elsewhere, 'Outside.md'), source);
		const result = await cli(['--note', 'Outside.md', '--vault', vault], undefined, elsewhere);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('is not inside the vault');
		noRequests();
	});

	it.each([
		['a missing --note next to a link', () => [VIDEO, '--note', 'missing.md'], 'was not found in the vault'],
		['a --note that is a folder', () => [VIDEO, '--note', 'Folder.md'], 'is a folder, not a note'],
		['a --vault that is a file', () => [VIDEO, '--vault', 'file.txt'], 'is a file, not a folder'],
		['a mistyped --vault', () => [VIDEO, '--vault', 'Notse'], 'does not exist'],
		['an unknown --lang', () => [VIDEO, '--lang', 'Klingonish'], 'neither a language code'],
		['--vault given twice', () => [VIDEO, '--vault', vault, '--vault', 'Folder.md'], '--vault was given twice'],
	])('exits 2 for %s before any request, creating nothing', async (_, args, words) => {
		await mkdir(join(vault, 'Folder.md'));
		await writeFile(join(vault, 'file.txt'), 'not a folder');
		const result = await cli(args());
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(words);
		expect(result.stderr).not.toMatch(/ENOTDIR|ENOENT/);
		noRequests();
		expect(await vaultFiles()).toEqual(['file.txt']);
		expect(await vaultFolders()).toEqual(['Folder.md']);
	});

	it('makes one note for --lang en, EN and English, with the language as one code', async () => {
		for (const lang of ['en', 'EN', 'English']) expect((await cli([VIDEO, '--lang', lang])).code).toBe(0);
		expect(await vaultFiles()).toEqual([
			join('YouTube channels', 'Dave2D.md'),
			join('YouTube digests', 'Surface Go Review - It’s Awesome.md'),
		]);
		expect(frontmatterOf(await readFile(digestPath(), 'utf8')).language).toBe('en');
	});

	it('leaves no note and no new folder when the run fails while writing', async () => {
		await writeFile(join(vault, 'Source.md'), source);
		openai.set({
			respond: async (request) => {
				await unlink(join(vault, 'Source.md')); // the source note disappears during the run
				return jsonReply(scriptedDigest(request));
			},
		});
		const result = await cli(['--note', 'Source.md']);
		expect(result.code).toBe(6);
		expect(await vaultFiles()).toEqual([]);
		expect(await vaultFolders()).toEqual([]);
	});

	it('strips the properties of a template file, as the plugin does', async () => {
		await writeFile(join(vault, 'mine.hbs'), '---\ntags: [template]\n---\n# {{title}}\n');
		expect((await cli([VIDEO, '--template', 'mine.hbs'])).code).toBe(0);
		const note = await readFile(digestPath(), 'utf8');
		expect(note).toContain('%% youtube-digest:digest:start %%\n# Surface Go Review - It’s Awesome\n%%');
		expect(note).not.toContain('template');
	});

	it('never replaces a full digest with a transcript digest when run without a key, unless --force', async () => {
		await cli([VIDEO]);
		const full = await readFile(digestPath(), 'utf8');
		youtube.reset();
		const refused = await cli([VIDEO], {});
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('is a full digest of this video');
		expect(refused.stderr).toContain('--force');
		expect(youtube.requests).toHaveLength(0);
		expect(await readFile(digestPath(), 'utf8')).toBe(full);

		const forced = await cli([VIDEO, '--force'], {});
		expect(forced.code).toBe(0);
		expect(await readFile(digestPath(), 'utf8')).not.toContain('[!tldr]');
	});

	it('skips a folder of the vault it cannot read', async () => {
		await mkdir(join(vault, 'Locked'));
		await writeFile(join(vault, 'Locked', 'Secret.md'), 'x');
		const locked = join(vault, 'Locked');
		// As the system answers a user without permission: the folder, or any walk that reaches it, fails.
		jest.mocked(fsPromises.readdir).mockImplementation(((path: string, options?: { recursive?: boolean }) => {
			const reaches = String(path) === locked || (options?.recursive && locked.startsWith(`${String(path)}/`));
			if (reaches)
				return Promise.reject(Object.assign(new Error(`EACCES: permission denied`), { code: 'EACCES' }));
			return jest.requireActual<typeof fsPromises>('node:fs/promises').readdir(path, options as never);
		}) as typeof fsPromises.readdir);
		try {
			const result = await cli([VIDEO]);
			expect(result).toMatchObject({ code: 0, stderr: '' });
		} finally {
			jest.mocked(fsPromises.readdir).mockImplementation(
				jest.requireActual<typeof fsPromises>('node:fs/promises').readdir,
			);
		}
		expect(await readFile(digestPath(), 'utf8')).toContain('youtube_id: "GJLlxj_dtq8"');
	});

	it('reads nothing of the vault with --json', async () => {
		await mkdir(join(vault, 'Notes'));
		jest.mocked(fsPromises.readdir).mockClear();
		expect((await cli([VIDEO, '--json'])).code).toBe(0);
		expect(fsPromises.readdir).not.toHaveBeenCalled();
	});

	it('costs one player request for a video whose captions are disabled, as the README says', async () => {
		youtube.set({ player: recordedPlayer('youtube_transcripts_disabled.innertube.json') });
		expect((await cli([VIDEO])).code).toBe(3);
		expect(youtube.requests.map((request) => request.path)).toEqual(['/youtubei/v1/player']);
	});
});

describe('youtube-digest messages name its own options', () => {
	const plugin = /plugin|settings|internet connection/;

	it('names OPENAI_API_KEY for a rejected key', async () => {
		const result = await cli([VIDEO], { OPENAI_API_KEY: 'sk-wrong', OPENAI_BASE_URL: openai.baseUrl });
		expect(result.stderr).toContain('check OPENAI_API_KEY');
		expect(result.stderr).not.toMatch(plugin);
	});

	it('names --model for an unknown model', async () => {
		openai.set({
			respond: errorReply(404, { message: 'The model `nope` does not exist', code: 'model_not_found' }),
		});
		const result = await cli([VIDEO, '--model', 'nope']);
		expect(result.stderr).toContain('check --model');
		expect(result.stderr).not.toMatch(plugin);
	});

	it('asks whether a local server is running instead of blaming the internet connection', async () => {
		const result = await cli([VIDEO], { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
		expect(result.code).toBe(4);
		expect(result.stderr).toContain('Could not connect to http://127.0.0.1:9/v1: is the server running?');
		expect(result.stderr).not.toMatch(plugin);
	});

	it('says YouTube refused the captions, with the status, for a 404 on the caption track', async () => {
		youtube.set({ timedtext: status(404) });
		const result = await cli([VIDEO]);
		expect(result.code).toBe(4);
		expect(result.stderr).toContain('YouTube refused the request: HTTP 404 for the captions.');
		expect(result.stderr).not.toMatch(plugin);
	});
});

describe('youtube-digest checks the model server address before any request', () => {
	const noRequests = () => {
		expect(youtube.requests).toHaveLength(0);
		expect(openai.requests).toHaveLength(0);
	};

	it.each([
		['not a url', /^OPENAI_BASE_URL not a url is not the http:\/\/ or https:\/\/ address of a server/],
		['localhost:1234/v1', /^OPENAI_BASE_URL localhost:1234\/v1 is not the http/],
		['ftp://example.com/v1', /^OPENAI_BASE_URL ftp:\/\/example.com\/v1 is not the http/],
		['http://127.0.0.1:9/v1?api-version=1', /^OPENAI_BASE_URL .* has a query or a fragment/],
		['http://user:pass@127.0.0.1:9/v1', /^OPENAI_BASE_URL must not contain a user name or password/],
	])('exits 2 for OPENAI_BASE_URL=%s, naming it, and writes nothing', async (baseUrl, message) => {
		const result = await cli([VIDEO], { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: baseUrl });
		expect(result).toMatchObject({ code: EXIT.badInput, stdout: '' });
		expect(result.stderr).toMatch(message);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).not.toContain('pass@');
		noRequests();
		expect(await vaultFiles()).toEqual([]);
	});

	it('names --base-url when the flag gave the address', async () => {
		const result = await cli([VIDEO, '--base-url', 'not a url']);
		expect(result.code).toBe(EXIT.badInput);
		expect(result.stderr).toMatch(/^--base-url not a url is not the http/);
		noRequests();
	});

	it('takes an empty OPENAI_BASE_URL or YOUTUBE_DIGEST_MODEL as unset (export X=)', async () => {
		const err: string[] = [];
		const code = await runCli({
			argv: [VIDEO],
			env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: '', YOUTUBE_DIGEST_MODEL: ' ' },
			cwd: vault,
			stdout: () => undefined,
			stderr: (text) => err.push(text),
			stderrIsTTY: false,
			http: routedHttp({
				'https://www.youtube.com': youtube.baseUrl,
				'https://api.openai.com/v1': openai.baseUrl,
			}).http,
		});
		expect({ code, stderr: err.join('') }).toEqual({ code: EXIT.ok, stderr: '' });
		expect(openai.requests[0].model).toBe('gpt-4.1-mini');
	});
});

describe('youtube-digest checks OPENAI_API_KEY before any request', () => {
	it.each([['sk-test\nkey'], ['sk-test key'], ['sk-test\tkey'], ['sk-tëst-key']])(
		'exits 2 naming OPENAI_API_KEY for %j, never printing it',
		async (apiKey) => {
			const result = await cli([VIDEO], { OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: openai.baseUrl });
			expect(result).toMatchObject({ code: EXIT.badInput, stdout: '' });
			expect(result.stderr).toMatch(/^OPENAI_API_KEY contains a space, a line break or another character/);
			expect(result.stderr.trim().split('\n')).toHaveLength(1);
			expect(result.stderr).not.toContain('sk-t');
			expect(youtube.requests).toHaveLength(0);
			expect(openai.requests).toHaveLength(0);
			expect(await vaultFiles()).toEqual([]);
		},
	);

	it('still takes a key with a trailing line break, as `export OPENAI_API_KEY=$(cat key)` may leave', async () => {
		const result = await cli([VIDEO], { OPENAI_API_KEY: `${KEY}\n`, OPENAI_BASE_URL: openai.baseUrl });
		expect(result.code).toBe(EXIT.ok);
	});
});

describe('youtube-digest --note given a folder', () => {
	it.each([['Inbox'], ['.'], ['Inbox/']])(
		'exits 2 for --note %s, saying it is a folder, before any request',
		async (note) => {
			await mkdir(join(vault, 'Inbox'));
			const result = await cli(['--note', note]);
			expect(result).toMatchObject({
				code: EXIT.badInput,
				stdout: '',
				stderr: `--note ${note} is a folder, not a note.\n`,
			});
			expect(youtube.requests).toHaveLength(0);
			expect(await vaultFiles()).toEqual([]);
		},
	);
});

describe('youtube-digest never waits on a pipe or a device given as a file', () => {
	const fifo = () => {
		execFileSync('mkfifo', [join(vault, 'pipe.md')]);
		return 'pipe.md';
	};

	it('exits 2 for a --note that is a named pipe, at once', async () => {
		const result = await cli(['--note', fifo()]);
		expect(result).toMatchObject({ code: EXIT.badInput, stderr: '--note pipe.md is not a file.\n' });
		expect(youtube.requests).toHaveLength(0);
	}, 3000);

	it.each([['pipe'], ['/dev/zero']])(
		'exits 2 for a --template that is a %s, at once',
		async (kind) => {
			const template = kind === 'pipe' ? fifo() : kind;
			const result = await cli([VIDEO, '--template', template]);
			expect(result.code).toBe(EXIT.badInput);
			expect(result.stderr).toContain(`${template} is neither a preset`);
			expect(youtube.requests).toHaveLength(0);
		},
		3000,
	);
});
