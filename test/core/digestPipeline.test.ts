import { digestOptions } from '../../src/core/defaults';
import type { DigestRequest } from '../../src/core/digest';
import { createDigest, DigestDependencies, makeDigestData } from '../../src/core/digestPipeline';
import { DigestError } from '../../src/core/errors';
import { HttpClient } from '../../src/core/http';
import { ChatModel } from '../../src/core/llm/chatModel';
import { presetById } from '../../src/core/render/presets';
import { VIDEO_ID, videoRecord } from '../support/digestFixture';
import { memoryArchive } from '../support/memoryArchive';
import { memoryVault } from '../support/memoryVault';
import { scriptedChatModel } from '../support/scriptedChatModel';
import { scriptedAnswer } from '../support/scriptedDigest';

const NOW = new Date(2026, 10, 28, 9, 30);
const SOURCE = 'Inbox/Watch later.md';
const SOURCE_TEXT = `# Watch later\n\n- https://youtu.be/${VIDEO_ID}\n- something else\n`;
const noNetwork: HttpClient = (request) => Promise.reject(new Error(`unexpected request to ${request.url}`));

function request(overrides: Partial<DigestRequest['options']> = {}): DigestRequest {
	return {
		video: { id: VIDEO_ID },
		source: { path: SOURCE, linkText: `https://youtu.be/${VIDEO_ID}` },
		options: digestOptions({ template: presetById('digest')!.source, ...overrides }),
	};
}

/** A run whose transcript is already in the archive, so no YouTube request is made. */
async function setUp() {
	const vault = memoryVault({ [SOURCE]: SOURCE_TEXT });
	const archive = memoryArchive();
	await archive.saveTranscript(VIDEO_ID, [], videoRecord());
	const model = scriptedChatModel(scriptedAnswer);
	const deps: DigestDependencies = { http: noNetwork, chatModel: model, ...vault, archive, now: () => NOW };
	return { vault, archive, model, deps };
}

describe('createDigest', () => {
	it('writes the digest note, links it from the source note and the channel note, and keeps its data', async () => {
		const { vault, archive, model, deps } = await setUp();
		const stages: string[] = [];
		const outcome = await createDigest(request(), { ...deps, onProgress: (stage) => stages.push(stage) });

		expect(outcome.path).toBe('YouTube digests/Tablet review worth it.md');
		const note = vault.files.get(outcome.path)!;
		expect(note).toContain(`youtube_id: "${VIDEO_ID}"`);
		expect(note).toContain('A scripted TL;DR about the video.');
		expect(note).toContain('[[Watch later]]');
		expect(vault.files.get(SOURCE)).toBe(
			`# Watch later\n\n- https://youtu.be/${VIDEO_ID}\n\t- Digest: [[Tablet review worth it]]\n- something else\n`,
		);
		expect(vault.files.get('YouTube channels/Gadget Channel.md')).toContain('[[Tablet review worth it]]');
		expect(model.calls).toHaveLength(1);
		expect(stages).toEqual(['fetching', 'summarizing', 'writing']);
		// Kept once before writing (so a failed write costs no second model call), then with its note's path.
		expect(archive.saved.map((record) => record.notePath)).toEqual([undefined, outcome.path]);
		const kept = archive.saved[1];
		expect(kept.data.model).toBe('scripted-model');
		expect(kept.sourcePath).toBe(SOURCE);
		expect(kept.created).toBe(NOW.toISOString());
	});

	it('updates the same note on a second run, from the kept digest, without calling the model', async () => {
		const { vault, model, deps } = await setUp();
		const first = await createDigest(request(), deps);
		vault.files.set(
			first.path,
			vault.files.get(first.path)!.replace('%% youtube-digest:digest:end %%', '$&\nMy own note.'),
		);
		const second = await createDigest(request(), { ...deps, index: vault.index });

		expect(second.path).toBe(first.path);
		expect(model.calls).toHaveLength(1);
		expect(second.llmCalls).toBe(0);
		expect(vault.files.get(first.path)).toContain('My own note.');
		expect([...vault.files.keys()].filter((path) => path.startsWith('YouTube digests/'))).toHaveLength(1);
		expect(vault.files.get(SOURCE)!.match(/Digest:/g)).toHaveLength(1);
	});

	it('asks before a costly run and writes nothing when the answer is no', async () => {
		const { vault, model, deps } = await setUp();
		const asked: number[] = [];
		const run = createDigest(request(), {
			...deps,
			confirmCost: async (estimate) => {
				asked.push(estimate.calls);
				return false;
			},
		});

		await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
		expect(asked).toEqual([1]);
		expect(model.calls).toHaveLength(0);
		expect([...vault.files.keys()]).toEqual([SOURCE]);
	});

	it('writes a transcript digest without a model', async () => {
		const { vault, deps } = await setUp();
		const outcome = await createDigest(request({ template: presetById('transcript')!.source }), {
			...deps,
			chatModel: null,
		});

		expect(outcome.digest).toBeNull();
		expect(outcome.model).toBe('');
		expect(vault.files.get(outcome.path)).toContain('## Transcript');
	});

	it('refuses a broken template before any request', async () => {
		const { model, deps } = await setUp();
		const http = jest.fn(noNetwork);
		const run = createDigest(request({ template: '{{#each insights}}' }), { ...deps, http });

		await expect(run).rejects.toMatchObject({ kind: 'template-invalid' });
		expect(http).not.toHaveBeenCalled();
		expect(model.calls).toHaveLength(0);
	});

	it('writes nothing when cancelled while the model answers', async () => {
		const { vault, deps } = await setUp();
		const controller = new AbortController();
		const model = scriptedChatModel((answer) => {
			controller.abort();
			return scriptedAnswer(answer);
		});
		const run = createDigest(request(), { ...deps, chatModel: model, signal: controller.signal });

		await expect(run).rejects.toEqual(new DigestError('cancelled'));
		expect([...vault.files.keys()]).toEqual([SOURCE]);
		expect(vault.files.get(SOURCE)).toBe(SOURCE_TEXT);
	});
});

