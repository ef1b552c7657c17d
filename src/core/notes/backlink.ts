import { BlockKind, blockContaining, SETEXT_UNDERLINE } from './blockContaining';
import { frontmatterEnd } from './frontmatterBlock';
import { LineEnding, lineEndingOf, withLineEnding } from './lineEnding';
import { nonProseRanges } from './nonProseRanges';
import { videoLinksInProse } from './videoLinksInProse';
import { findVideoLinks } from '../youtube/videoUrl';

/** Which YouTube link of a note something goes below. */
export interface LinkAnchor {
	videoId: string;
	/** The link as it was written when the run started, preferred when the note now holds several. */
	originalLinkText?: string;
}

export interface BacklinkPlacement extends LinkAnchor {
	/** The Markdown link to the digest note. */
	digestLink: string;
	label?: string;
}

/** Blocks that a line written right after them would join (a table row, a quote's lazy continuation, code). */
const SET_OFF: ReadonlySet<BlockKind> = new Set(['fence', 'comment', 'math', 'html', 'table', 'quote']);

/**
 * The source note's text with a link to the digest below the YouTube link: on the next line, as a nested
 * item under a list item, and after the whole block when the link sits in a table, a quote or a callout.
 * It works on the note as it is at write time, so text typed while the digest was being made is kept;
 * a note that already links the digest is returned unchanged. Added lines use the note's line ending.
 */
export function insertBacklink(text: string, placement: BacklinkPlacement): string {
	// Also a wikilink the user gave a display text or a heading since: `[[Talk|mine]]`, `[[Talk#Part]]`.
	const open = placement.digestLink.replace(/\]\]$/, '');
	if ([placement.digestLink, `${open}|`, `${open}#`].some((link) => text.includes(link))) return text;
	const eol = lineEndingOf(text);
	const label = `${placement.label ?? 'Digest:'} ${placement.digestLink}`;
	const anchor = findAnchorOffset(text, placement);
	if (anchor === null) return appendSafely(text, label, eol, false);
	const block = blockContaining(text, anchor);
	const anchorLine = text.slice(block.lineStart, lineContentEnd(text, anchor));
	if (SET_OFF.has(block.kind))
		return insertSetOff(text, block.end, `${leadingSpace(anchorLine)}${label}`, eol, false);
	const prefix = block.kind === 'list-item' ? nestedItemPrefix(anchorLine) : leadingSpace(anchorLine);
	const rest = text.slice(block.end);
	// Right above a `---` or `===` line, the added line would become a heading.
	const gap = SETEXT_UNDERLINE.test(rest.split(/\r?\n/)[1]) ? eol : '';
	return `${text.slice(0, block.end)}${eol}${prefix}${label}${gap}${rest}`;
}

/**
 * A block (an inline digest) on the lines after the YouTube link's block, or at the end when the link is
 * gone. Blank lines around it keep it from joining the paragraph or list it follows.
 */
export function insertBlockBelowLink(text: string, anchor: LinkAnchor, block: string): string {
	const eol = lineEndingOf(text);
	const content = withLineEnding(block, eol).replace(/(?:\r?\n)+$/, '');
	const offset = findAnchorOffset(text, anchor);
	if (offset === null) return appendSafely(text, content, eol, true);
	return insertSetOff(text, blockContaining(text, offset).end, content, eol, true);
}

/** `content` after offset `end` (a line's end), with a blank line before it and, when text follows, after it. */
function insertSetOff(text: string, end: number, content: string, eol: LineEnding, asBlock: boolean): string {
	const before = text.slice(0, end);
	const rest = text.slice(end);
	const after = rest.replace(/^\r?\n/, '');
	const gapBefore = before === '' ? '' : `${eol}${eol}`;
	const tail =
		after === '' ? (rest === '' && !asBlock ? '' : eol) : `${eol}${/^[ \t]*\r?\n/.test(after) ? '' : eol}${after}`;
	return `${before}${gapBefore}${content}${tail}`;
}

/**
 * At the end of the note, unless the end is inside a fence or comment left open (then before it), and
 * after a blank line when the note ends with a table or a quote, which a plain next line would join.
 */
function appendSafely(text: string, content: string, eol: LineEnding, asBlock: boolean): string {
	const open = nonProseRanges(text).find((range) => !range.closed);
	if (open) {
		const lineStart = text.lastIndexOf('\n', open.from - 1) + 1;
		return `${text.slice(0, lineStart)}${content}${eol}${asBlock ? eol : ''}${text.slice(lineStart)}`;
	}
	const trimmed = text.replace(/(?:\r?\n)+$/, '');
	const lastBlock = trimmed === '' ? null : blockContaining(trimmed, trimmed.length - 1);
	if (trimmed !== '' && (asBlock || (lastBlock && SET_OFF.has(lastBlock.kind))))
		return `${trimmed}${eol}${eol}${content}${eol}`;
	if (asBlock) return `${content}${eol}`;
	return text.length === 0 || text.endsWith('\n') ? `${text}${content}${eol}` : `${text}${eol}${content}${eol}`;
}

function findAnchorOffset(text: string, placement: LinkAnchor): number | null {
	const bodyStart = frontmatterEnd(text);
	const inBody = videoLinksInProse(text).filter((link) => link.ref.id === placement.videoId);
	const exact = inBody.find((link) => link.text === placement.originalLinkText);
	const chosen = exact ?? inBody[0];
	if (chosen) return chosen.from;
	// A link that lives only in the properties: the digest link goes on the first line after them.
	const inProperties = findVideoLinks(text.slice(0, bodyStart)).some((link) => link.ref.id === placement.videoId);
	if (inProperties && bodyStart > 0) return bodyStart - 1;
	return null;
}

function lineContentEnd(text: string, offset: number): number {
	const newline = text.indexOf('\n', offset);
	if (newline < 0) return text.length;
	return text[newline - 1] === '\r' ? newline - 1 : newline;
}

function leadingSpace(line: string): string {
	return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** Under a list item the link becomes a nested item, keeping the list's indentation style. */
function nestedItemPrefix(line: string): string {
	const indent = leadingSpace(line);
	return `${indent}${indent.includes(' ') && !indent.includes('\t') ? '    ' : '\t'}- `;
}
