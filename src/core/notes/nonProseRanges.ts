import { frontmatterEnd } from './frontmatterBlock';

/**
 * The parts of a note that are not prose: fenced code (``` or ~~~ of any length, indented or in a
 * quote), inline code, HTML comments, Obsidian `%%` comments and `$$` math. A link there is an example or
 * a note to self, not the video the note is about, and nothing the plugin adds may land inside one.
 * Unclosed fences and comments run to the end of the note, as Obsidian shows them; a lone `$$` is text.
 * An HTML block (a line that opens with a tag, to the next blank line) shows no Markdown either, so
 * nothing may land inside it; but its `src` and `href` are the user's links (an `<iframe>` embed of the
 * video), so it does not hide them (see `hidesLink`).
 */

export type NonProseKind = 'fence' | 'code' | 'html-comment' | 'comment' | 'math' | 'html';

export interface NonProseRange {
	kind: NonProseKind;
	/** Offsets `[from, to)`; a fence runs from the start of its opening line to the end of its closing line. */
	from: number;
	to: number;
	/** False for a fence or comment left open, which runs to the end of the note. */
	closed: boolean;
}

const FENCE_OPENING = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSING = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*$/;
/** CommonMark's HTML block: up to three spaces, then an opening or closing tag (not `<https://…>`). */
const HTML_BLOCK = /^ {0,3}<\/?[a-z][a-z\d-]*(?:[\s/>]|$)/i;

/** Where the scan has something to look at: a line break, an escape, a comment, a backtick or math. */
const NOTABLE = /[\n\\%<`$]/g;

/**
 * `until`: the ranges that start after this offset are not needed (they cannot hold it), and the scan
 * stops there; every range that starts at or before it is found, as by a scan of the whole note.
 */
export function nonProseRanges(text: string, until = Infinity): NonProseRange[] {
	const ranges: NonProseRange[] = [];
	// The properties are YAML, where a `%%` or a backtick is just text.
	let at = frontmatterEnd(text);
	let atLineStart = true;
	let htmlEnd = -1;
	while (at < text.length && at <= until) {
		if (atLineStart) {
			atLineStart = false;
			// The comments, code and math inside an HTML block are scanned as well: they hide links there too.
			const html = at > htmlEnd ? htmlBlockAt(text, at) : null;
			if (html) {
				ranges.push(html);
				htmlEnd = html.to;
			}
			const fence = fenceAt(text, at);
			if (fence) {
				ranges.push(fence);
				at = fence.to;
				continue;
			}
		}
		// Any other character is plain text: the scan jumps to the next one that may open or end something.
		NOTABLE.lastIndex = at;
		const notable = NOTABLE.exec(text);
		if (!notable || notable.index > until) break;
		at = notable.index;
		const character = text[at];
		if (character === '\n') {
			atLineStart = true;
			at++;
		} else if (character === '\\') {
			at += 2;
		} else if (text.startsWith('%%', at)) {
			at = pushUntil(ranges, 'comment', text, at, '%%', 2);
		} else if (text.startsWith('<!--', at)) {
			at = pushUntil(ranges, 'html-comment', text, at, '-->', 4);
		} else if (text.startsWith('$$', at) && text.includes('$$', at + 2)) {
			at = pushUntil(ranges, 'math', text, at, '$$', 2);
		} else if (character === '`') {
			const run = backtickRun(text, at);
			const end = closingBackticks(text, at + run, run);
			if (end >= 0) ranges.push({ kind: 'code', from: at, to: end, closed: true });
			at = end >= 0 ? end : at + run;
		} else {
			at++;
		}
	}
	return ranges;
}

/** Whether a link at this offset is hidden: inside any of the ranges but an HTML block. */
export function hidesLink(ranges: readonly NonProseRange[], offset: number): boolean {
	return ranges.some((range) => range.kind !== 'html' && offset >= range.from && offset < range.to);
}

function fenceAt(text: string, lineStart: number): NonProseRange | null {
	const lineEnd = endOfLine(text, lineStart);
	const opening = FENCE_OPENING.exec(text.slice(lineStart, lineEnd).replace(/\r$/, ''));
	// A backtick fence's info string holds no backtick; otherwise the line is inline code.
	if (!opening || (opening[1][0] === '`' && opening[2].includes('`'))) return null;
	const marker = opening[1];
	let at = lineEnd + 1;
	while (at <= text.length) {
		const end = endOfLine(text, at);
		const closing = FENCE_CLOSING.exec(text.slice(at, end).replace(/\r$/, ''));
		if (closing && closing[1][0] === marker[0] && closing[1].length >= marker.length)
			return { kind: 'fence', from: lineStart, to: end, closed: true };
		at = end + 1;
	}
	return { kind: 'fence', from: lineStart, to: text.length, closed: false };
}

/** An HTML block runs to its last line before a blank line (or the end of the note). */
function htmlBlockAt(text: string, lineStart: number): NonProseRange | null {
	if (!HTML_BLOCK.test(text.slice(lineStart, endOfLine(text, lineStart)))) return null;
	return { kind: 'html', from: lineStart, to: nextBlankLine(text, lineStart), closed: true };
}

function pushUntil(
	ranges: NonProseRange[],
	kind: NonProseKind,
	text: string,
	from: number,
	close: string,
	openLength: number,
): number {
	const found = text.indexOf(close, from + openLength);
	const to = found < 0 ? text.length : found + close.length;
	ranges.push({ kind, from, to, closed: found >= 0 });
	return to;
}

function backtickRun(text: string, from: number): number {
	let end = from;
	while (text[end] === '`') end++;
	return end - from;
}

/** The end of the backtick run of exactly `length` that closes inline code, or -1; a blank line ends the search. */
function closingBackticks(text: string, from: number, length: number): number {
	const limit = nextBlankLine(text, from);
	let at = text.indexOf('`', from);
	while (at >= 0 && at < limit) {
		const run = backtickRun(text, at);
		if (run === length) return at + run;
		at = text.indexOf('`', at + run);
	}
	return -1;
}

/** Where the next blank line after `from` starts (at the line break before it), or the end of the note. */
function nextBlankLine(text: string, from: number): number {
	const blankLine = /\n[ \t]*\r?\n/g;
	blankLine.lastIndex = from;
	return blankLine.exec(text)?.index ?? text.length;
}

function endOfLine(text: string, from: number): number {
	const newline = text.indexOf('\n', from);
	return newline < 0 ? text.length : newline;
}
