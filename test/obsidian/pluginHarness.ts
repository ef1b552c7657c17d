import { loadBuiltPlugin, LoadedPlugin } from '../fakes/loadBuiltPlugin';
import { notices, openInEditor, resetFakeObsidian, setRequestUrlRoutes, waitFor } from '../fakes/obsidian/testing';
import { FakeOpenAI, jsonReply, startFakeOpenAI } from '../support/fakeOpenAIServer';
import { captionsFromCues, FakeYouTube, recordedPlayer, startFakeYouTube } from '../support/fakeYouTubeServer';
import { scriptedDigest } from '../support/scriptedDigest';
import { Cue } from '../support/syntheticTranscript';

export const KEY = 'sk-plugin-test';
export const SOURCE_PATH = 'Inbox/Watch later.md';
export const SOURCE = '# Watch later\n\nA review I want to see:\nhttps://youtu.be/GJLlxj_dtq8\n\nMore later.\n';
export const DIGEST_PATH = 'YouTube digests/Surface Go Review - It’s Awesome.md';
export const CUES: Cue[] = [
	{ start: 0, duration: 20, text: 'Microsoft just released the Surface Go.' },
	{ start: 20, duration: 25, text: 'It is a small tablet with a kickstand.' },
	{ start: 45, duration: 30, text: 'The keyboard cover is sold separately.' },
	{ start: 75, duration: 40, text: 'Battery life is about seven hours.' },
	{ start: 115, duration: 60, text: 'Performance is fine for light work.' },
	{ start: 175, duration: 141, text: 'Overall it is worth it for students.' },
];

export interface PluginOptions {
	secrets?: Record<string, string>;
	data?: Record<string, unknown>;
	config?: Record<string, unknown>;
	files?: Record<string, string>;
}

export interface Harness {
	youtube: FakeYouTube;
	openai: FakeOpenAI;
	loadPlugin(options?: PluginOptions): Promise<LoadedPlugin>;
}

/**
 * The built main.js in the fake Obsidian, with requestUrl routed to a fake YouTube (recorded player
 * response, synthetic captions) and the plugin pointed at a fake OpenAI server that checks the key.
 * Registers the Jest hooks that start, reset and stop everything.
 */
export function useBuiltPlugin(): Harness {
	const harness = { loaded: null as LoadedPlugin | null } as Harness & { loaded: LoadedPlugin | null };
	beforeAll(async () => {
		harness.youtube = await startFakeYouTube();
		harness.openai = await startFakeOpenAI({ apiKey: KEY });
	});
	afterAll(async () => {
		await harness.youtube.close();
		await harness.openai.close();
	});
	beforeEach(() => {
		harness.youtube.reset();
		harness.openai.reset();
		harness.youtube.set({
			player: recordedPlayer('youtube.innertube.json'),
			timedtext: captionsFromCues({ en: CUES }),
			latencyMs: 0,
		});
		harness.openai.set({ respond: (request) => jsonReply(scriptedDigest(request)), latencyMs: 0 });
		setRequestUrlRoutes({ 'https://www.youtube.com': harness.youtube.baseUrl });
	});
	afterEach(() => {
		harness.loaded?.unload();
		harness.loaded = null;
		resetFakeObsidian();
	});
	harness.loadPlugin = async (options = {}) => {
		harness.loaded = await loadBuiltPlugin({
			appOptions: {
				files: { [SOURCE_PATH]: SOURCE, ...options.files },
				secrets: options.secrets ?? { 'openai-api-key': KEY },
				config: options.config,
			},
			data: { baseUrl: harness.openai.baseUrl, model: 'test-model', ...options.data },
		});
		return harness.loaded;
	};
	return harness;
}

/** Opens the source note with the cursor on its YouTube link and runs a command, as a user would. */
export async function runOnSourceNote(plugin: LoadedPlugin, command = 'summarize-current-note'): Promise<void> {
	await openInEditor(plugin.app, SOURCE_PATH, { cursor: { line: 3, ch: 5 } });
	await plugin.runCommand(command);
}

/** The text of the first notice that is not the sticky progress notice: how the run ended. */
export function finalNotice(after = 0): Promise<string> {
	return waitFor(
		() =>
			notices()
				.slice(after)
				.find((notice) => notice.duration !== 0)?.message,
		{ timeoutMs: 10_000 },
	);
}

/** The notice of a successful run: the path, then the tokens used and the cost (free on a loopback server). */
export function written(path: string): RegExp {
	return new RegExp(
		`^Digest written: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d[\\d,]* tokens in, ` +
			`\\d[\\d,]* out, free\\)$`,
	);
}
