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

	it('keeps a double-quoted value that is not valid JSON, without its quotes', () => {
		expect(propertiesFromFrontmatter('---\ntitle: "a \\q b"\n---\n')).toEqual({ title: 'a \\q b' });
	});

	it('reads lists, and an empty key with no items as an empty list', () => {
		const note =
			'---\nurl:\n  - "https://youtu.be/AAAAAAAAAAA"\n  - second\ntags:\ntitle: T\n  - stray item\n---\n';
		expect(propertiesFromFrontmatter(note)).toEqual({
			url: ['https://youtu.be/AAAAAAAAAAA', 'second'],
			tags: [],
			title: 'T',
		});
	});

	it('reads a note with Windows line endings the same way', () => {
		const note = '---\r\nsource: "https://youtu.be/AAAAAAAAAAA"\r\nurl:\r\n  - x\r\n---\r\nBody\r\n';
		expect(propertiesFromFrontmatter(note)).toEqual({ source: 'https://youtu.be/AAAAAAAAAAA', url: ['x'] });
	});

	it('leaves out lines that are not simple key: value pairs', () => {
		const note = '---\n# comment\nnested:\n  key: value\nfine: yes\n---\n';
		expect(propertiesFromFrontmatter(note)).toEqual({ nested: [], fine: 'yes' });
	});
});
