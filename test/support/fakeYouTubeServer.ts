/**
 * A loopback HTTP server that answers the www.youtube.com endpoints the plugin (and the youtube-transcript package)
 * call: the InnerTube player, /api/timedtext, the watch page and oEmbed. What each endpoint says is scripted with
 * small "responder" functions; ready-made ones cover recorded fixtures, synthetic videos and the failure modes in
 * shared/research/transcripts.md §2.2. Every request is recorded, with the bytes sent back, for assertions and
 * for the benchmark's request/byte counts.
 *
 * Track URLs in player responses stay `https://www.youtube.com/...` (youtube-transcript refuses other hosts); the
 * code under test is expected to rewrite the origin to `baseUrl` in its fetch.
 */
import { captionFormatContentType, serializeCaptions, type CaptionFormat } from './captionFormats';
import { loadRecordedText } from './fixtures';
import {
	startLoopbackServer,
	type IncomingTestRequest,
	type OutgoingTestResponse,
	type WrittenResponse,
} from './loopbackServer';
import { buildPlayerResponse, type SyntheticPlayerSpec } from './syntheticPlayer';
import type { Cue } from './syntheticTranscript';

/** A scripted answer: `json` is serialised when `body` is absent; status defaults to 200. */
export type FakeReply = OutgoingTestResponse;
type MaybePromise<T> = T | Promise<T>;

/** The JSON body InnerTube clients POST to /youtubei/v1/player (only the fields the fake reads are typed). */
export interface PlayerRequestBody {
	videoId?: string;
	context?: { client?: { clientName?: string; clientVersion?: string; [key: string]: unknown } };
	[key: string]: unknown;
}

/** A player request as its responder sees it. */
export interface PlayerCall extends IncomingTestRequest {
	json: PlayerRequestBody;
	clientVersion: string;
}

export type PlayerResponder = (videoId: string, clientName: string, request: PlayerCall) => MaybePromise<FakeReply>;
export type TimedtextResponder = (params: URLSearchParams, request: IncomingTestRequest) => MaybePromise<FakeReply>;
export type WatchPageResponder = (videoId: string, request: IncomingTestRequest) => MaybePromise<FakeReply>;
export type OEmbedResponder = (params: URLSearchParams, request: IncomingTestRequest) => MaybePromise<FakeReply>;

export interface FakeYouTubeOptions {
	/** POST /youtubei/v1/player. Default: a Google-API 404 error JSON. */
	player?: PlayerResponder;
	/** GET /api/timedtext. Default: 404 with an empty body. */
	timedtext?: TimedtextResponder;
	/** GET /watch?v=ID. Default: 404. */
	watchPage?: WatchPageResponder;
	/** GET /oembed?url=...&format=json. Default: 404. */
	oembed?: OEmbedResponder;
	/** Delay before every response, ms. Default 0. */
	latencyMs?: number;
}

/** One request as the fake saw it, plus what it answered. */
export interface RecordedRequest extends IncomingTestRequest {
	/** Response status; 0 until the response has been written. */
	status: number;
	/** Response body size in bytes; 0 until the response has been written. */
	bytesSent: number;
	responseHeaders: Record<string, string>;
}

export interface FakeYouTube {
	/** `http://127.0.0.1:PORT`; replace `https://www.youtube.com` with this. */
	baseUrl: string;
	/** Every request in arrival order. The array is never replaced, only cleared by `reset()`. */
	requests: RecordedRequest[];
	/** Totals over `requests`, for benchmarks. */
	stats(): { requests: number; bytesSent: number };
	/** Forget recorded requests. */
	reset(): void;
	/** Change responders or latency for later requests. */
	set(options: Partial<FakeYouTubeOptions>): void;
	close(): Promise<void>;
}

/** Google APIs' error body, e.g. for an unknown path or a malformed InnerTube request. */
function googleApiError(code: number, status: string, message: string, reason: string): FakeReply {
	return {
		status: code,
		json: { error: { code, message, errors: [{ message, domain: 'global', reason }], status } },
	};
}

