import { asArray, asBoolean, asFormattedText, asHttpUrl, asIndex, asNumber, asRecord, asString } from './coerce';

/**
 * The parts of YouTube's player response that the digest reads, and the one reader that builds them from
 * whatever arrived: every field is checked and coerced on its own, a field of the wrong type is left out
 * (a track without a usable `baseUrl` is left out whole), so code past this point can trust the types.
 */
export interface PlayerResponse {
	playabilityStatus?: {
		status?: string;
		reason?: string;
		errorScreen?: { playerErrorMessageRenderer?: { subreason?: { runs?: { text?: string }[] } } };
	};
	captions?: { playerCaptionsTracklistRenderer?: CaptionTrackList };
	videoDetails?: {
		videoId?: string;
		title?: string;
		lengthSeconds?: string;
		channelId?: string;
		author?: string;
		shortDescription?: string;
		keywords?: string[];
		thumbnail?: { thumbnails?: { url: string; width?: number; height?: number }[] };
		isLiveContent?: boolean;
	};
	microformat?: {
		playerMicroformatRenderer?: { publishDate?: string; uploadDate?: string; ownerProfileUrl?: string };
	};
}

export interface CaptionTrackList {
	captionTracks?: CaptionTrack[];
	audioTracks?: { captionTrackIndices?: number[]; defaultCaptionTrackIndex?: number }[];
	defaultAudioTrackIndex?: number;
}

export interface CaptionTrack {
	baseUrl: string;
	languageCode: string;
	kind?: string;
	vssId?: string;
	name?: { simpleText?: string; runs?: { text?: string }[] };
	isTranslatable?: boolean;
}

/** A player response with every field of the expected type; anything else (null, a list, text) reads as empty. */
export function readPlayerResponse(raw: unknown): PlayerResponse {
	const record = asRecord(raw) ?? {};
	const tracks = asRecord(asRecord(record.captions)?.playerCaptionsTracklistRenderer);
	return withoutUndefined({
		playabilityStatus: readPlayability(record.playabilityStatus),
		captions: tracks ? { playerCaptionsTracklistRenderer: readCaptionTrackList(tracks) } : undefined,
		videoDetails: readVideoDetails(record.videoDetails),
		microformat: readMicroformat(record.microformat),
	});
}

/** The caption part of a player response, checked the same way (for callers that hold only that part). */
export function readCaptionTrackList(raw: unknown): CaptionTrackList {
	const list = asRecord(raw) ?? {};
	return withoutUndefined({
		captionTracks: asArray(list.captionTracks, readCaptionTrack),
		audioTracks: asArray(list.audioTracks, (audio) => {
			const record = asRecord(audio);
			if (!record) return undefined;
			return withoutUndefined({
				captionTrackIndices: asArray(record.captionTrackIndices, asIndex),
				defaultCaptionTrackIndex: asIndex(record.defaultCaptionTrackIndex),
			});
		}),
		defaultAudioTrackIndex: asIndex(list.defaultAudioTrackIndex),
	});
}

/** A track that can be fetched: an http(s) `baseUrl` is required; a missing language reads as ''. */
export function readCaptionTrack(raw: unknown): CaptionTrack | undefined {
	const track = asRecord(raw);
	const baseUrl = asHttpUrl(track?.baseUrl);
	if (!track || !baseUrl) return undefined;
	const name = asFormattedText(track.name);
	return withoutUndefined({
		baseUrl,
		languageCode: asString(track.languageCode)?.trim() ?? '',
		kind: asString(track.kind),
		vssId: asString(track.vssId),
		name: name === undefined ? undefined : { simpleText: name },
		isTranslatable: asBoolean(track.isTranslatable),
	});
}

function readPlayability(raw: unknown): PlayerResponse['playabilityStatus'] {
	const status = asRecord(raw);
	if (!status) return undefined;
	const subreason = asFormattedText(asRecord(asRecord(status.errorScreen)?.playerErrorMessageRenderer)?.subreason);
	return withoutUndefined({
		status: asString(status.status),
		reason: asFormattedText(status.reason),
		errorScreen:
			subreason === undefined
				? undefined
				: { playerErrorMessageRenderer: { subreason: { runs: [{ text: subreason }] } } },
	});
}

function readVideoDetails(raw: unknown): PlayerResponse['videoDetails'] {
	const details = asRecord(raw);
	if (!details) return undefined;
	const length = asNumber(details.lengthSeconds);
	return withoutUndefined({
		videoId: asString(details.videoId),
		title: asFormattedText(details.title),
		lengthSeconds: length !== undefined && length >= 0 ? String(length) : undefined,
		channelId: asString(details.channelId),
		author: asFormattedText(details.author),
		shortDescription: asFormattedText(details.shortDescription),
		keywords: asArray(details.keywords, asString),
		thumbnail: {
			thumbnails: asArray(asRecord(details.thumbnail)?.thumbnails, (thumbnail) => {
				const record = asRecord(thumbnail);
				const url = asHttpUrl(record?.url);
				if (!record || !url) return undefined;
				return withoutUndefined({ url, width: asNumber(record.width), height: asNumber(record.height) });
			}),
		},
		isLiveContent: asBoolean(details.isLiveContent),
	});
}

function readMicroformat(raw: unknown): PlayerResponse['microformat'] {
	const renderer = asRecord(asRecord(raw)?.playerMicroformatRenderer);
	if (!renderer) return undefined;
	return {
		playerMicroformatRenderer: withoutUndefined({
			publishDate: asString(renderer.publishDate),
			uploadDate: asString(renderer.uploadDate),
			ownerProfileUrl: asHttpUrl(renderer.ownerProfileUrl),
		}),
	};
}

/** Leaves absent fields out rather than present as `undefined`, so the result compares and serialises cleanly. */
function withoutUndefined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
