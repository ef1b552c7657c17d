/**
 * The parts of an InnerTube `/youtubei/v1/player` response that tests read or build. Deliberately loose (optional
 * fields, index signatures): recorded responses carry many more keys, and error responses lack most of these.
 * Kept in test/support so test doubles do not depend on production types that are still changing.
 */

export interface TextRuns {
	runs?: { text: string }[];
	simpleText?: string;
}

export interface CaptionTrack {
	baseUrl: string;
	name: TextRuns;
	vssId: string;
	languageCode: string;
	kind?: 'asr';
	isTranslatable: boolean;
	trackName: string;
}

export interface AudioTrack {
	captionTrackIndices: number[];
	defaultCaptionTrackIndex: number;
	hasDefaultTrack: boolean;
	captionsInitialState: string;
}

export interface PlayerCaptionsTracklistRenderer {
	captionTracks?: CaptionTrack[];
	audioTracks?: AudioTrack[];
	translationLanguages?: { languageCode: string; languageName: TextRuns }[];
	defaultAudioTrackIndex?: number;
	defaultTranslationSourceTrackIndices?: number[];
}

export interface Thumbnail {
	url: string;
	width: number;
	height: number;
}

export interface VideoDetails {
	videoId: string;
	title: string;
	/** A decimal string, as YouTube sends it. */
	lengthSeconds: string;
	keywords?: string[];
	channelId: string;
	isOwnerViewing: boolean;
	shortDescription: string;
	isCrawlable: boolean;
	thumbnail: { thumbnails: Thumbnail[] };
	allowRatings: boolean;
	/** A decimal string, as YouTube sends it. */
	viewCount: string;
	author: string;
	isPrivate: boolean;
	isUnpluggedCorpus: boolean;
	isLiveContent: boolean;
}

export interface PlayabilityStatus {
	status: string;
	reason?: string;
	playableInEmbed?: boolean;
	[key: string]: unknown;
}

export interface PlayerResponse {
	responseContext?: Record<string, unknown>;
	playabilityStatus?: PlayabilityStatus;
	captions?: { playerCaptionsTracklistRenderer?: PlayerCaptionsTracklistRenderer };
	videoDetails?: VideoDetails;
	[key: string]: unknown;
}