const playerNotFound = (): FakeReply => googleApiError(404, 'NOT_FOUND', 'Requested entity was not found.', 'notFound');
const invalidArgument = (): FakeReply =>
	googleApiError(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.', 'badRequest');
const plainNotFound = (): FakeReply => ({
	status: 404,
	body: '',
	headers: { 'content-type': 'text/html; charset=UTF-8' },
});

export async function startFakeYouTube(initial: FakeYouTubeOptions = {}): Promise<FakeYouTube> {
	const options: FakeYouTubeOptions = { ...initial };
	const requests: RecordedRequest[] = [];

	const route = (request: IncomingTestRequest): MaybePromise<FakeReply> => {
		const { method, path, query } = request;
		if (path === '/youtubei/v1/player' && method === 'POST') return answerPlayer(request);
		if (method !== 'GET') return plainNotFound();
		if (path === '/api/timedtext') return (options.timedtext ?? plainNotFound)(query, request);
		if (path === '/watch') return (options.watchPage ?? plainNotFound)(query.get('v') ?? '', request);
		if (path === '/oembed') return (options.oembed ?? plainNotFound)(query, request);
		return plainNotFound();
	};

	const answerPlayer = (request: IncomingTestRequest): MaybePromise<FakeReply> => {
		let json: PlayerRequestBody;
		try {
			json = JSON.parse(request.body) as PlayerRequestBody;
		} catch {
			return invalidArgument(); // what InnerTube says to a body that is not JSON
		}
		if (json === null || typeof json !== 'object') return invalidArgument();
		const client = json.context?.client ?? {};
		const call: PlayerCall = { ...request, json, clientVersion: client.clientVersion ?? '' };
		return (options.player ?? playerNotFound)(json.videoId ?? '', client.clientName ?? '', call);
	};

	const server = await startLoopbackServer(
		async (request) => {
			const reply = await route(request);
			await server.sleep(options.latencyMs ?? 0);
			return reply;
		},
		(request) => {
			const recorded: RecordedRequest = { ...request, status: 0, bytesSent: 0, responseHeaders: {} };
			requests.push(recorded);
			return (written: WrittenResponse) => {
				recorded.status = written.status;
				recorded.bytesSent = written.bytesSent;
				recorded.responseHeaders = written.headers;
			};
		},
	);

	return {
		baseUrl: server.origin,
		requests,
		stats: () => ({ requests: requests.length, bytesSent: requests.reduce((sum, r) => sum + r.bytesSent, 0) }),
		reset: () => {
			requests.length = 0;
		},
		set: (partial) => {
			Object.assign(options, partial);
		},
		close: () => server.close(),
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Player responders

const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

/** Always answers `json` (any video, any client). */
export function playerJson(json: unknown, status = 200): PlayerResponder {
	const body = JSON.stringify(json);
	return () => ({ status, body, headers: { 'content-type': JSON_CONTENT_TYPE } });
}

/** Serves a recorded player fixture byte for byte, for any video and client, e.g. 'youtube.innertube.json'. */
export function recordedPlayer(fileName: string): PlayerResponder {
	const body = loadRecordedText(fileName);
	return () => ({ body, headers: { 'content-type': JSON_CONTENT_TYPE } });
}

/** Serves a synthetic ANDROID-style player response (see syntheticPlayer.ts), for any requested video and client. */
export function syntheticPlayer(spec: SyntheticPlayerSpec): PlayerResponder {
	return playerJson(buildPlayerResponse(spec));
}

/**
 * Dispatches on `context.client.clientName` (IOS, ANDROID_VR, ANDROID, WEB, ...); `'*'` answers any other client.
 * Without a match: 400 INVALID_ARGUMENT, which is what InnerTube answers to an unknown client name.
 */
export function playerByClient(byClient: Record<string, PlayerResponder>): PlayerResponder {
	return (videoId, clientName, request) => {
		const responder = byClient[clientName] ?? byClient['*'];
		return responder ? responder(videoId, clientName, request) : invalidArgument();
	};
}

/**
 * Dispatches on the requested video id; `'*'` answers any other id. Without a match, answers like YouTube does for
 * an id that does not exist: HTTP 200 with playabilityStatus ERROR "This video is unavailable" (recorded fixture).
 */
export function playerByVideo(byVideo: Record<string, PlayerResponder>): PlayerResponder {
	const unavailable = recordedPlayer('youtube_video_unavailable.innertube.json');
	return (videoId, clientName, request) =>
		(byVideo[videoId] ?? byVideo['*'] ?? unavailable)(videoId, clientName, request);
}

// ---------------------------------------------------------------------------------------------------------------
// Timedtext responders

/** Headers YouTube's timedtext server sends (the PO-token empty body comes as text/html). */
const TIMEDTEXT_HEADERS = { server: 'video-timedtext', 'content-type': 'text/html; charset=UTF-8' };

/** Cues per track: by `lang` (and `lang:asr` for the auto track), or computed from the track's lang and kind. */
export type CuesSource =
	| Record<string, readonly Cue[]>
	| ((lang: string, kind: 'asr' | undefined, params: URLSearchParams) => readonly Cue[] | undefined);

export interface CaptionsFromCuesOptions {
	/**
	 * Body format. 'byFmtParam' (default) does what YouTube does: the FIRST `fmt` value wins; srv3 → srv3,
	 * json3 → json3, absent or srv1 → classic srv1. Other fmt values (vtt, ttml, srv2) get a 400 from this fake.
	 */
	format?: CaptionFormat | 'byFmtParam';
	/** srv1 only: escape twice like live YouTube (default true). */
	doubleEscape?: boolean;
}

function lookupCues(source: CuesSource, params: URLSearchParams): readonly Cue[] | undefined {
	const lang = params.get('lang') ?? '';
	const kind = params.get('kind') === 'asr' ? 'asr' : undefined;
	if (typeof source === 'function') return source(lang, kind, params);
	return (kind === 'asr' ? source[`${lang}:asr`] : undefined) ?? source[lang];
}

function chooseFormat(format: CaptionsFromCuesOptions['format'], params: URLSearchParams): CaptionFormat | undefined {
	if (format !== undefined && format !== 'byFmtParam') return format;
	const fmt = params.get('fmt'); // URLSearchParams.get returns the first value, matching YouTube
	if (fmt === null || fmt === 'srv1') return 'srv1';
	return fmt === 'srv3' || fmt === 'json3' ? fmt : undefined;
}

/**
 * Serves captions serialised from cues; `kind=asr` tracks use the ASR layout. A track without cues gets a 404 with
 * an empty body (deliberately not YouTube's 200-empty, which tests reserve for the PO-token case).
 */
export function captionsFromCues(source: CuesSource, options: CaptionsFromCuesOptions = {}): TimedtextResponder {
	return (params) => {
		const cues = lookupCues(source, params);
		if (!cues) return { status: 404, body: '', headers: TIMEDTEXT_HEADERS };
		const format = chooseFormat(options.format, params);
		if (!format) return { status: 400, body: `fake YouTube: unsupported fmt=${params.get('fmt')}` };
		const body = serializeCaptions(format, cues, {
			asr: params.get('kind') === 'asr',
			doubleEscape: options.doubleEscape,
		});
		return { body, headers: { ...TIMEDTEXT_HEADERS, 'content-type': captionFormatContentType(format) } };
	};
}

/**
 * YouTube's "PO token required" behaviour: a track URL carrying `exp=xpe` (or `xpv`) and no `pot` gets HTTP 200 with
 * an empty body (`Content-Length: 0`). Other requests go to `next` (default 404).
 */
export function emptyBodyWhenPoToken(next: TimedtextResponder = plainNotFound): TimedtextResponder {
	return (params, request) => {
		const needsToken = params.getAll('exp').some((exp) => exp === 'xpe' || exp === 'xpv');
		if (needsToken && !params.has('pot')) return { status: 200, body: '', headers: TIMEDTEXT_HEADERS };
		return next(params, request);
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Generic responders

/** Any endpoint: a fixed status (e.g. 429, 403, 500) with a short text body. Usable as every responder type. */
export function status(
	code: number,
	body = `fake YouTube: HTTP ${code}`,
	headers: Record<string, string> = {},
): () => FakeReply {
	return () => ({ status: code, body, headers: { 'content-type': 'text/html; charset=UTF-8', ...headers } });
}

/** Successive calls get successive responders; the last one keeps answering after the list runs out. */
export function inSequence<A extends unknown[]>(
	responders: readonly ((...args: A) => MaybePromise<FakeReply>)[],
): (...args: A) => MaybePromise<FakeReply> {
	if (responders.length === 0) throw new Error('inSequence needs at least one responder');
	let call = 0;
	return (...args: A) => {
		const responder = responders[Math.min(call++, responders.length - 1)];
		return responder(...args);
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Watch page and oEmbed responders

/**
 * Serves a recorded HTML page, e.g. 'youtube_too_many_requests.html' (the recaptcha page; YouTube sends it with
 * 429).
 */
export function recordedPage(fileName: string, statusCode = 200): WatchPageResponder {
	const body = loadRecordedText(fileName);
	return () => ({ status: statusCode, body, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export interface OEmbedVideo {
	title: string;
	author_name: string;
	/** Default `https://www.youtube.com/@<author without spaces>`. */
	author_url?: string;
}

/** The video id in an oEmbed `url` parameter (watch URL or youtu.be link), or undefined. */
function oembedVideoId(url: string | null): string | undefined {
	if (!url) return undefined;
	try {
		const parsed = new URL(url);
		if (parsed.hostname === 'youtu.be') return parsed.pathname.slice(1) || undefined;
		return parsed.searchParams.get('v') ?? undefined;
	} catch {
		return undefined;
	}
}

/** oEmbed answers shaped like YouTube's (research §3.1); unknown ids get 404 "Not Found", bad URLs 400. */
export function oembedFor(videos: Record<string, OEmbedVideo>): OEmbedResponder {
	return (params) => {
		const id = oembedVideoId(params.get('url'));
		if (id === undefined) return { status: 400, body: 'Bad Request' };
		const video = videos[id];
		if (!video) return { status: 404, body: 'Not Found' };
		const embed = `<iframe width="200" height="113" src="https://www.youtube.com/embed/${id}?feature=oembed" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" allowfullscreen title="${video.title.replace(/"/g, '&quot;')}"></iframe>`;
		return {
			json: {
				title: video.title,
				author_name: video.author_name,
				author_url: video.author_url ?? `https://www.youtube.com/@${video.author_name.replace(/\s+/g, '')}`,
				type: 'video',
				height: 113,
				width: 200,
				version: '1.0',
				provider_name: 'YouTube',
				provider_url: 'https://www.youtube.com/',
				thumbnail_height: 360,
				thumbnail_width: 480,
				thumbnail_url: `https://i.ytimg.com/vi/${id}/hqdefault.jpg`,
				html: embed,
			},
			headers: { 'content-type': 'application/json' },
		};
	};
}
