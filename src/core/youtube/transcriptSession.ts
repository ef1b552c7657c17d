import {
	fetchTranscript,
	TranscriptResponse,
	YoutubeTranscriptTooManyRequestError,
	YoutubeTranscriptVideoUnavailableError,
} from 'youtube-transcript';
import { DigestError } from '../errors';
import { HttpClient } from '../http';
import {
	CaptionFormat,
	breakTagsToSpaces,
	canonicalCues,
	detectCaptionFormat,
	json3ToSrv3,
	replaceInvalidCharacterReferences,
	secondsPerUnit,
} from './captionBody';
import { cleanCaptionText } from './captionText';
import { asArray, asNumber, asRecord, asString } from './coerce';
import { ChosenTrack } from './captionTrack';
import { InnertubeClient } from './innertubeClients';
import { PlayerResponse, toNetworkError } from './playerResponse';

/** One caption line, always in seconds. */
export interface TranscriptSegment {
	start: number;
	duration: number;
	text: string;
}

export interface Transcript {
	segments: TranscriptSegment[];
	languageCode: string;
	isGenerated: boolean;
}

interface LibraryResponse {
	ok: boolean;
	status: number;
	text(): Promise<string>;
	json(): Promise<unknown>;
}

/**
 * Runs youtube-transcript as the caption engine, but with everything that makes it unreliable taken
 * out of its hands: its player request is answered from the response we already fetched (filtered to
 * the chosen track, because it takes the first track in the language), the caption request is forced to
 * one format and sent with the identity of the client that got the player response, and the cases it
 * would turn into an empty list or a misleading error (withheld captions, rate limits) raise typed errors.
 */
export async function fetchCaptionSegments(
	http: HttpClient,
	videoId: string,
	player: PlayerResponse,
	client: InnertubeClient,
	chosen: ChosenTrack,
	signal?: AbortSignal,
): Promise<Transcript> {
	let format: CaptionFormat = 'unknown';
	const pinnedPlayer = pinTrack(player, chosen);

	const sessionFetch = async (input: string | URL | Request, init?: RequestInit): Promise<LibraryResponse> => {
		const url = String(input instanceof Request ? input.url : input);
		if (url.includes('/youtubei/v1/player')) return jsonResponse(200, JSON.stringify(pinnedPlayer));
		if (!url.includes('/api/timedtext'))
			throw new DigestError('no-captions', 'the caption track could not be read');
		const response = await requestCaptions(http, url, client, init, signal);
		const json3 = detectCaptionFormat(response) === 'json3';
		const srv = json3 ? json3ToSrv3(response) : canonicalCues(breakTagsToSpaces(response));
		// Read from the rewritten body, whose cues name their format whatever order their attributes came in.
		format = detectCaptionFormat(srv);
		return jsonResponse(200, replaceInvalidCharacterReferences(srv));
	};

	let raw: TranscriptResponse[];
	try {
		raw = await fetchTranscript(videoId, {
			lang: chosen.languageCode,
			fetch: sessionFetch as unknown as typeof fetch,
		});
	} catch (error) {
		throw libraryError(error, signal);
	}
	const segments = normalizeSegments(raw, secondsPerUnit(format));
	if (segments.length === 0) throw new DigestError('no-captions', 'the caption track was empty');
	return { segments, languageCode: chosen.languageCode, isGenerated: chosen.isGenerated };
}

async function requestCaptions(
	http: HttpClient,
	url: string,
	client: InnertubeClient,
	init: RequestInit | undefined,
	signal?: AbortSignal,
): Promise<string> {
	const captionUrl = new URL(url);
	// YouTube honours the first fmt parameter, so remove any before asking for srv3.
	captionUrl.searchParams.delete('fmt');
	captionUrl.searchParams.set('fmt', 'srv3');
	const headers: Record<string, string> = {
		...(init?.headers as Record<string, string> | undefined),
		'User-Agent': client.userAgent,
	};
	let response;
	try {
		response = await http({ url: captionUrl.toString(), method: 'GET', headers, signal });
	} catch (error) {
		throw toNetworkError(error, signal);
	}
	if (response.status === 429) throw new DigestError('youtube-rate-limited');
	if (response.status < 200 || response.status >= 300) {
		throw new DigestError('youtube-refused', `HTTP ${response.status} for the captions`);
	}
	if (response.text.trim() === '') throw new DigestError('po-token-required');
	// A consent or error page served with 200 is a refusal, not a video without captions.
	if (/^\s*<(!doctype html|html[\s>])/i.test(response.text)) {
		throw new DigestError('youtube-refused', 'a web page came instead of the captions');
	}
	return response.text;
}

function pinTrack(player: PlayerResponse, chosen: ChosenTrack): PlayerResponse {
	const list = player.captions?.playerCaptionsTracklistRenderer ?? {};
	return { ...player, captions: { playerCaptionsTracklistRenderer: { ...list, captionTracks: [chosen.track] } } };
}

function jsonResponse(status: number, text: string): LibraryResponse {
	return {
		ok: status >= 200 && status < 300,
		status,
		text: () => Promise.resolve(text),
		json: () => Promise.resolve(JSON.parse(text) as unknown),
	};
}

function libraryError(error: unknown, signal?: AbortSignal): DigestError {
	if (error instanceof DigestError) return error;
	if (signal?.aborted) return new DigestError('cancelled');
	if (error instanceof YoutubeTranscriptTooManyRequestError) return new DigestError('youtube-rate-limited');
	if (error instanceof YoutubeTranscriptVideoUnavailableError) return new DigestError('video-unavailable');
	return new DigestError(
		'no-captions',
		error instanceof Error ? error.message.replace(/^\[YoutubeTranscript\]\s*🚨\s*/, '') : undefined,
	);
}

/**
 * Seconds everywhere, clean text, no empty cues, no times outside the video, and no overlaps: auto-generated
 * captions keep each line on screen until the line after next, so a cue ends where the next one starts.
 */
export function normalizeSegments(raw: TranscriptResponse[], unit: number): TranscriptSegment[] {
	const cues = asArray(raw, asRecord)
		.map((cue) => ({
			start: (asNumber(cue.offset) ?? NaN) * unit,
			duration: Math.max(0, asNumber(cue.duration) ?? 0) * unit,
			text: cleanCaptionText(asString(cue.text) ?? ''),
		}))
		// A negative start, or one past about a week, is no time in a video (the duration is finite and 0 or more).
		.filter((cue) => cue.text.length > 0 && cue.start >= 0 && cue.start < 6e5)
		.sort((a, b) => a.start - b.start);
	return cues.map((cue, index) => {
		const next = cues[index + 1];
		const end = next ? Math.min(cue.start + cue.duration, next.start) : cue.start + cue.duration;
		return { start: round3(cue.start), duration: round3(Math.max(0, end - cue.start)), text: cue.text };
	});
}

function round3(value: number): number {
	return Math.round(value * 1000) / 1000;
}
