/** YouTube links: parsing every form people paste, finding them in note text, and building canonical URLs. */

export interface VideoRef {
	id: string;
	/** Where the link asked playback to start, in seconds. */
	startSeconds?: number;
}

export interface FoundVideoLink {
	ref: VideoRef;
	/** The link exactly as written in the text. */
	text: string;
	/** Offsets of `text` in the scanned string. */
	from: number;
	to: number;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
/** Eleven characters long, so they pass the id pattern, but they name pages, not videos. */
const NOT_VIDEO_IDS = new Set(['videoseries', 'live_stream']);
const YOUTUBE_HOST = /^(?:[a-z0-9-]+\.)*youtube(?:-nocookie|kids)?\.com$|^youtube\.googleapis\.com$/;
const SHORT_HOST = /^(?:www\.)?youtu\.be$/;
const ID_PATH_PREFIXES = new Set(['embed', 'shorts', 'live', 'v', 'e', 'watch']);

export function isVideoId(text: string): boolean {
	return VIDEO_ID.test(text) && !NOT_VIDEO_IDS.has(text);
}

/** A link typed or pasted by the user: a URL in any accepted form, or a bare video id. */
export function parseVideoInput(input: string): VideoRef | null {
	const text = input.trim();
	if (isVideoId(text)) return { id: text };
	return parseVideoUrl(text) ?? findVideoLinks(text)[0]?.ref ?? null;
}

/** No YouTube link is this long; a longer text is refused before any parsing (it could be built to be slow). */
const LONGEST_LINK = 2048;

/** One URL (with or without scheme) to a video reference, or null for anything that is not a video link. */
export function parseVideoUrl(input: string): VideoRef | null {
	return input.length > LONGEST_LINK ? null : parseUrlAt(input, false);
}

/** `attribution_link?u=` wraps one watch link; a wrapper inside a wrapper is no link a person shares. */
function parseUrlAt(input: string, wrapped: boolean): VideoRef | null {
	const url = toUrl(input.trim());
	if (!url) return null;
	const host = url.hostname.toLowerCase();
	const segments = url.pathname.split('/').filter(Boolean);
	let id: string | null = null;
	if (SHORT_HOST.test(host)) {
		id = segments[0] ?? null;
	} else if (YOUTUBE_HOST.test(host)) {
		if (segments[0] === 'attribution_link') {
			const target = url.searchParams.get('u');
			return target && !wrapped
				? parseUrlAt(`https://www.youtube.com${target.startsWith('/') ? '' : '/'}${target}`, true)
				: null;
		}
		if (ID_PATH_PREFIXES.has(segments[0]) && segments[1]) id = segments[1];
		else if (segments.length === 0 || segments[0] === 'watch')
			id = url.searchParams.get('v') ?? idFromHashbang(url.hash);
	}
	if (!id || !isVideoId(id)) return null;
	const startSeconds = parseStartTime(url);
	return startSeconds === undefined ? { id } : { id, startSeconds };
}

function toUrl(text: string): URL | null {
	if (!text || /\s/.test(text)) return null;
	const withScheme = /^[a-z][a-z\d+.-]*:/i.test(text) ? text : `https://${text.replace(/^\/\//, '')}`;
	try {
		const url = new URL(withScheme);
		// `port` is empty for the scheme's own (`:443`, `:80`, also when written); any other port is no YouTube.
		return (url.protocol === 'https:' || url.protocol === 'http:') && !url.port ? url : null;
	} catch {
		return null;
	}
}

/** Old `#!/watch?v=ID` links keep the query in the fragment. */
function idFromHashbang(hash: string): string | null {
	const query = hash.replace(/^#!?\/?[^?]*\??/, '');
	return query ? new URLSearchParams(query).get('v') : null;
}

function parseStartTime(url: URL): number | undefined {
	const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
	const raw =
		url.searchParams.get('t') ??
		url.searchParams.get('start') ??
		url.searchParams.get('time_continue') ??
		fragment.get('t');
	return raw ? parseTimeValue(raw) : undefined;
}

/** `62`, `62s`, `1m2s`, `1h2m3s`, `1:02`, `1:01:02` to seconds. */
export function parseTimeValue(raw: string): number | undefined {
	const value = raw.trim();
	if (/^\d+(?:\.\d+)?s?$/.test(value)) return Math.floor(parseFloat(value));
	const units = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
	if (units && (units[1] || units[2] || units[3])) {
		return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
	}
	const clock = /^(?:(\d+):)?(\d{1,2}):([0-5]\d)$/.exec(value);
	// `1:75` is no time, and with hours given, minutes stop at 59 too.
	if (clock && !(clock[1] !== undefined && Number(clock[2]) > 59))
		return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
	return undefined;
}

/**
 * Candidate links start at a boundary (line start, space, bracket, quote, emphasis, a table's `|` or a
 * quote's `>`), so `notyoutube.com` and `?u=youtube.com/...` inside another site's URL never match. They
 * end before Unicode punctuation (`—`, `。`, `，`), and emphasis markers after them are not theirs.
 */
const HOST_IN_TEXT =
	String.raw`(?:[a-z0-9-]+\.)*` + String.raw`(?:youtube(?:-nocookie|kids)?\.com|youtu\.be|youtube\.googleapis\.com)`;
const NOT_IN_LINK = String.raw`\s()[\]<>"'\x60|\u2000-\u206f\u3000-\u303f\uff00-\uffef`;
const LINK_CANDIDATE = new RegExp(
	String.raw`((?:^|[\s([<>"'*~|])_?_?)((?:https?:)?(?:\/\/)?${HOST_IN_TEXT}(?::\d+)?(?:\/[^${NOT_IN_LINK}]*)?)`,
	'gim',
);

/** Every YouTube video link in a piece of Markdown, in order, including links inside Markdown links and embeds. */
export function findVideoLinks(text: string): FoundVideoLink[] {
	return [...eachVideoLink(text)];
}

/** The links of `findVideoLinks`, one at a time, for a caller that may stop at the first. */
export function* eachVideoLink(text: string): Generator<FoundVideoLink> {
	for (const match of text.matchAll(LINK_CANDIDATE)) {
		// `_` can end a video id, so it is dropped only after a link that `_` or `__` opened.
		const candidate = match[2].replace(match[1].endsWith('_') ? /[.,;:!?*~_]+$/ : /[.,;:!?*~]+$/, '');
		const ref = parseVideoUrl(candidate);
		if (!ref) continue;
		const from = (match.index ?? 0) + match[1].length;
		yield { ref, text: candidate, from, to: from + candidate.length };
	}
}

export function watchUrl(videoId: string): string {
	return `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`;
}

export function timestampUrl(videoId: string, seconds: number): string {
	return `${watchUrl(videoId)}&t=${Math.max(0, Math.floor(seconds))}s`;
}
