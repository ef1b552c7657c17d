/**
 * One fresh process's figures for the built main.js in the fake Obsidian, the way issue 12 defines them:
 * the first summarize run after start (a freshly started app, the plugin just loaded), then the steady state
 * (further runs and re-renders by the same loaded plugin), and, for the record, a run and a re-render by a
 * newly loaded copy of the plugin in the warm process (as after the plugin is turned off and on). Each run is
 * of a new video, so nothing comes from the plugin's cache. A run's overhead is its wall time less the time
 * requestUrl spent waiting (the fake servers answer at once, but share this process) and less the fake
 * metadata cache's parsing of the notes written (Obsidian parses in a worker; the plugin's handlers of its
 * events stay in). Prints one line of JSON, a PluginRunSample.
 */
import { readFileSync } from 'node:fs';
import type { App } from 'obsidian';
import { resolve } from 'node:path';
import { loadBuiltPlugin, LoadedPlugin } from '../test/fakes/loadBuiltPlugin';
import { requestUrl, requestUrlLog } from '../test/fakes/obsidian/requestUrl';
import {
	createTestApp,
	fakeApp,
	notices,
	openInEditor,
	setRequestUrlRoutes,
	waitForMetadata,
} from '../test/fakes/obsidian/testing';
import { jsonReply, startFakeOpenAI } from '../test/support/fakeOpenAIServer';
import { captionsFromCues, FakeYouTube, startFakeYouTube, syntheticPlayer } from '../test/support/fakeYouTubeServer';
import { scriptedDigest } from '../test/support/scriptedDigest';
import { CUES, KEY } from '../test/obsidian/pluginHarness';

export interface PluginRunSample {
	firstRunMs: number;
	steadyRunMs: number[];
	rerenderMs: number[];
	reloadedRunMs: number[];
	reloadedRerenderMs: number[];
	/** A run with a preset that is not precompiled, its first use by the loaded plugin (the compiler loads). */
	otherPresetRunMs: number;
}

const SAMPLES = 7;

/**
 * In Obsidian (Electron's renderer) fetch, Request, Response, Headers, URL and AbortSignal are the
 * browser's own, compiled into the app; in Node they are JavaScript (undici and Node's internals) that V8
 * compiles on first use, some 25 ms that would land on the first run. They are used once here, before
 * anything is timed.
 */
async function warmWebGlobals(): Promise<void> {
	const response = new Response(JSON.stringify({ ok: true }), {
		status: 200,
		headers: new Headers({ 'content-type': 'application/json' }),
	});
	await response.clone().text();
	await response.json();
	await new Response(new Uint8Array([1])).arrayBuffer();
	const url = new URL('https://example.test/path?a=1&b=two');
	url.searchParams.set('c', '3');
	void new Request(url.toString(), { method: 'POST', body: '{}', headers: { 'x-a': 'b' } }).text();
	const controller = new AbortController();
	AbortSignal.any([controller.signal, AbortSignal.timeout(60_000)]).addEventListener('abort', () => undefined);
	controller.abort();
	new TextDecoder().decode(new TextEncoder().encode('é'));
}

/**
 * The app has been running before the plugin's first command: its vault, editor, notices, metadata cache and
 * requestUrl (here the fake's TypeScript and Node's HTTP client, compiled by V8 on first use; in Obsidian, the
 * app's code and Electron's network stack) are warm. A note is written, edited, opened, indexed and removed
 * through them, and each fake server is asked once, without the plugin, before anything is timed.
 */
async function warmFakeApp(app: App, servers: string[]): Promise<void> {
	for (const url of servers) {
		await requestUrl({ url, throw: false });
		await requestUrl({ url, method: 'POST', body: '{}', contentType: 'application/json', throw: false });
	}
	const note = await app.vault.create('Warm-up.md', '# Warm-up\n\nhttps://example.test\n');
	await app.vault.modify(note, '---\ntags: [a]\n---\n# Warm-up\n\n[[Link]] text\n');
	await openInEditor(app, note.path, { cursor: { line: 0, ch: 0 } });
	await waitForMetadata(app);
	await app.vault.delete(note);
}

async function main(): Promise<void> {
	await warmWebGlobals();
	const youtube = await startFakeYouTube({ timedtext: captionsFromCues({ en: CUES }) });
	const openai = await startFakeOpenAI({ apiKey: KEY, respond: (request) => jsonReply(scriptedDigest(request)) });
	setRequestUrlRoutes({ 'https://www.youtube.com': youtube.baseUrl });
	const code = readFileSync('main.js', 'utf8');
	const app = createTestApp({
		pluginId: (JSON.parse(readFileSync('manifest.json', 'utf8')) as { id: string }).id,
		secrets: { 'openai-api-key': KEY },
	});
	await warmFakeApp(app, [youtube.baseUrl, `${openai.baseUrl}/models`]);
	let loads = 0;
	/** A new copy of the plugin in the same vault (the digests stay). */
	const load = () =>
		loadBuiltPlugin({
			// A distinct source each time, so V8 reuses nothing compiled for an earlier copy.
			code: `${code}\n//# copy ${loads++}`,
			manifestPath: resolve('manifest.json'),
			app,
			data: { baseUrl: openai.baseUrl, model: 'bench-model', openDigest: false },
		});
	const rerender = async (loaded: LoadedPlugin, run: number) => {
		await waitForMetadata(loaded.app);
		await openInEditor(loaded.app, `YouTube digests/${title(run)}.md`);
		return timed(loaded.app, () => loaded.runCommand('rerender-digest'), /^Digest rendered again/);
	};
	try {
		let plugin = await load();
		const sample: PluginRunSample = {
			firstRunMs: await summarizeNewVideo(plugin, youtube, 0),
			steadyRunMs: [],
			rerenderMs: [],
			reloadedRunMs: [],
			reloadedRerenderMs: [],
			otherPresetRunMs: 0,
		};
		let run = 1;
		for (let sampled = 0; sampled < SAMPLES; sampled++, run++) {
			sample.steadyRunMs.push(await summarizeNewVideo(plugin, youtube, run));
			sample.rerenderMs.push(await rerender(plugin, run));
		}
		(plugin.plugin as unknown as { settings: { defaultTemplate: string } }).settings.defaultTemplate = 'study';
		sample.otherPresetRunMs = await summarizeNewVideo(plugin, youtube, run++);
		for (let sampled = 0; sampled < SAMPLES; sampled++, run++) {
			plugin.unload();
			plugin = await load();
			sample.reloadedRunMs.push(await summarizeNewVideo(plugin, youtube, run));
			plugin.unload();
			plugin = await load();
			sample.reloadedRerenderMs.push(await rerender(plugin, run));
		}
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
