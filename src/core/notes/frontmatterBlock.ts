/** Offset just after the closing `---` line of the frontmatter, or 0 when there is none. */
export function frontmatterEnd(text: string): number {
	if (!text.startsWith('---')) return 0;
	const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
	return match ? match[0].length : 0;
}
