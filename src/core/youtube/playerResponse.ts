import { DigestError } from '../errors';
import { HttpClient, HttpNetworkError } from '../http';
import { asRecord, asString } from './coerce';
import { InnertubeClient } from './innertubeClients';
import { CaptionTrack, PlayerResponse, readPlayerResponse } from './playerResponseData';

export type { CaptionTrack, CaptionTrackList, PlayerResponse } from './playerResponseData';

export interface PlayerResult {
	player: PlayerResponse;
	client: InnertubeClient;
	/** Set when the response is playable but has no usable captions (only when captions are not required). */
	captionFailure?: DigestError;
}

/**
 * `required`: only a response with usable captions counts. `preferred`: the same, but a playable response
 * without captions is returned when no client has any (a transcript file may stand in). `ignored`: the
 * first playable response, for a transcript the user supplied.
 */
export type CaptionNeed = 'required' | 'preferred' | 'ignored';

const PLAYER_URL = 'https://www.youtube.com/youtubei/v1/player?prettyPrint=false';

/**
 * Asks each client in turn for the video's player response and returns the first one that is playable
 * and lists usable captions. Failures that no other client can fix (age gate, deleted, private, a playable
 * video without captions) stop at once: only a refused request is repeated with another client.
 */
export async function fetchPlayer(
	http: HttpClient,
	videoId: string,
	clients: InnertubeClient[],
	signal?: AbortSignal,
	captions: CaptionNeed = 'required',
): Promise<PlayerResult> {
	let bestFailure: DigestError | null = null;
	let playable: PlayerResult | null = null;
	for (const client of clients) {
		const player = await requestPlayer(http, videoId, client, signal);
		const failure = player instanceof DigestError ? player : playabilityFailure(player);
		if (!failure) return { player: player as PlayerResponse, client };
		if (!(player instanceof DigestError) && isCaptionFailure(failure)) {
			if (captions === 'ignored') return { player, client, captionFailure: failure };
			playable ??= { player, client, captionFailure: failure };
		}
		bestFailure = moreSpecific(bestFailure, failure);
		if (isFinal(failure)) break;
	}
	if (playable && captions === 'preferred') return playable;
	throw bestFailure ?? new DigestError('video-unavailable');
}

function isCaptionFailure(failure: DigestError): boolean {
	return failure.kind === 'no-captions' || failure.kind === 'po-token-required';
}

async function requestPlayer(
	http: HttpClient,
	videoId: string,
	client: InnertubeClient,
	signal?: AbortSignal,
): Promise<PlayerResponse | DigestError> {
	const body = {
		context: {
			client: { clientName: client.name, clientVersion: client.version, hl: 'en', gl: 'US', ...client.context },
		},
		videoId,
		contentCheckOk: true,
		racyCheckOk: true,
	};
	let response;
	try {
		response = await http({
			url: PLAYER_URL,
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'User-Agent': client.userAgent,
				'X-YouTube-Client-Name': String(client.id),
				'X-YouTube-Client-Version': client.version,
			},
			body: JSON.stringify(body),
			signal,
		});
	} catch (error) {
		throw toNetworkError(error, signal);
	}
	if (response.status === 429) throw new DigestError('youtube-rate-limited');
	// A refusal (403, 5xx) says less than any answer about the video, so another client's answer wins over it.
	if (response.status < 200 || response.status >= 300)
		return new DigestError('youtube-refused', `HTTP ${response.status} for the video`);
	try {
		const parsed: unknown = JSON.parse(response.text);
		if (asRecord(parsed)) return readPlayerResponse(parsed);
	} catch {
		// Not JSON (an HTML page): no answer from this client.
	}
	return new DigestError('unplayable', `the ${client.name} client got no answer`);
}

/** Why this player response cannot give a transcript, or null when it can. */
export function playabilityFailure(raw: unknown): DigestError | null {
	const player = readPlayerResponse(raw);
	const status = player.playabilityStatus?.status ?? 'ERROR';
	const reason = player.playabilityStatus?.reason ?? '';
	if (status === 'OK') {
		const tracks = player.captions?.playerCaptionsTracklistRenderer?.captionTracks ?? [];
		if (tracks.length === 0) return new DigestError('no-captions');
		if (tracks.every(needsPoToken)) return new DigestError('po-token-required');
		return null;
	}
	if (/private/i.test(reason)) return new DigestError('video-private');
	if (status === 'LOGIN_REQUIRED' && /bot/i.test(reason)) return new DigestError('bot-check');
	if (status === 'LOGIN_REQUIRED' && /inappropriate|age/i.test(reason)) return new DigestError('age-restricted');
	if (status === 'ERROR') return new DigestError('video-unavailable');
	const subreasons = (player.playabilityStatus?.errorScreen?.playerErrorMessageRenderer?.subreason?.runs ?? [])
		.map((run) => run.text ?? '')
		.join('')
		.trim();
	return new DigestError('unplayable', [reason, subreasons].filter(Boolean).join(' — ') || status);
}

/** Caption URLs marked `exp=xpe`/`exp=xpv` return an empty body without a proof-of-origin token. */
export function needsPoToken(track: CaptionTrack): boolean {
	return /[?&]exp=xp[ev](?:&|$)/.test(asString(track?.baseUrl) ?? '');
}

function isFinal(failure: DigestError): boolean {
	return (
		failure.kind === 'age-restricted' ||
		failure.kind === 'video-unavailable' ||
		failure.kind === 'video-private' ||
		failure.kind === 'no-captions'
	);
}

/** When every client fails, report what says most about the video itself. */
const SPECIFICITY: DigestError['kind'][] = ['unplayable', 'bot-check', 'po-token-required'];

function moreSpecific(current: DigestError | null, next: DigestError): DigestError {
	if (!current) return next;
	return SPECIFICITY.indexOf(next.kind) > SPECIFICITY.indexOf(current.kind) ? next : current;
}

export function toNetworkError(error: unknown, signal?: AbortSignal): DigestError {
	if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) return new DigestError('cancelled');
	if (error instanceof DigestError) return error;
	const detail = error instanceof HttpNetworkError || error instanceof Error ? error.message : undefined;
	return new DigestError('network', detail, { cause: error });
}
