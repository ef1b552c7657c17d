/**
 * Builds InnerTube player responses for synthetic videos, shaped like the recorded ANDROID response
 * (test/fixtures/youtube/recorded/youtube.innertube.json): playabilityStatus OK, caption tracks with signed-looking
 * `https://www.youtube.com/api/timedtext?...&fmt=srv3` URLs, audioTracks, and videoDetails with thumbnails.
 * Everything derived (ids, signatures) comes from the video id, so the same spec always gives the same JSON.
 */
import type { CaptionTrack, PlayabilityStatus, PlayerResponse, VideoDetails } from './playerResponseTypes';
import { hashString, seededRandom } from './seededRandom';

export interface SyntheticTrackSpec {
	languageCode: string;
	/** 'asr' for auto-generated captions (URL gets `&kind=asr`, vssId `a.xx`). */
	kind?: 'asr';
	/** Display name; default from the language code, e.g. "English (auto-generated)". */
	name?: string;
	/** Add `&exp=xpe` to the URL: YouTube then withholds the body unless a PO token is sent. */
	poToken?: boolean;
}

export interface SyntheticPlayerSpec {
	videoId: string;
	title?: string;
	author?: string;
	channelId?: string;
	lengthSeconds?: number;
	shortDescription?: string;
	keywords?: string[];
	viewCount?: number;
	/** Default: one English ASR track. An empty list omits `captions` entirely, i.e. "transcripts disabled". */
	tracks?: SyntheticTrackSpec[];
	/** Track the player would show by default; default as YouTube picks it (see `defaultTrackIndex`). */
	defaultCaptionTrackIndex?: number;
	/** Replace `playabilityStatus` (e.g. a LOGIN_REQUIRED bot check) while keeping the rest of the response. */
	playability?: PlayabilityStatus;
}

/**
 * Fixed `expire` (2100-01-01): real URLs expire a few hours after the player call, but a fixed far-future value keeps
 * the JSON deterministic and never looks stale to code that checks it.
 */
export const SYNTHETIC_TRACK_EXPIRE = 4102444800;

const LANGUAGE_NAMES: Record<string, string> = {
	ar: 'Arabic',
	cs: 'Czech',
	de: 'German',
	en: 'English',
	'en-GB': 'English (United Kingdom)',
	es: 'Spanish',
	fr: 'French',
	hi: 'Hindi',
	it: 'Italian',
	ja: 'Japanese',
	ko: 'Korean',
	nl: 'Dutch',
	pl: 'Polish',
	pt: 'Portuguese',
	ru: 'Russian',
	zh: 'Chinese',
	'zh-Hant': 'Chinese (Traditional)',
};

const TRANSLATION_LANGUAGES = ['ar', 'de', 'en', 'es', 'fr', 'ja', 'zh-Hant'];

function languageName(code: string): string {
	return LANGUAGE_NAMES[code] ?? code;
}

/** Deterministic stand-ins for the opaque `ei` and `signature` URL parameters. */
function urlSecrets(videoId: string): { ei: string; signature: string } {
	const rng = seededRandom(hashString(videoId));
	const base64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	const hex = '0123456789ABCDEF';
	const draw = (alphabet: string, length: number): string =>
		Array.from({ length }, () => alphabet.charAt(rng.int(0, alphabet.length - 1))).join('');
	return { ei: draw(base64url, 22), signature: `${draw(hex, 40)}.${draw(hex, 40)}` };
}

/** A track URL in the ANDROID layout: same parameter order as the recorded fixture, `fmt=srv3` last. */
export function syntheticTrackUrl(videoId: string, track: SyntheticTrackSpec): string {
	const { ei, signature } = urlSecrets(videoId);
	const exp = track.poToken ? '&exp=xpe' : '';
	const sparams = `ip,ipbits,expire,v,ei,caps,opi${track.poToken ? ',exp' : ''},xoaf`;
	const kind = track.kind === 'asr' ? '&kind=asr' : '';
	return (
		`https://www.youtube.com/api/timedtext?v=${videoId}&ei=${ei}&caps=asr&opi=112496729${exp}&xoaf=5&hl=en` +
		`&ip=0.0.0.0&ipbits=0&expire=${SYNTHETIC_TRACK_EXPIRE}&sparams=${sparams}&signature=${signature}&key=yt8` +
		`${kind}&lang=${encodeURIComponent(track.languageCode)}&fmt=srv3`
	);
}

