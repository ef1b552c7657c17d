import { parse as parseYaml } from 'yaml';
import { mergeFrontmatter, serializeFrontmatter } from '../../../src/core/render/frontmatter';
import { DEFAULT_PROPERTIES, renderProperties } from '../../../src/core/render/properties';
import { formatPropertyLines, parsePropertyLines } from '../../../src/core/render/propertyLines';
import { sampleDigestContext } from '../../../src/core/render/sampleContext';
import { loadTemplateEngine } from '../../../src/core/render/templateEngine';

describe('properties from settings', () => {
	it('renders each expression to its type', async () => {
		const engine = await loadTemplateEngine();
		const properties = renderProperties(
			[
				{ name: 'title', value: '{{title}}', type: 'text' },
				{ name: 'topics', value: 'video, {{tags}}', type: 'list' },
				{ name: 'published', value: '{{published}}', type: 'date' },
				{ name: 'minutes', value: '{{durationSeconds}}', type: 'number' },
				{ name: 'watched', value: 'false', type: 'checkbox' },
				{ name: 'empty', value: '', type: 'text' },
				{ name: 'youtube_id', value: 'overridden?', type: 'text' },
			],
			sampleDigestContext('youtube'),
			engine.renderRaw,
			{ youtube_id: 'aBcDeFgHiJk', source_note: '[[Garden ideas]]' },
		);
		expect(properties).toEqual({
			title: 'Growing tomatoes from seed',
			topics: ['video', 'gardening', 'tomatoes'],
			published: { date: '2026-04-01' },
			minutes: 360,
			watched: false,
			youtube_id: 'aBcDeFgHiJk',
			source_note: '[[Garden ideas]]',
		});
		expect(parseYaml(serializeFrontmatter(properties).replace(/^---\n|---\n$/g, ''))).toEqual({
			title: 'Growing tomatoes from seed',
			topics: ['video', 'gardening', 'tomatoes'],
			published: '2026-04-01',
			minutes: 360,
			watched: false,
			youtube_id: 'aBcDeFgHiJk',
			source_note: '[[Garden ideas]]',
		});
	});

	it('writes a date property only for a real calendar day; an impossible one stays text', async () => {
		const engine = await loadTemplateEngine();
		const render = (value: string) =>
			renderProperties([{ name: 'when', value, type: 'date' }], {}, engine.renderRaw, {
				youtube_id: 'x',
				source_note: null,
			}).when;
		expect(render('2024-02-29')).toEqual({ date: '2024-02-29' });
		expect(render('2024-05-01T10:30:00Z')).toEqual({ date: '2024-05-01T10:30:00Z' });
		expect(render('2024-13-45')).toBe('2024-13-45');
		expect(render('2023-02-29')).toBe('2023-02-29');
		expect(render('2024-00-10T10:00')).toBe('2024-00-10T10:00');
		expect(engine.render('[{{date when}}]', { when: '2024-13-45' })).toBe('[]');
	});

	it('writes a property named like a built-in key or an object internal like any other', async () => {
		const engine = await loadTemplateEngine();
		const properties = renderProperties(
			[
				{ name: 'links', value: 'a, b', type: 'list' },
				{ name: 'constructor', value: 'c', type: 'text' },
				{ name: 'toString', value: '1', type: 'number' },
				{ name: '__proto__', value: 'x, y', type: 'list' },
				{ name: 'source_note', value: 'mine', type: 'text' },
			],
			{},
			engine.renderRaw,
			{ youtube_id: 'id', source_note: null, digest_warnings: [], links: [] },
		);
		expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
		expect(parseYaml(serializeFrontmatter(properties).replace(/^---\n|---\n$/g, ''))).toEqual(
			JSON.parse('{"links":["a","b"],"constructor":"c","toString":1,"__proto__":["x","y"],"youtube_id":"id"}'),
		);
	});

	it('reports a duplicate property name and a name the plugin writes itself, with their lines', () => {
		expect(
			parsePropertyLines('title: {{title}}\ntags (list): {{tags}}\n title : again\nyoutube_id: x').problems,
		).toEqual([
			'Line 3: the property title is already on line 1.',
			'Line 4: youtube_id is written by the plugin itself; choose another name.',
		]);
	});

	it('reads and writes the settings text form', () => {
		expect(parsePropertyLines(formatPropertyLines(DEFAULT_PROPERTIES))).toEqual({
			specs: DEFAULT_PROPERTIES,
			problems: [],
		});
		expect(parsePropertyLines('title: {{title}}\n\nnope\nx (colour): y').problems).toEqual([
			'Line 3: write "name: value" or "name (type): value".',
			'Line 4: the type must be one of text, list, date, number, checkbox.',
		]);
	});
});

describe('mergeFrontmatter', () => {
	it('replaces the given properties and keeps every other entry byte for byte', () => {
		const note = [
			'---',
			'title: "Old title"',
			'rating: 5   # my own',
			'tags:',
			'  - "youtube"',
			'  - "old"',
			'aliases: [one, two]',
			'---',
			'Body',
		].join('\n');
		expect(mergeFrontmatter(note, { title: 'New', tags: ['youtube', 'new'], language: 'de' })).toBe(
			[
				'---',
				'title: "New"',
				'rating: 5   # my own',
				'tags:',
				'  - "youtube"',
				'  - "new"',
				'aliases: [one, two]',
				'language: "de"',
				'---',
				'Body',
			].join('\n'),
		);
	});

	it("keeps the user's entries named like object internals", () => {
		expect(
			mergeFrontmatter('---\ntoString: keep me\nconstructor: mine\ntitle: old\n---\nbody', { title: 'new' }),
		).toBe('---\ntoString: keep me\nconstructor: mine\ntitle: "new"\n---\nbody');
	});

	it('adds a frontmatter block to a note without one', () => {
		expect(mergeFrontmatter('Body\n', { title: 'T' })).toBe('---\ntitle: "T"\n---\nBody\n');
	});
});
