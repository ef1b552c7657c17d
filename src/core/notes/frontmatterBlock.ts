/**
 * Where a note's properties are: an opening line `---` at the very start and the first later line that is
 * `---` and nothing else (trailing spaces aside). A value that merely ends in `---` (`note: see below---`)
 * does not close them. The one reading of this rule; everything that skips or edits properties uses it.
 */
export interface FrontmatterBlock {
	/** Offset of the first YAML line, just after the opening line's break. */
	yamlStart: number;
	/** Offset of the closing `---` line; the YAML is `text.slice(yamlStart, yamlEnd)`. */
	yamlEnd: number;
	/** Offset just after the closing line and its line break. */
	end: number;
}

const DELIMITER = /^---[ \t]*\r?$/;

export function findFrontmatter(text: string): FrontmatterBlock | null {
	const firstBreak = text.indexOf('\n');
	if (firstBreak < 0 || !DELIMITER.test(text.slice(0, firstBreak))) return null;
	let lineStart = firstBreak + 1;
	while (lineStart <= text.length) {
		const newline = text.indexOf('\n', lineStart);
		const lineEnd = newline < 0 ? text.length : newline;
		if (DELIMITER.test(text.slice(lineStart, lineEnd)))
			return { yamlStart: firstBreak + 1, yamlEnd: lineStart, end: newline < 0 ? text.length : newline + 1 };
		if (newline < 0) return null;
		lineStart = newline + 1;
	}
	return null;
}

/** Offset just after the closing `---` line of the frontmatter, or 0 when there is none. */
export function frontmatterEnd(text: string): number {
	return findFrontmatter(text)?.end ?? 0;
}
