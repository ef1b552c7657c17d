import { frontmatterEnd } from './frontmatterBlock';
import { NonProseRange, nonProseRanges } from './nonProseRanges';

/**
 * The Markdown block a line belongs to, so what the plugin adds below a link goes after the block rather
 * than into it: a line added inside a fence becomes code, inside a table a row, after a quote line a lazy
 * continuation of the quote.
 */
export type BlockKind =
	'frontmatter' | 'fence' | 'comment' | 'math' | 'html' | 'heading' | 'table' | 'quote' | 'list-item' | 'line';

export interface ContainingBlock {
	kind: BlockKind;
	/** Start of the line that holds the offset. */
	lineStart: number;
	/** End of the block's last line, before its line break. */
	end: number;
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])(?:\s|$)/;
const QUOTE = /^\s*>/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const BLANK = /^\s*$/;
/** A line that makes the paragraph above it a heading; `blockContaining`'s caller keeps a blank line before one. */
export const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/;

export function blockContaining(text: string, offset: number, ranges = nonProseRanges(text)): ContainingBlock {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	const bodyStart = frontmatterEnd(text);
	if (offset < bodyStart) return { kind: 'frontmatter', lineStart, end: lineEndBefore(text, bodyStart) };
	const block = blockAt(text, offset, lineStart, ranges);
	// A comment or math that opens on the block's last line and goes on past it is the block's too.
	for (const range of ranges)
		if (range.from < block.end && range.to > block.end) block.end = lineContentEnd(text, range.to - 1);
	return block;
}

function blockAt(text: string, offset: number, lineStart: number, ranges: NonProseRange[]): ContainingBlock {
	const multiLine = multiLineRangeAt(text, ranges, offset);
	if (multiLine) {
		const kind = multiLine.kind === 'code' || multiLine.kind === 'html-comment' ? 'comment' : multiLine.kind;
		return { kind, lineStart, end: lineContentEnd(text, Math.max(multiLine.from, multiLine.to - 1)) };
	}
	const lines = linesOf(text);
	const index = lines.findIndex((line) => line.start <= offset && offset <= line.end);
	const line = lines[index]?.text ?? '';
	const lastOfRun = (keep: (text: string) => boolean) => {
		let last = index;
		while (last + 1 < lines.length && keep(lines[last + 1].text)) last++;
		return lines[last].end;
	};
	if (QUOTE.test(line)) return { kind: 'quote', lineStart, end: lastOfRun((next) => !BLANK.test(next)) };
	if (
		isTableRow(
			lines.map((entry) => entry.text),
			index,
		)
	)
		return { kind: 'table', lineStart, end: lastOfRun((next) => !BLANK.test(next)) };
	if (LIST_ITEM.test(line)) {
		const continues = (next: string) => !BLANK.test(next) && !LIST_ITEM.test(next) && !QUOTE.test(next);
		return { kind: 'list-item', lineStart, end: lastOfRun(continues) };
	}
	// A paragraph that a `---` or `===` line ends is a heading, and nothing may go between its lines.
	for (const next of index < 0 ? [] : lines.slice(index + 1)) {
		if (SETEXT_UNDERLINE.test(next.text)) return { kind: 'heading', lineStart, end: next.end };
		if ([BLANK, LIST_ITEM, QUOTE, ATX_HEADING].some((rule) => rule.test(next.text))) break;
	}
	return { kind: 'line', lineStart, end: lines[index]?.end ?? text.length };
}

/**
 * A fence, an HTML block, or a comment or math that spans lines, holding the offset (inline code, one-line
 * comments and math are prose lines).
 */
function multiLineRangeAt(text: string, ranges: NonProseRange[], offset: number): NonProseRange | undefined {
	return ranges.find(
		(range) =>
			offset >= range.from &&
			offset < Math.max(range.to, range.from + 1) &&
			(range.kind === 'fence' || range.kind === 'html' || text.slice(range.from, range.to).includes('\n')),
	);
}

/** A line of a GFM table: a run of non-blank lines with a pipe, whose second line is the delimiter row. */
function isTableRow(lines: string[], index: number): boolean {
	if (index < 0 || BLANK.test(lines[index])) return false;
	let first = index;
	while (first > 0 && !BLANK.test(lines[first - 1])) first--;
	for (let header = first; header < index + 1 && header + 1 < lines.length; header++) {
		if (lines[header].includes('|') && TABLE_DELIMITER.test(lines[header + 1]) && lines[header + 1].includes('|'))
			return index >= header;
	}
	return false;
}

interface Line {
	text: string;
	start: number;
	/** Before the line break (and before a `\r`). */
	end: number;
}

function linesOf(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	for (const raw of text.split('\n')) {
		const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
		lines.push({ text: content, start, end: start + content.length });
		start += raw.length + 1;
	}
	return lines;
}

/** End of the line that holds `offset`, before its line break. */
function lineContentEnd(text: string, offset: number): number {
	const newline = text.indexOf('\n', offset);
	if (newline < 0) return text.length;
	return text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** End of the line that ends just before `offset` (which follows a line break). */
function lineEndBefore(text: string, offset: number): number {
	const end = text[offset - 1] === '\n' ? offset - 1 : offset;
	return text[end - 1] === '\r' && end !== offset ? end - 1 : end;
}
