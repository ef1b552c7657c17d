import { propertiesFromFrontmatter } from '../../src/cli/frontmatterProperties';

describe('propertiesFromFrontmatter', () => {
	it('is null for a note without frontmatter, or with a block that is never closed', () => {
		expect(propertiesFromFrontmatter('# Title\nsource: https://youtu.be/x\n')).toBeNull();
		expect(propertiesFromFrontmatter('---\nsource: https://youtu.be/x\n# no closing line\n')).toBeNull();
	});

	it('reads plain, double-quoted and single-quoted values', () => {
		const note = [
			'---',
			'plain: https://youtu.be/AAAAAAAAAAA',
			'double: "Caf\\u00e9: \\"quoted\\""',
			"single: 'it''s here'",
			'media_link:   spaced out   ',
			'---',
			'Body',
		].join('\n');
		expect(propertiesFromFrontmatter(note)).toEqual({
			plain: 'https://youtu.be/AAAAAAAAAAA',
			double: 'Café: "quoted"',
			single: "it's here",
			media_link: 'spaced out',
		});
	});

	it('costs the properties, not the run, when the block is not valid YAML', () => {
		expect(propertiesFromFrontmatter('---\ntitle: "a \\q b"\n---\n')).toEqual({});
		expect(propertiesFromFrontmatter('---\ntitle: [unclosed\n---\n')).toEqual({});
		expect(propertiesFromFrontmatter('---\n- a list, not properties\n---\n')).toEqual({});
	});

	it('reads lists in both YAML forms, and an empty key as null, as Obsidian does', () => {
		const note = '---\nurl:\n  - "https://youtu.be/AAAAAAAAAAA"\n  - second\naliases: [one, two]\ntags:\n---\n';
		expect(propertiesFromFrontmatter(note)).toEqual({
			url: ['https://youtu.be/AAAAAAAAAAA', 'second'],
			aliases: ['one', 'two'],
			tags: null,
		});
	});

	it('reads a note with Windows line endings the same way', () => {
		const note = '---\r\nsource: "https://youtu.be/AAAAAAAAAAA"\r\nurl:\r\n  - x\r\n---\r\nBody\r\n';
		expect(propertiesFromFrontmatter(note)).toEqual({ source: 'https://youtu.be/AAAAAAAAAAA', url: ['x'] });
	});

	it('reads block scalars, nested maps and comments as YAML does', () => {
		const note =
			'---\n# comment\nnested:\n  key: value\nfine: yes\nsource: >-\n  https://youtu.be/\n  AAAAAAAAAAA\n---\n';
		expect(propertiesFromFrontmatter(note)).toEqual({
			nested: { key: 'value' },
			fine: 'yes',
			source: 'https://youtu.be/ AAAAAAAAAAA',
		});
	});
});
