import { frontmatterEnd } from '../../../src/core/notes/frontmatterBlock';
import { mergeFrontmatter } from '../../../src/core/render/frontmatter';

const note = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('mergeFrontmatter keeps YAML it does not own intact', () => {
	it('does not end the properties at a value ending in ---', () => {
		const text = note('---', 'note: see below---', 'title: "Old"', 'mine: 1', '---', 'Body');
		expect(mergeFrontmatter(text, { title: 'New' })).toBe(
			note('---', 'note: see below---', 'title: "New"', 'mine: 1', '---', 'Body'),
		);
	});

	it.each([
		['a literal block scalar', ['desc: |', '  line one', '', '  line three: with colon', 'other: 1']],
		['a folded block scalar', ['desc: >-', '  folded', '  text', 'other: 1']],
		['a nested map', ['desc:', '  en: English', '  de:', '    - Deutsch', 'other: 1']],
		['a list at the margin', ['desc:', '- a', '- b', 'other: 1']],
		['a list with comments between items', ['desc:', '  - a', '# note', '  - b', 'other: 1']],
		['a flow map over lines', ['desc: { a: 1,', '  b: 2 }', 'other: 1']],
	])('replaces an entry written as %s whole, and keeps the next', (_, lines) => {
		const text = note('---', ...lines, '---', 'Body');
		const merged = mergeFrontmatter(text, { desc: 'New' });
		expect(merged).toBe(note('---', 'desc: "New"', 'other: 1', '---', 'Body'));
	});

	it.each([
		['a literal block scalar', ['keep: |', '  title: not a key', '  ---', 'title: "Old"']],
		['a nested map', ['keep:', '  title: nested', 'title: "Old"']],
		['a comment', ['# title: commented out', 'title: "Old"']],
	])('keeps %s of the user byte for byte and replaces only the top-level key', (_, lines) => {
		const text = note('---', ...lines, '---', 'Body');
		const expected = note('---', ...lines.slice(0, -1), 'title: "New"', '---', 'Body');
		expect(mergeFrontmatter(text, { title: 'New' })).toBe(expected);
	});

	it.each([
		['double-quoted', '"title": "Old"'],
		['single-quoted', "'title': 'Old'"],
		['with space before the colon', 'title  : Old'],
	])('finds a key written %s', (_, line) => {
		const text = note('---', line, 'mine: 1', '---', 'Body');
		expect(mergeFrontmatter(text, { title: 'New' })).toBe(note('---', 'title: "New"', 'mine: 1', '---', 'Body'));
	});

	it('reads a single-quoted key with an escaped quote and a double-quoted key with an escape', () => {
		const text = note('---', "'it''s': 1", '"tab\\tkey": 2', '---', '');
		expect(mergeFrontmatter(text, { "it's": 3, 'tab\tkey': 4 })).toBe(
			note('---', '"it\'s": 3', '"tab\\tkey": 4', '---', ''),
		);
	});

	it('fills an empty frontmatter', () => {
		expect(mergeFrontmatter('---\n---\nBody\n', { title: 'T' })).toBe('---\ntitle: "T"\n---\nBody\n');
	});

	it('keeps CRLF line endings on every line, written or kept', () => {
		const text = '---\r\ntitle: "Old"\r\ntags:\r\n  - a\r\nmine: 1\r\n---\r\nBody\r\n';
		const merged = mergeFrontmatter(text, { title: 'New', tags: ['x', 'y'], added: 'z' });
		expect(merged).toBe(
			'---\r\ntitle: "New"\r\ntags:\r\n  - "x"\r\n  - "y"\r\nmine: 1\r\nadded: "z"\r\n---\r\nBody\r\n',
		);
	});

	it('agrees with frontmatterEnd on where the properties end', () => {
		for (const text of [
			'---\na: b---\n---\nBody',
			'---\n---\nBody',
			'---\r\na: 1\r\n---\r\nBody',
			'---\na: 1\n---  \nBody',
			'---\na: 1\n--- not a close\nstill: yaml\n---\nBody',
		]) {
			const merged = mergeFrontmatter(text, { added: 1 });
			expect(merged.slice(frontmatterEnd(merged))).toBe(text.slice(frontmatterEnd(text)));
		}
	});
});
