import { lineEndingOf, withLineEnding } from './lineEnding';

/**
 * The part of a note the plugin owns, between two comment lines that Obsidian hides in reading view.
 * Re-runs replace what is between them and leave everything outside, the user's own text, untouched.
 */
export function blockMarkers(name: string): { start: string; end: string } {
	return { start: `%% youtube-digest:${name}:start %%`, end: `%% youtube-digest:${name}:end %%` };
}

export function wrapGenerated(name: string, body: string): string {
	const { start, end } = blockMarkers(name);
	return `${start}\n${body.endsWith('\n') ? body : `${body}\n`}${end}\n`;
}

/** Where the block's markers are, or null when the text has no complete block of that name. */
function findBlock(text: string, name: string): { from: number; to: number } | null {
	const { start, end } = blockMarkers(name);
	const from = text.indexOf(start);
	const to = from < 0 ? -1 : text.indexOf(end, from + start.length);
	return from < 0 || to < 0 ? null : { from, to };
}

/** What the block holds now, or null when the text has no such block. */
export function generatedContent(text: string, name: string): string | null {
	const block = findBlock(text, name);
	return block ? text.slice(block.from + blockMarkers(name).start.length, block.to) : null;
}

/** The text with the block's content replaced, or null when the text has no such block. */
export function replaceGenerated(text: string, name: string, body: string): string | null {
	const block = findBlock(text, name);
	if (!block) return null;
	const { from, to } = block;
	const { end } = blockMarkers(name);
	const afterEnd = text.slice(to + end.length).replace(/^\r?\n/, '');
	return `${text.slice(0, from)}${withLineEnding(wrapGenerated(name, body), lineEndingOf(text))}${afterEnd}`;
}

/** Offsets `[start, end)` of every complete generated block, whatever its name; a start without its end is none. */
export function generatedRanges(text: string): [number, number][] {
	const ranges: [number, number][] = [];
	const { start: startPattern } = blockMarkers('([\\w-]+)');
	for (const match of text.matchAll(new RegExp(startPattern, 'g'))) {
		const from = match.index ?? 0;
		const { end } = blockMarkers(match[1]);
		const at = text.indexOf(end, from);
		if (at >= 0) ranges.push([from, at + end.length]);
	}
	return ranges;
}
