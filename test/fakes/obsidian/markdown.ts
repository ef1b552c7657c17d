/**
 * Computes a note's CachedMetadata the way Obsidian's indexer does, for the common Markdown:
 * frontmatter (+ links in property values), ATX and setext headings, wikilinks/embeds, internal
 * Markdown links (external URLs are not links), #tags, footnotes, ^block ids, list items and
 * top-level sections. Code (fenced, inline), math and %% comments %% hide links and tags.
 *
 * Not modelled: indented code blocks, HTML inline tags, reference-style links, nested blockquote
 * structure. Empty arrays are omitted, as Obsidian does.
 */
import type * as O from 'obsidian';
import { getFrontMatterInfo, parseYaml } from './frontmatter';

interface Line {
	text: string;
	start: number;
	index: number;
}

class Locator {
	private readonly starts: number[] = [0];

	constructor(text: string) {
		for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
	}

	loc(offset: number): O.Loc {
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo, col: offset - this.starts[lo], offset };
	}

	pos(from: number, to: number): O.Pos {
		return { start: this.loc(from), end: this.loc(to) };
	}
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST = /^(\s*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const TASK = /^(\s*)(?:[-*+]|\d{1,9}[.)])[ \t]+\[(.)\](?=\s|$)/;
const QUOTE = /^ {0,3}>/;
const CALLOUT = /^ {0,3}>\s*\[!([^\]]+)\]/;
const TABLE_SEP = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const FOOTNOTE_DEF = /^\[\^([^\]\s]+)\]:/;
const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/;
const HTML_BLOCK = /^ {0,3}<(?:[A-Za-z][\w-]*|!--)/;
const TAG = /(^|\s)#((?:[\p{L}\p{N}_\-/]|\p{Extended_Pictographic})+)/gu;
const WIKILINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;
const MDLINK =
	// eslint-disable-next-line max-len -- one regular expression reads best on one line
	/(!?)\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function blank(text: string, from: number, to: number): string {
	return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}

/** Replaces inline code, inline math and %% comments %% by spaces (keeping offsets) so they are not scanned. */
function maskInline(line: string, state: { inComment: boolean }): string {
	let out = line;
	// Comments may span lines.
	let i = 0;
	while (i < out.length) {
		if (state.inComment) {
			const end = out.indexOf('%%', i);
			if (end === -1) return ' '.repeat(out.length);
			out = blank(out, i, end + 2);
			i = end + 2;
			state.inComment = false;
		} else {
			const start = out.indexOf('%%', i);
			if (start === -1) break;
			state.inComment = true;
			out = blank(out, start, start + 2);
			i = start + 2;
		}
	}
	out = out.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, (m) => ' '.repeat(m.length));
	out = out.replace(/\$(?=\S)[^$\n]*?\S\$|\$\S\$/g, (m) => ' '.repeat(m.length));
	return out;
}

function wikiDisplay(target: string): string {
	const hash = target.indexOf('#');
	if (hash === -1) return target;
	const path = target.slice(0, hash);
	const parts = target
		.slice(hash + 1)
		.split('#')
		.filter(Boolean);
	return path ? [path, ...parts].join(' > ') : parts.join(' > ');
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

function collectFrontmatterLinks(value: unknown, key: string, out: O.FrontmatterLinkCache[]): void {
	if (typeof value === 'string') {
		for (const m of value.matchAll(WIKILINK)) {
			if (m[1]) continue;
			const [target, alias] = splitAlias(m[2]);
			const link: O.FrontmatterLinkCache = {
				key,
				link: target,
				original: m[0],
				displayText: alias ?? wikiDisplay(target),
			};
			out.push(link);
		}
	} else if (Array.isArray(value)) {
		value.forEach((item, i) => collectFrontmatterLinks(item, `${key}.${i}`, out));
	} else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) collectFrontmatterLinks(v, `${key}.${k}`, out);
	}
}

function splitAlias(inner: string): [string, string | undefined] {
	const bar = inner.indexOf('|');
	if (bar === -1) return [inner.trim(), undefined];
	return [inner.slice(0, bar).trim(), inner.slice(bar + 1)];
}

