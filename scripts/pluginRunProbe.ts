/**
 * One fresh process's figures for the built main.js in the fake Obsidian: the first summarize run after
 * start, then runs and re-renders each by a newly loaded copy of the plugin, as after a restart of
 * Obsidian (each run is of a new video, so nothing comes from the plugin's cache). A run's overhead is its
 * wall time less the time requestUrl spent waiting (the fake servers answer at once, but share this
 * process) and less the fake metadata cache's parsing of the notes written (Obsidian parses in a worker;
 * the plugin's handlers of its events stay in). Prints one line of JSON, a PluginRunSample.
 */
import { readFileSync } from 'node:fs';
import type { App } from 'obsidian';
import { resolve } from 'node:path';
import { loadBuiltPlugin, LoadedPlugin } from '../test/fakes/loadBuiltPlugin';
import { requestUrlLog } from '../test/fakes/obsidian/requestUrl';
import { fakeApp, notices, openInEditor, setRequestUrlRoutes, waitForMetadata } from '../test/fakes/obsidian/testing';
import { jsonReply, startFakeOpenAI } from '../test/support/fakeOpenAIServer';
import { captionsFromCues, FakeYouTube, startFakeYouTube, syntheticPlayer } from '../test/support/fakeYouTubeServer';
import { scriptedDigest } from '../test/support/scriptedDigest';
import { CUES, KEY } from '../test/obsidian/pluginHarness';

export interface PluginRunSample {
	firstRunMs: number;
	steadyRunMs: number[];
	rerenderMs: number[];
}

const SAMPLES = 7;

/**
 * In Obsidian (Electron's renderer) fetch, Request, Response, Headers and the web streams are the browser's
 * own, there from the start; Node loads them (undici) on first use, some 25 ms that would land on the first
 * run. They are loaded here, before anything is timed, as they are in the app.
 */
function loadWebGlobals(): void {
	for (const name of ['fetch', 'Request', 'Response', 'Headers', 'FormData', 'ReadableStream'] as const)
		if (typeof globalThis[name] !== 'function') throw new Error(`no global ${name}`);
}

async function main(): Promise<void> {
	loadWebGlobals();
	const youtube = await startFakeYouTube({ timedtext: captionsFromCues({ en: CUES }) });
	const openai = await startFakeOpenAI({ apiKey: KEY, respond: (request) => jsonReply(scriptedDigest(request)) });
	setRequestUrlRoutes({ 'https://www.youtube.com': youtube.baseUrl });
	const code = readFileSync('main.js', 'utf8');
	let app: App | undefined;
	let loads = 0;
	/** A new copy of the plugin, as after a restart of Obsidian, in the same vault (the digests stay). */
	const load = async () => {
		const loaded = await loadBuiltPlugin({
			// A distinct source each time, so V8 reuses nothing compiled for an earlier copy.
			code: `${code}\n//# copy ${loads++}`,
			manifestPath: resolve('manifest.json'),
			app,
			appOptions: { secrets: { 'openai-api-key': KEY } },
			data: { baseUrl: openai.baseUrl, model: 'bench-model', openDigest: false },
		});
		app = loaded.app;
		return loaded;
	};
	try {
		let plugin = await load();
		const firstRunMs = await summarizeNewVideo(plugin, youtube, 0);
		const steadyRunMs: number[] = [];
		const rerenderMs: number[] = [];
		for (let run = 1; run <= SAMPLES; run++) {
			plugin.unload();
			plugin = await load();
			steadyRunMs.push(await summarizeNewVideo(plugin, youtube, run));
			plugin.unload();
			plugin = await load();
			await waitForMetadata(plugin.app);
			await openInEditor(plugin.app, `YouTube digests/${title(run)}.md`);
			rerenderMs.push(
				await timed(plugin.app, () => plugin.runCommand('rerender-digest'), /^Digest rendered again/),
			);
		}
		const sample: PluginRunSample = { firstRunMs, steadyRunMs, rerenderMs };
		console.log(JSON.stringify(sample));
	} finally {
		await youtube.close();
		await openai.close();
	}
}

/** A note linking a video the plugin has not seen, and the summarize command run on it as a user would. */
async function summarizeNewVideo(loaded: LoadedPlugin, youtube: FakeYouTube, run: number): Promise<number> {
	const videoId = `BenchRun${String(run).padStart(3, '0')}`;
	youtube.set({
		player: syntheticPlayer({
			videoId,
			title: title(run),
			lengthSeconds: 316,
			shortDescription: 'A synthetic review.',
			tracks: [{ languageCode: 'en' }],
		}),
	});
	const path = `Video ${run}.md`;
	await loaded.app.vault.create(path, `# Watch later\n\nA review I want to see:\nhttps://youtu.be/${videoId}\n`);
	await openInEditor(loaded.app, path, { cursor: { line: 3, ch: 5 } });
	return timed(loaded.app, () => loaded.runCommand('summarize-current-note'), /^Digest written/);
}

function title(run: number): string {
	return `Synthetic review ${run}`;
}

/** Wall time from the command to the notice that ends it, less requestUrl's waiting and the fake's indexing. */
async function timed(app: App, command: () => Promise<void>, ending: RegExp): Promise<number> {
	const metadata = fakeApp(app).fakeMetadataCache;
	const indexingBefore = metadata.indexingMs;
	const noticesBefore = notices().length;
	const requestsBefore = requestUrlLog.length;
	const started = performance.now();
	await command();
	for (;;) {
		const ended = notices()
			.slice(noticesBefore)
			.find((notice) => notice.duration !== 0 && notice.message);
		if (ended) {
			if (!ending.test(ended.message)) throw new Error(`the run ended with: ${ended.message}`);
			break;
		}
		await new Promise((resolve) => setImmediate(resolve));
	}
	const elapsed = performance.now() - started;
	const waiting = requestUrlLog.slice(requestsBefore).reduce((sum, entry) => sum + (entry.durationMs ?? 0), 0);
	return elapsed - waiting - (metadata.indexingMs - indexingBefore);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
