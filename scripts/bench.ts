/**
 * Figures for what users feel: plugin size and load time, the pipeline's own overhead, LLM work and
 * YouTube traffic per video length, and end-to-end time against the physical limit. Synthetic
 * transcripts (generated, no copyrighted text) and loopback fake servers; prints tables, exits 0.
 */
import { readFileSync } from 'node:fs';
import { median } from './median';
import { gzipSync } from 'node:zlib';
import digestTemplate from '../templates/digest.hbs';
import { createDigest, DigestRequest } from '../src/core/digestPipeline';
import { HttpClient } from '../src/core/http';
import { ChatModel } from '../src/core/llm/chatModel';
import { DIGEST_SCHEMA } from '../src/core/llm/digestSchema';
import { createOpenAIChatModel } from '../src/core/llm/openaiChatModel';
import { estimateTokens } from '../src/core/llm/tokenEstimate';
import { NoteStore } from '../src/core/notes/noteStore';
import { DEFAULT_PROPERTIES } from '../src/core/render/properties';
import { DEFAULT_PRICES } from '../src/core/llm/pricing';
import { DEFAULT_WEB_OPTIONS } from '../src/core/digestWriter';
import { fetchVideo } from '../src/core/youtube/fetchVideo';
import { DEFAULT_INNERTUBE_CLIENTS } from '../src/core/youtube/innertubeClients';
import { delayed, jsonReply, startFakeOpenAI } from '../test/support/fakeOpenAIServer';
import { captionsFromCues, startFakeYouTube, syntheticPlayer } from '../test/support/fakeYouTubeServer';
import { routedHttp } from '../test/support/routedHttp';
import { scriptedAnswer } from '../test/support/scriptedDigest';
import { syntheticChaptersDescription, syntheticCues } from '../test/support/syntheticTranscript';
import { measurePluginLoad } from './measurePluginLoad';

const LENGTHS = [
	{ name: '10 min', seconds: 600, chapters: 0 },
	{ name: '1 h', seconds: 3600, chapters: 8 },
	{ name: '3 h', seconds: 10800, chapters: 0 },
];
const RUNS = 7;
const LLM_LATENCY_MS = 400;
const VIDEO = 'BenchVideo1';

interface LengthFigures {
	name: string;
	overheadMs: number;
	calls: number;
	rounds: number;
	inputChars: number;
	inputTokens: number;
	transcriptTokens: number;
	youtubeRequests: number;
	youtubeBytes: number;
	endToEndMs: number;
	limitMs: number;
	peakHeapMb: number;
	peakRssMb: number;
}

async function main(): Promise<void> {
	const plugin = await measurePluginLoad(RUNS * 3);
	const mainJs = readFileSync('main.js');
	printTable(
		'main.js',
		['bytes', 'gzipped', 'eval + onload (median)', 'eval only (median)'],
		[
			[
				String(mainJs.length),
				String(gzipSync(mainJs).length),
				`${plugin.loadMs.toFixed(2)} ms`,
				`${plugin.evalMs.toFixed(2)} ms`,
			],
		],
	);
	const figures: LengthFigures[] = [];
	for (const length of LENGTHS) figures.push(await measureLength(length));
	printTable(
		'Pipeline overhead (everything but waiting on the network; fake servers answer at once)',
		['video', 'median', 'peak heap used', 'peak resident memory'],
		figures.map((f) => [
			f.name,
			`${f.overheadMs.toFixed(1)} ms`,
			`${f.peakHeapMb.toFixed(0)} MB`,
			`${f.peakRssMb.toFixed(0)} MB`,
		]),
	);
	printTable(
		'LLM work (input budget 25k tokens per call, as for a hosted model)',
		[
			'video',
			'calls',
			'sequential rounds',
			'input chars',
			'est. input tokens',
			'transcript tokens',
			'sent / transcript',
		],
		figures.map((f) => [
			f.name,
			String(f.calls),
			String(f.rounds),
			String(f.inputChars),
			String(f.inputTokens),
			String(f.transcriptTokens),
			(f.inputTokens / f.transcriptTokens).toFixed(3),
		]),
	);
	printTable(
		'Transcript fetch',
		['video', 'HTTP requests', 'bytes received'],
		figures.map((f) => [f.name, String(f.youtubeRequests), String(f.youtubeBytes)]),
	);
	printTable(
		`Wall time against the limit (LLM answers after ${LLM_LATENCY_MS} ms per call)`,
		['video', 'end to end', 'limit (fetch + one call, or + part and merge calls)', 'ratio'],
		figures.map((f) => [
			f.name,
			`${f.endToEndMs.toFixed(0)} ms`,
			`${f.limitMs.toFixed(0)} ms`,
			(f.endToEndMs / f.limitMs).toFixed(3),
		]),
	);
}