export function parseMarkdown(text: string): O.CachedMetadata {
	const locator = new Locator(text);
	const cache: O.CachedMetadata = {};
	const links: O.LinkCache[] = [];
	const embeds: O.EmbedCache[] = [];
	const tags: O.TagCache[] = [];
	const headings: O.HeadingCache[] = [];
	const sections: O.SectionCache[] = [];
	const footnotes: O.FootnoteCache[] = [];
	const listItems: O.ListItemCache[] = [];
	const blocks: Record<string, O.BlockCache> = {};

	const rawLines = text.split('\n');
	const lines: Line[] = [];
	let offset = 0;
	rawLines.forEach((raw, index) => {
		lines.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, start: offset, index });
		offset += raw.length + 1;
	});
	const lineEnd = (l: Line) => l.start + l.text.length;

	let first = 0;
	const fm = getFrontMatterInfo(text);
	if (fm.exists) {
		const closeLine = locator.loc(fm.to).line;
		const position = locator.pos(0, lineEnd(lines[closeLine]));
		cache.frontmatterPosition = position;
		sections.push({ type: 'yaml', position });
		try {
			const parsed: unknown = parseYaml(fm.frontmatter);
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
				cache.frontmatter = parsed as O.FrontMatterCache;
				const fmLinks: O.FrontmatterLinkCache[] = [];
				for (const [key, value] of Object.entries(parsed)) collectFrontmatterLinks(value, key, fmLinks);
				if (fmLinks.length > 0) cache.frontmatterLinks = fmLinks;
			}
		} catch {
			// Invalid YAML: Obsidian shows "invalid properties" and indexes no frontmatter.
		}
		first = closeLine + 1;
	}

	const commentState = { inComment: false };

	const scanInline = (line: Line, from = 0) => {
		let masked = maskInline(line.text, commentState);
		if (from > 0) masked = ' '.repeat(from) + masked.slice(from);
		for (const m of masked.matchAll(WIKILINK)) {
			const at = m.index ?? 0;
			if (at > 0 && masked[at - 1] === '\\') continue;
			const original = line.text.slice(at, at + m[0].length);
			const [target, alias] = splitAlias(m[2]);
			const ref = {
				link: target,
				original,
				displayText: alias ?? wikiDisplay(target),
				position: locator.pos(line.start + at, line.start + at + m[0].length),
			};
			(m[1] ? embeds : links).push(ref);
			masked = blank(masked, at, at + m[0].length);
		}
		for (const m of masked.matchAll(MDLINK)) {
			const at = m.index ?? 0;
			let dest = m[3];
			if (dest.startsWith('<')) dest = dest.slice(1, -1);
			if (!dest || SCHEME.test(dest)) continue;
			const original = line.text.slice(at, at + m[0].length);
			const ref = {
				link: safeDecode(dest),
				original,
				displayText: m[2],
				position: locator.pos(line.start + at, line.start + at + m[0].length),
			};
			(m[1] ? embeds : links).push(ref);
			masked = blank(masked, at, at + m[0].length);
		}
		for (const m of masked.matchAll(TAG)) {
			const name = m[2].replace(/\/+$/, '');
			if (!name || /^\d+$/.test(name)) continue;
			const at = (m.index ?? 0) + m[1].length;
			tags.push({ tag: `#${name}`, position: locator.pos(line.start + at, line.start + at + name.length + 1) });
		}
	};

	type Open = { type: string; startLine: number; endLine: number };
	let current: Open | null = null;
	const close = () => {
		if (!current) return;
		const start = lines[current.startLine];
		const end = lines[current.endLine];
		const section: O.SectionCache = { type: current.type, position: locator.pos(start.start, lineEnd(end)) };
		// A ^block-id on the last line names the whole paragraph/quote/table (list items get their own ids).
		const id = BLOCK_ID.exec(end.text);
		if (id && current.type !== 'list' && current.type !== 'code') {
			section.id = id[1];
			blocks[id[1].toLowerCase()] = { id: id[1], position: section.position };
		}
		sections.push(section);
		current = null;
	};
	const open = (type: string, index: number) => {
		close();
		current = { type, startLine: index, endLine: index };
	};

	// List item nesting: stack of {indent, line}; the root parent is -(first line of the list).
	let listStack: { indent: number; line: number }[] = [];
	let listStart = -1;

	for (let i = first; i < lines.length; i++) {
		const line = lines[i];
		const t = line.text;
		const isBlank = t.trim() === '';

		if (commentState.inComment) {
			scanInline(line);
			if (current) (current as Open).endLine = i;
			continue;
		}

		const fence = FENCE.exec(t);
		if (fence && !(fence[2][0] === '`' && fence[3].includes('`'))) {
			open('code', i);
			const marker = fence[2];
			let j = i + 1;
			for (; j < lines.length; j++) {
				const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[j].text);
				if (closing && closing[1][0] === marker[0] && closing[1].length >= marker.length) break;
			}
			const last = Math.min(j, lines.length - 1);
			(current as unknown as Open).endLine = last;
			close();
			i = last;
			listStack = [];
			continue;
		}

		if (/^ {0,3}\$\$/.test(t)) {
			open('math', i);
			let j = i;
			// `$$ x $$` on one line is a whole block; otherwise it runs to the next line containing $$.
			if (t.trim().indexOf('$$', 2) === -1)
				for (j = i + 1; j < lines.length && !lines[j].text.includes('$$'); j++);
			const last = Math.min(j, lines.length - 1);
			(current as unknown as Open).endLine = last;
			close();
			i = last;
			continue;
		}

		if (isBlank) {
			const next = lines.slice(i + 1).find((l) => l.text.trim() !== '');
			const cur = current as Open | null;
			if (cur?.type === 'list' && next && (LIST.test(next.text) || /^\s{2,}\S/.test(next.text))) continue;
			close();
			listStack = [];
			continue;
		}

		const cur = current as Open | null;

		const setext = SETEXT.exec(t);
		if (setext && cur?.type === 'paragraph') {
			const start = lines[cur.startLine];
			const headingText = lines
				.slice(cur.startLine, i)
				.map((l) => l.text.trim())
				.join(' ');
			headings.push({
				heading: headingText,
				level: setext[1][0] === '=' ? 1 : 2,
				position: locator.pos(start.start, lineEnd(line)),
			});
			cur.type = 'heading';
			cur.endLine = i;
			close();
			continue;
		}

		const atx = ATX.exec(t);
		if (atx) {
			open('heading', i);
			close();
			headings.push({ heading: atx[2], level: atx[1].length, position: locator.pos(line.start, lineEnd(line)) });
			scanInline(line, t.indexOf('#') + atx[1].length);
			listStack = [];
			continue;
		}

		if (HR.test(t)) {
			open('thematicBreak', i);
			close();
			listStack = [];
			continue;
		}

		const list = LIST.exec(t);
		if (list) {
			if (cur?.type !== 'list') {
				open('list', i);
				listStack = [];
				listStart = i;
			} else cur.endLine = i;
			const indent = list[1].replace(/\t/g, '    ').length;
			while (listStack.length > 0 && listStack[listStack.length - 1].indent >= indent) listStack.pop();
			const parent = listStack.length > 0 ? listStack[listStack.length - 1].line : -listStart;
			listStack.push({ indent, line: i });
			const item: O.ListItemCache = { parent, position: locator.pos(line.start + list[1].length, lineEnd(line)) };
			const task = TASK.exec(t);
			if (task) item.task = task[2];
			const id = BLOCK_ID.exec(t);
			if (id) {
				item.id = id[1];
				blocks[id[1].toLowerCase()] = { id: id[1], position: locator.pos(line.start, lineEnd(line)) };
			}
			listItems.push(item);
			scanInline(line);
			continue;
		}

		if (cur?.type === 'list' && /^\s+\S/.test(t)) {
			cur.endLine = i;
			scanInline(line);
			continue;
		}

		if (QUOTE.test(t)) {
			if (cur?.type === 'blockquote' || cur?.type === 'callout') cur.endLine = i;
			else open(CALLOUT.test(t) ? 'callout' : 'blockquote', i);
			scanInline(line);
			continue;
		}

		const footnote = FOOTNOTE_DEF.exec(t);
		if (footnote) {
			open('footnoteDefinition', i);
			footnotes.push({ id: footnote[1], position: locator.pos(line.start, lineEnd(line)) });
			scanInline(line, footnote[0].length);
			continue;
		}

		if (
			cur?.type === 'table' ||
			(t.includes('|') &&
				i + 1 < lines.length &&
				TABLE_SEP.test(lines[i + 1].text) &&
				lines[i + 1].text.includes('-'))
		) {
			if (cur?.type === 'table') cur.endLine = i;
			else open('table', i);
			scanInline(line);
			continue;
		}

		if (HTML_BLOCK.test(t) && cur?.type !== 'paragraph') {
			open('html', i);
			let j = i;
			while (j + 1 < lines.length && lines[j + 1].text.trim() !== '') j++;
			(current as unknown as Open).endLine = j;
			close();
			i = j;
			continue;
		}

		if (cur && cur.type !== 'heading' && cur.type !== 'thematicBreak') {
			// Lazy continuation of a paragraph, list item or quote.
			cur.endLine = i;
		} else {
			open('paragraph', i);
		}
		scanInline(line);
	}
	close();

	if (links.length > 0) cache.links = links;
	if (embeds.length > 0) cache.embeds = embeds;
	if (tags.length > 0) cache.tags = tags;
	if (headings.length > 0) cache.headings = headings;
	if (sections.length > 0) cache.sections = sections;
	if (footnotes.length > 0) cache.footnotes = footnotes;
	if (listItems.length > 0) cache.listItems = listItems;
	if (Object.keys(blocks).length > 0) cache.blocks = blocks;
	return cache;
}
