import { frontmatterEnd } from './frontmatterBlock';
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

/**
 * The source note's text with a link to the digest on the line after the YouTube link. It works on the
 * note as it is at write time, so text typed while the digest was being made is kept; a note that
 * already links the digest is returned unchanged.
 */
export function insertBacklink(text: string, placement: BacklinkPlacement): string {
	if (text.includes(placement.digestLink)) return text;
	const anchor = findAnchorOffset(text, placement);
	const lineEnd = anchor === null ? text.length : endOfLine(text, anchor);
	const anchorLine = anchor === null ? '' : lineAt(text, anchor);
	const newLine = `${childPrefix(anchorLine)}${placement.label ?? 'Digest:'} ${placement.digestLink}`;
	if (anchor === null)
		return text.length === 0 || text.endsWith('\n') ? `${text}${newLine}\n` : `${text}\n${newLine}\n`;
	return `${text.slice(0, lineEnd)}\n${newLine}${text.slice(lineEnd)}`;
}

/**
 * A block (an inline digest) on the lines after the YouTube link, or at the end when the link is gone.
 * Blank lines around it keep it from joining the paragraph or list it follows.
 */
export function insertBlockBelowLink(text: string, anchor: LinkAnchor, block: string): string {
	const offset = findAnchorOffset(text, anchor);
	const lineEnd = offset === null ? text.length : endOfLine(text, offset);
	const before = text.slice(0, lineEnd);
	const after = text.slice(lineEnd).replace(/^\r?\n/, '');
	const gapAfter = after === '' || /^\r?\n/.test(after) ? '' : '\n';
	return `${before}${before === '' || before.endsWith('\n') ? '' : '\n'}\n${block}${gapAfter}${after}`;
}

function findAnchorOffset(text: string, placement: LinkAnchor): number | null {
	const bodyStart = frontmatterEnd(text);
	const links = findVideoLinks(text).filter((link) => link.ref.id === placement.videoId);
	const inBody = links.filter((link) => link.from >= bodyStart);
	const exact = inBody.find((link) => link.text === placement.originalLinkText);
	const chosen = exact ?? inBody[0];
	if (chosen) return chosen.from;
	// A link that lives only in the properties: the digest link goes on the first line after them.
	if (links.length > 0 && bodyStart > 0) return bodyStart - 1;
	return null;
}

function endOfLine(text: string, offset: number): number {
	const newline = text.indexOf('\n', offset);
	if (newline < 0) return text.length;
	return text[newline - 1] === '\r' ? newline - 1 : newline;
}

function lineAt(text: string, offset: number): string {
	const start = text.lastIndexOf('\n', offset - 1) + 1;
	return text.slice(start, endOfLine(text, offset));
}

/** Under a list item the link becomes a nested item; elsewhere it keeps the line's indentation. */
function childPrefix(line: string): string {
	const item = /^(\s*)(?:[-*+]|\d+[.)])\s/.exec(line);
	if (item) return `${item[1]}${item[1].includes(' ') && !item[1].includes('\t') ? '    ' : '\t'}- `;
	const quote = /^(\s*(?:>\s?)+)/.exec(line);
	if (quote) return quote[1];
	return /^\s*/.exec(line)?.[0] ?? '';
}