async function measureLength(length: (typeof LENGTHS)[number]): Promise<LengthFigures> {
	const cues = syntheticCues({ durationSeconds: length.seconds, seed: length.seconds });
	const youtube = await startFakeYouTube({
		player: syntheticPlayer({
			videoId: VIDEO,
			title: `Synthetic talk, ${length.name}`,
			lengthSeconds: length.seconds,
			shortDescription: length.chapters
				? syntheticChaptersDescription(length.seconds, length.chapters)
				: 'A synthetic video.',
			tracks: [{ languageCode: 'en' }],
		}),
		timedtext: captionsFromCues({ en: cues }),
	});
	const openai = await startFakeOpenAI({ respond: (request) => jsonReply(scriptedAnswer(request)) });
	try {
		const routed = routedHttp({ 'https://www.youtube.com': youtube.baseUrl });
		const transcriptTokens = estimateTokens(cues.map((cue) => cue.text).join(' '));

		const overheads: number[] = [];
		let peakHeap = 0;
		let peakRss = 0;
		for (let run = 0; run < RUNS; run++) {
			youtube.reset();
			openai.reset();
			const timed = timedHttp(routed.http);
			const started = performance.now();
			await createDigest(request(), deps(timed.http, openai.baseUrl));
			overheads.push(performance.now() - started - timed.waitingMs());
			peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
			peakRss = Math.max(peakRss, process.memoryUsage().rss);
		}
		const stats = youtube.stats();
		const sent = openai.requests
			.map((call) => call.messages.map((message) => String(message.content)).join('\n'))
			.join('\n');
		const schemaText = JSON.stringify(DIGEST_SCHEMA);
		const calls = openai.requests.length;

		openai.set({ respond: (call) => delayed(LLM_LATENCY_MS, jsonReply(scriptedAnswer(call))) });
		const fetchTimes: number[] = [];
		const endToEnd: number[] = [];
		const rounds: number[] = [];
		for (let run = 0; run < 3; run++) {
			let started = performance.now();
			await fetchVideo(routed.http, VIDEO, { clients: DEFAULT_INNERTUBE_CLIENTS, preferredLanguages: [] });
			fetchTimes.push(performance.now() - started);
			const counting = countRounds(
				createOpenAIChatModel({
					http: routed.http,
					baseUrl: openai.baseUrl,
					apiKey: 'bench',
					model: 'bench-model',
				}),
			);
			started = performance.now();
			await createDigest(request(), { ...deps(routed.http, openai.baseUrl), chatModel: counting.model });
			endToEnd.push(performance.now() - started);
			rounds.push(counting.rounds());
			peakRss = Math.max(peakRss, process.memoryUsage().rss);
		}
		return {
			name: length.name,
			overheadMs: median(overheads),
			calls,
			rounds: Math.max(...rounds),
			inputChars: sent.length + schemaText.length * calls,
			inputTokens: estimateTokens(sent) + estimateTokens(schemaText) * calls,
			transcriptTokens,
			youtubeRequests: stats.requests,
			youtubeBytes: stats.bytesSent,
			endToEndMs: median(endToEnd),
			// The physical limit: the transcript fetch, then one call, or one part call and the merge call.
			limitMs: median(fetchTimes) + LLM_LATENCY_MS * Math.min(2, Math.max(...rounds)),
			peakHeapMb: peakHeap / 2 ** 20,
			peakRssMb: peakRss / 2 ** 20,
		};
	} finally {
		await youtube.close();
		await openai.close();
	}
}

function request(): DigestRequest {
	return {
		video: { id: VIDEO },
		source: undefined,
		options: {
			outputFolder: 'Digests',
			transcriptLanguages: [],
			outputLanguage: '',
			timestampStyle: 'youtube',
			template: digestTemplate,
			properties: DEFAULT_PROPERTIES,
			// As for a hosted model: the fake servers are on loopback, which would otherwise get a local model's
			// budget.
			inputBudgetTokens: 25_000,
			concurrency: 4,
			prices: DEFAULT_PRICES,
			web: DEFAULT_WEB_OPTIONS,
			innertubeClients: DEFAULT_INNERTUBE_CLIENTS,
		},
	};
}

function deps(http: HttpClient, baseUrl: string) {
	return {
		http,
		chatModel: createOpenAIChatModel({ http, baseUrl, apiKey: 'bench', model: 'bench-model' }),
		notes: memoryNoteStore(),
		now: () => new Date(2026, 10, 25),
	};
}

/** Sums the time spent waiting on HTTP, so it can be taken out of the wall time. */
function timedHttp(http: HttpClient): { http: HttpClient; waitingMs: () => number } {
	let waiting = 0;
	return {
		http: async (request) => {
			const started = performance.now();
			try {
				return await http(request);
			} finally {
				waiting += performance.now() - started;
			}
		},
		waitingMs: () => waiting,
	};
}

/** Counts sequential rounds: a call that starts after every earlier call has ended opens a new round. */
function countRounds(model: ChatModel): { model: ChatModel; rounds: () => number } {
	let inFlight = 0;
	let rounds = 0;
	return {
		model: {
			model: model.model,
			baseUrl: model.baseUrl,
			async complete(request) {
				if (inFlight === 0) rounds++;
				inFlight++;
				try {
					return await model.complete(request);
				} finally {
					inFlight--;
				}
			},
		},
		rounds: () => rounds,
	};
}

function memoryNoteStore(): NoteStore {
	const notes = new Map<string, string>();
	return {
		exists: (path) => notes.has(path),
		read: (path) => Promise.resolve(notes.get(path) ?? ''),
		create: (path, content) => {
			notes.set(path, content);
			return Promise.resolve();
		},
		remove: (path) => {
			notes.delete(path);
			return Promise.resolve();
		},
		update: (path, edit) => {
			notes.set(path, edit(notes.get(path) ?? ''));
			return Promise.resolve();
		},
		markdownLink: (target) => `[[${target.replace(/\.md$/, '')}]]`,
		propertyLink: (target) => `[[${target.replace(/\.md$/, '')}]]`,
	};
}

function printTable(title: string, header: string[], rows: string[][]): void {
	const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
	const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	console.log(
		`\n${title}\n${line(header)}\n|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|\n` +
			`${rows.map(line).join('\n')}`,
	);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
