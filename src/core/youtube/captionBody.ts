import { asArray, asNumber, asRecord, asString } from './coerce';
import { isCharacterCode, referencedCode } from './captionText';

/**
 * Caption bodies come in three formats. youtube-transcript parses two of them, in different units,
 * and says nothing about which one it saw; this module names the format so the caller knows the unit,
 * and rewrites json3 into srv3 so the library can read every format.
 */
export type CaptionFormat = 'srv3' | 'srv1' | 'json3' | 'unknown';

export function detectCaptionFormat(body: string): CaptionFormat {
	const head = body.trimStart().slice(0, 400);
	if (head.startsWith('{')) return 'json3';
	if (/<timedtext[\s>]/.test(head) || /<p\s+t="/.test(body)) return 'srv3';
	if (/<transcript[\s>]/.test(head) || /<text\s+start="/.test(body)) return 'srv1';
	return 'unknown';
}

/** Seconds per unit of the offsets youtube-transcript returns for a body of this format. */
export function secondsPerUnit(format: CaptionFormat): number {
	return format === 'srv1' ? 1 : 0.001;
}

/** json3 read field by field: an event of the wrong shape is skipped, a body that is not JSON has no cues. */
export function json3ToSrv3(body: string): string {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		parsed = null;
	}
	const events = asArray(asRecord(parsed)?.events, asRecord);
	const paragraphs = events
		.filter((event) => Array.isArray(event.segs) && !event.aAppend)
		.map((event) => {
			const text = asArray(event.segs, (seg) => asString(asRecord(seg)?.utf8)).join('');
			const start = wholeMilliseconds(event.tStartMs);
			const duration = wholeMilliseconds(event.dDurationMs);
			return `<p t="${start}" d="${duration}">${escapeXml(text)}</p>`;
		});
	const srv3Body = `<body>${paragraphs.join('')}</body>`;
	return `<?xml version="1.0" encoding="utf-8" ?><timedtext format="3">${srv3Body}</timedtext>`;
}

/** Line breaks written as tags would otherwise glue the last word of one line to the first of the next. */
export function breakTagsToSpaces(body: string): string {
	return body.replace(/<br\s*\/?>/gi, ' ');
}

const CUE = /<(p|text)(\s[^>]*)?>([\s\S]*?)<\/\1>/g;

/**
 * youtube-transcript reads a cue only with its attributes in one order (`t` then `d`, `start` then `dur`), both
 * present, and srv1 text without tags inside; any other cue is lost, and with them all the transcript. So each cue
 * is rewritten that way: a missing duration lasts until the next cue starts (5 s for the last), a cue without a
 * start is dropped, and tags inside srv1 text become spaces.
 */
export function canonicalCues(body: string): string {
	const cues = [...body.matchAll(CUE)].map(([, tag, attributes = '', text]) => {
		const srv3 = tag === 'p';
		const start = attribute(attributes, srv3 ? 't' : 'start');
		return { srv3, start, duration: attribute(attributes, srv3 ? 'd' : 'dur'), text };
	});
	let index = 0;
	return body.replace(CUE, () => {
		const { srv3, start, duration, text } = cues[index++];
		if (start === undefined) return '';
		const next = Number(cues[index]?.start) - Number(start);
		const length = duration ?? (next > 0 ? next : srv3 ? 5000 : 5);
		if (srv3) return `<p t="${start}" d="${length}">${text}</p>`;
		return `<text start="${start}" dur="${length}">${text.replace(/<[^>]*>/g, ' ')}</text>`;
	});
}

function attribute(attributes: string, name: string): string | undefined {
	return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
}

/**
 * Numeric references that name no character (`&#99999999;`, `&#0;`, `&#xD800;`, also escaped again as
 * `&amp;#…;`) replaced by U+FFFD before youtube-transcript reads the body: it decodes them with
 * `String.fromCodePoint`, which throws and would lose the whole transcript for one bad character.
 */
export function replaceInvalidCharacterReferences(body: string): string {
	return body.replace(/&((?:amp;)*)#(x[0-9a-f]+|\d+);/gi, (whole, escapes: string, digits: string) =>
		isCharacterCode(referencedCode(digits)) ? whole : `&${escapes}#xFFFD;`,
	);
}

/** Offsets are whole, non-negative milliseconds: the library's srv3 pattern reads digits only. */
function wholeMilliseconds(value: unknown): number {
	return Math.max(0, Math.round(asNumber(value) ?? 0));
}

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