describe('a write that fails', () => {
	it('keeps the model’s work: the next run writes the digest without calling the model again', async () => {
		const { vault, model, deps } = await setUp();
		vault.failNext('create', 'YouTube digests/Tablet review worth it.md');
		await expect(createDigest(request(), deps)).rejects.toMatchObject({ kind: 'write-failed' });
		const again = await createDigest(request(), deps);

		expect(model.calls).toHaveLength(1);
		expect(vault.files.get(again.path)).toContain('A scripted TL;DR about the video.');
	});

	it('still writes the digest when the source note was deleted during the run', async () => {
		const { vault, deps } = await setUp();
		const model = scriptedChatModel((answer) => {
			vault.files.delete(SOURCE);
			return scriptedAnswer(answer);
		});
		const outcome = await createDigest(request(), { ...deps, chatModel: model });
		expect(vault.files.get(outcome.path)).toContain('A scripted TL;DR about the video.');
	});
});

describe('a model that never finishes', () => {
	it('is stopped at the deadline with a sentence that says so, and nothing is written', async () => {
		const { vault, deps } = await setUp();
		const hanging: ChatModel = {
			model: 'slow-model',
			baseUrl: 'https://models.example/v1',
			complete: (request) =>
				new Promise((_resolve, reject) =>
					request.signal?.addEventListener('abort', () => reject(new DigestError('cancelled'))),
				),
		};
		const run = createDigest(request(), { ...deps, chatModel: hanging, summaryDeadlineMs: 30 });

		await expect(run).rejects.toEqual(new DigestError('llm-unavailable', 'it did not finish within 0 seconds'));
		expect([...vault.files.keys()]).toEqual([SOURCE]);
	});
});

describe('makeDigestData', () => {
	it('asks YouTube for the video when its transcript is not kept', async () => {
		const { archive, deps } = await setUp();
		await archive.clear();
		const http = jest.fn(noNetwork);
		await expect(makeDigestData(request(), { ...deps, http })).rejects.toThrow();
		expect(http).toHaveBeenCalled();
		expect(http.mock.calls[0][0].url).toContain('youtube');
	});

	it("names the digest's language after the transcript unless another is asked for", async () => {
		const { deps } = await setUp();
		expect((await makeDigestData(request(), deps)).outputLanguage).toBe('en');
		const german = await makeDigestData(request({ outputLanguage: 'German' }), deps);
		expect(german.outputLanguage).toBe('German');
		expect(german.model).toBe('scripted-model');
	});
});
