/**
 * Serialisers that turn cues into caption bodies shaped like YouTube's /api/timedtext answers (see
 * shared/research/transcripts.md §5.4–5.7), so parsers are tested against the real wire formats:
 *  - srv3 (`fmt=srv3`, what ANDROID/IOS track URLs ask for): times in integer ms;
 *  - json3 (`fmt=json3`, what the WEB player uses): times in integer ms, text not entity-escaped;
 *  - classic srv1 (no `fmt`): times in decimal seconds, text usually escaped twice.
 */
import type { Cue } from './syntheticTranscript';

export interface AsrOption {
	/**
	 * Auto-caption (ASR) layout: word spans with relative offsets, a caption window, and the newline-only "append"
	 * cues YouTube inserts when a rolling line scrolls up. Default false (manual captions: text directly in the cue).
	 */
	asr?: boolean;
}

export interface Srv1Options {
	/**
	 * Escape the text twice (`'` → `&amp;#39;`, `&` → `&amp;amp;`), as live srv1 responses do: the caption text is
	 * HTML-escaped once by YouTube and then XML-escaped. Default true. False gives single XML escaping.
	 */
	doubleEscape?: boolean;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8" ?>';
/** The ASR append cue starts this long before the next line, as in recorded srv3 (17950 vs 17960). */
const APPEND_LEAD_MS = 10;

/** XML-escape the five characters YouTube escapes, with its choice of `&#39;` for the apostrophe. */
export function escapeCaptionXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/'/g, '&#39;')
		.replace(/"/g, '&quot;');
}

const toMs = (seconds: number): number => Math.round(seconds * 1000);

/** Seconds as YouTube's srv1 writes them: shortest decimal, no trailing zeros ("5", "1.54", "3.239"). */
const toSrv1Seconds = (seconds: number): string => String(toMs(seconds) / 1000);

interface TimedWord {
	text: string;
	/** Offset from the start of the cue, ms. */
	offsetMs: number;
}

/**
 * Splits a cue into words with offsets spread evenly over the time the line is being spoken: until the next cue
 * starts (rolling ASR cues stay on screen longer than that), or the cue's own duration for the last cue.
 */
function timedWords(cue: Cue, next: Cue | undefined): TimedWord[] {
	const words = cue.text.split(/\s+/).filter((word) => word.length > 0);
	const speechMs = next ? Math.min(toMs(next.start) - toMs(cue.start), toMs(cue.duration)) : toMs(cue.duration);
	return words.map((word, i) => ({
		text: i === 0 ? word : ` ${word}`, // YouTube puts the separating space at the front of each later word
		offsetMs: Math.round((i * Math.max(speechMs, 0)) / words.length),
	}));
}

/** The ASR newline-only cue between `cue` and `next`: starts just before `next`, lasts until `cue` leaves. */
function appendCue(cue: Cue, next: Cue): { tMs: number; dMs: number } | undefined {
	const tMs = Math.max(toMs(next.start) - APPEND_LEAD_MS, toMs(cue.start));
	const dMs = toMs(cue.start) + toMs(cue.duration) - tMs;
	return dMs > 0 ? { tMs, dMs } : undefined;
}

/** A srv3 body (`<timedtext format="3">`), as returned for track URLs ending in `&fmt=srv3`. */
export function toSrv3(cues: readonly Cue[], options: AsrOption = {}): string {
	const lines: string[] = [`${XML_DECLARATION}<timedtext format="3">`];
	if (options.asr) {
		lines.push(
			'<head>',
			'<ws id="0"/>',
			'<ws id="1" mh="2" ju="0" sd="3"/>',
			'<wp id="0"/>',
			'<wp id="1" ap="6" ah="20" av="100" rc="2" cc="40"/>',
			'</head>',
			'<body>',
			'<w t="0" id="1" wp="1" ws="1"/>',
		);
		cues.forEach((cue, i) => {
			const next = cues[i + 1];
			const spans = timedWords(cue, next)
				.map(
					(word, k) =>
						`<s${k === 0 ? '' : ` t="${word.offsetMs}"`} ac="0">${escapeCaptionXml(word.text)}</s>`,
				)
				.join('');
			lines.push(`<p t="${toMs(cue.start)}" d="${toMs(cue.duration)}" w="1">${spans}</p>`);
			const append = next && appendCue(cue, next);
			// body is one newline
			if (append) lines.push(`<p t="${append.tMs}" d="${append.dMs}" w="1" a="1">`, '</p>');
		});
	} else {
		lines.push('<body>');
		for (const cue of cues)
			lines.push(`<p t="${toMs(cue.start)}" d="${toMs(cue.duration)}">${escapeCaptionXml(cue.text)}</p>`);
	}
	lines.push('</body>', '</timedtext>');
	return lines.join('\n');
}

/** json3 event shapes, for tests that parse the body back. */
export interface Json3Segment {
	utf8: string;
	tOffsetMs?: number;
	acAsrConf?: number;
}

export interface Json3Event {
	tStartMs: number;
	dDurationMs: number;
	id?: number;
	wpWinPosId?: number;
	wsWinStyleId?: number;
	wWinId?: number;
	aAppend?: number;
	segs?: Json3Segment[];
}

export interface Json3Body {
	wireMagic: 'pb3';
	pens: Record<string, unknown>[];
	wsWinStyles: Record<string, unknown>[];
	wpWinPositions: Record<string, unknown>[];
	events: Json3Event[];
}

/** The json3 document as an object (see `toJson3` for the serialised body). */
export function toJson3Object(cues: readonly Cue[], options: AsrOption = {}): Json3Body {
	if (!options.asr) {
		// Manual captions: one segment per event with the whole (unescaped) text, no window events.
		return {
			wireMagic: 'pb3',
			pens: [{}],
			wsWinStyles: [{}],
			wpWinPositions: [{}],
			events: cues.map((cue) => ({
				tStartMs: toMs(cue.start),
				dDurationMs: toMs(cue.duration),
				segs: [{ utf8: cue.text }],
			})),
		};
	}
	const endMs = cues.reduce((end, cue) => Math.max(end, toMs(cue.start) + toMs(cue.duration)), 0);
	// The first event only declares the caption window; parsers must skip events without `segs`.
	const events: Json3Event[] = [{ tStartMs: 0, dDurationMs: endMs, id: 1, wpWinPosId: 1, wsWinStyleId: 1 }];
	cues.forEach((cue, i) => {
		const next = cues[i + 1];
		const segs = timedWords(cue, next).map((word, k): Json3Segment =>
			k === 0 ? { utf8: word.text, acAsrConf: 0 } : { utf8: word.text, tOffsetMs: word.offsetMs, acAsrConf: 0 },
		);
		events.push({ tStartMs: toMs(cue.start), dDurationMs: toMs(cue.duration), wWinId: 1, segs });
		const append = next && appendCue(cue, next);
		if (append)
			events.push({
				tStartMs: append.tMs,
				dDurationMs: append.dMs,
				wWinId: 1,
				aAppend: 1,
				segs: [{ utf8: '\n' }],
			});
	});
	return {
		wireMagic: 'pb3',
		pens: [{}],
		wsWinStyles: [{}, { mhModeHint: 2, juJustifCode: 0, sdScrollDir: 3 }],
		wpWinPositions: [{}, { apPoint: 6, ahHorPos: 20, avVerPos: 100, rcRows: 2, ccCols: 40 }],
		events,
	};
}

/** A json3 body (`{"wireMagic":"pb3",...}`), as returned for `&fmt=json3`. Serialised compactly. */
export function toJson3(cues: readonly Cue[], options: AsrOption = {}): string {
	return JSON.stringify(toJson3Object(cues, options));
}

/** A classic srv1 body (`<transcript><text start dur>`), as returned when the URL has no `fmt`. Times in seconds. */
export function toSrv1(cues: readonly Cue[], options: Srv1Options = {}): string {
	const escape =
		(options.doubleEscape ?? true) ? (text: string) => escapeCaptionXml(escapeCaptionXml(text)) : escapeCaptionXml;
	const texts = cues.map(
		(cue) =>
			`<text start="${toSrv1Seconds(cue.start)}" dur="${toSrv1Seconds(cue.duration)}">${escape(cue.text)}</text>`,
	);
	return `${XML_DECLARATION}<transcript>${texts.join('')}</transcript>`;
}

/** The three bodies /api/timedtext can send, named by their `fmt` value. */
export type CaptionFormat = 'srv3' | 'json3' | 'srv1';

/** Serialises cues in `format`; `asr` applies to srv3/json3, `doubleEscape` to srv1. */
export function serializeCaptions(
	format: CaptionFormat,
	cues: readonly Cue[],
	options: AsrOption & Srv1Options = {},
): string {
	switch (format) {
		case 'srv3':
			return toSrv3(cues, { asr: options.asr });
		case 'json3':
			return toJson3(cues, { asr: options.asr });
		case 'srv1':
			return toSrv1(cues, { doubleEscape: options.doubleEscape });
	}
}

/** Content-Type YouTube sends with each format. */
export function captionFormatContentType(format: CaptionFormat): string {
	return format === 'json3' ? 'application/json; charset=UTF-8' : 'text/xml; charset=UTF-8';
}
