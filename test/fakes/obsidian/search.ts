/** Obsidian's search helpers: fuzzy and simple matching, and rendering of highlighted matches. */
import type * as O from 'obsidian';
import { asFakeNode, FakeElement, FakeNode, FakeText } from './dom';

function mergeRanges(ranges: O.SearchMatchPart[]): O.SearchMatches {
	const out: O.SearchMatches = [];
	for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
		const last = out[out.length - 1];
		if (last && from <= last[1]) last[1] = Math.max(last[1], to);
		else out.push([from, to]);
	}
	return out;
}

/**
 * Case-insensitive subsequence match (spaces in the query are ignored). The score is 0 for a contiguous
 * match at the start and decreases with gaps and later starts; null when the query does not match.
 */
export function prepareFuzzySearch(query: string): (text: string) => O.SearchResult | null {
	const q = query.toLowerCase().replace(/\s+/g, '');
	return (text: string) => {
		if (q === '') return { score: 0, matches: [] };
		const t = text.toLowerCase();
		const ranges: O.SearchMatchPart[] = [];
		let pos = 0;
		let gaps = 0;
		for (const ch of q) {
			const found = t.indexOf(ch, pos);
			if (found === -1) return null;
			if (ranges.length > 0) gaps += found - pos;
			ranges.push([found, found + 1]);
			pos = found + 1;
		}
		return { score: -(gaps + ranges[0][0] * 0.1), matches: mergeRanges(ranges) };
	};
}

/** Writes `text` into `el`, wrapping matched ranges in `<span class="suggestion-highlight">`. */
export function renderMatches(
	el: HTMLElement | DocumentFragment,
	text: string,
	matches: O.SearchMatches | null,
	offset = 0,
): void {
	const target: FakeNode = asFakeNode(el);
	let cursor = 0;
	for (const [from0, to0] of matches ?? []) {
		const from = Math.max(0, from0 + offset);
		const to = Math.min(text.length, to0 + offset);
		if (to <= cursor || from >= text.length) continue;
		if (from > cursor) target.appendChild(new FakeText(text.slice(cursor, from)));
		const span = new FakeElement('span');
		span.addClass('suggestion-highlight');
		span.setText(text.slice(Math.max(from, cursor), to));
		target.appendChild(span);
		cursor = to;
	}
	if (cursor < text.length) target.appendChild(new FakeText(text.slice(cursor)));
}

export function renderResults(el: HTMLElement, text: string, result: O.SearchResult, offset?: number): void {
	renderMatches(el, text, result.matches, offset);
}