function captionTrack(videoId: string, track: SyntheticTrackSpec): CaptionTrack {
	const asr = track.kind === 'asr';
	const name = track.name ?? `${languageName(track.languageCode)}${asr ? ' (auto-generated)' : ''}`;
	return {
		baseUrl: syntheticTrackUrl(videoId, track),
		name: { runs: [{ text: name }] },
		vssId: `${asr ? 'a' : ''}.${track.languageCode}`,
		languageCode: track.languageCode,
		...(asr ? { kind: 'asr' as const } : {}),
		isTranslatable: true,
		trackName: '',
	};
}

/**
 * YouTube's default track: a manual track in the spoken language (the ASR track's language) when there is one,
 * else the ASR track, else the first track. In the recorded fixture this is `.en` (index 2), not index 0.
 */
export function defaultTrackIndex(tracks: readonly SyntheticTrackSpec[]): number {
	const asrIndex = tracks.findIndex((track) => track.kind === 'asr');
	if (asrIndex < 0) return 0;
	const spoken = tracks[asrIndex]?.languageCode;
	const manual = tracks.findIndex((track) => track.kind !== 'asr' && track.languageCode === spoken);
	return manual >= 0 ? manual : asrIndex;
}

function videoDetails(spec: SyntheticPlayerSpec): VideoDetails {
	const id = spec.videoId;
	const thumbnails = [
		{ name: 'default', width: 120, height: 90 },
		{ name: 'mqdefault', width: 320, height: 180 },
		{ name: 'hqdefault', width: 480, height: 360 },
		{ name: 'sddefault', width: 640, height: 480 },
	].map(({ name, width, height }) => ({ url: `https://i.ytimg.com/vi/${id}/${name}.jpg`, width, height }));
	return {
		videoId: id,
		title: spec.title ?? `Synthetic video ${id}`,
		lengthSeconds: String(Math.round(spec.lengthSeconds ?? 600)),
		keywords: spec.keywords ?? ['synthetic', 'test'],
		channelId: spec.channelId ?? 'UCsynthetic0000000000000',
		isOwnerViewing: false,
		shortDescription: spec.shortDescription ?? '',
		isCrawlable: true,
		thumbnail: { thumbnails },
		allowRatings: true,
		viewCount: String(spec.viewCount ?? 12345),
		author: spec.author ?? 'Synthetic Channel',
		isPrivate: false,
		isUnpluggedCorpus: false,
		isLiveContent: false,
	};
}

/** The full player response for `spec`. */
export function buildPlayerResponse(spec: SyntheticPlayerSpec): PlayerResponse {
	const tracks = spec.tracks ?? [{ languageCode: 'en', kind: 'asr' }];
	const defaultIndex = spec.defaultCaptionTrackIndex ?? defaultTrackIndex(tracks);
	const response: PlayerResponse = {
		responseContext: {
			visitorData: 'CgtTeW50aGV0aWMwMCiAgICABjIKCgJVUxIEGgAgAA%3D%3D',
			serviceTrackingParams: [],
			maxAgeSeconds: 0,
		},
		playabilityStatus: spec.playability ?? { status: 'OK', playableInEmbed: true, contextParams: 'Q0FFU0FnZ0M=' },
		streamingData: { expiresInSeconds: '21540', formats: [], adaptiveFormats: [] },
	};
	if (tracks.length > 0) {
		response.captions = {
			playerCaptionsTracklistRenderer: {
				captionTracks: tracks.map((track) => captionTrack(spec.videoId, track)),
				audioTracks: [
					{
						captionTrackIndices: tracks.map((_, i) => i),
						defaultCaptionTrackIndex: defaultIndex,
						hasDefaultTrack: true,
						captionsInitialState: 'CAPTIONS_INITIAL_STATE_OFF_RECOMMENDED',
					},
				],
				translationLanguages: TRANSLATION_LANGUAGES.map((code) => ({
					languageCode: code,
					languageName: { runs: [{ text: languageName(code) }] },
				})),
				defaultAudioTrackIndex: 0,
				defaultTranslationSourceTrackIndices: [defaultIndex],
			},
		};
	}
	response.videoDetails = videoDetails(spec);
	response.trackingParams = 'CAAQu2kiEwjSyntheticTrackingParams';
	return response;
}
