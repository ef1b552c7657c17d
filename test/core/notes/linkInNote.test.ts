import { chooseVideoLink, NoteLinkSources } from '../../../src/core/notes/linkInNote';

const A = 'https://youtu.be/AAAAAAAAAAA';
const B = 'https://www.youtube.com/watch?v=BBBBBBBBBBB';
const C = 'https://youtu.be/CCCCCCCCCCC';
const D = 'https://youtu.be/DDDDDDDDDDD';

function sources(overrides: Partial<NoteLinkSources>): NoteLinkSources {
	return { selection: '', cursorLine: '', cursorColumn: 0, properties: null, text: '', ...overrides };
}

describe('chooseVideoLink', () => {
	const everywhere = sources({
		selection: `see ${A}`,
		cursorLine: `- ${B}`,
		properties: { source: C },
		text: `---\nsource: ${C}\n---\nBody ${D}\n`,
	});

	it('takes the selection before the line, the properties and the body', () => {
		expect(chooseVideoLink(everywhere)).toEqual({ ref: { id: 'AAAAAAAAAAA' }, linkText: A, origin: 'selection' });
	});

	it('takes the cursor line when the selection holds no video link', () => {
		const chosen = chooseVideoLink({ ...everywhere, selection: 'https://example.com/not-a-video' });
		expect(chosen).toMatchObject({ ref: { id: 'BBBBBBBBBBB' }, linkText: B, origin: 'line' });
	});

	it('takes a link property when neither the selection nor the line has a link', () => {
		expect(chooseVideoLink({ ...everywhere, selection: '', cursorLine: 'plain text' })).toEqual({
			ref: { id: 'CCCCCCCCCCC' },
			linkText: C,
			origin: 'property',
		});
	});

	it('falls back to the first link of the body, never to a link inside the frontmatter', () => {
		const text = `---\nsource: ${C}\nnote: ${A}\n---\nFirst ${D}, then ${B}\n`;
		expect(chooseVideoLink(sources({ text }))).toMatchObject({ ref: { id: 'DDDDDDDDDDD' }, origin: 'body' });
		expect(chooseVideoLink(sources({ text: `---\nsource: ${C}\n---\nNo link here.\n` }))).toBeNull();
	});

	it('picks the link under the cursor when the line holds several, else the first on the line', () => {
		const line = `${A} and ${B}`;
		const inSecond = line.indexOf(B) + 5;
		expect(chooseVideoLink(sources({ cursorLine: line, cursorColumn: inSecond }))?.ref.id).toBe('BBBBBBBBBBB');
		expect(chooseVideoLink(sources({ cursorLine: line, cursorColumn: 2 }))?.ref.id).toBe('AAAAAAAAAAA');
		const between = line.indexOf(' and ') + 2;
		expect(chooseVideoLink(sources({ cursorLine: line, cursorColumn: between }))?.ref.id).toBe('AAAAAAAAAAA');
	});

	it('reads source, then url, then media_link, skipping values that are not video links', () => {
		const properties = { url: [42, 'https://example.com', ` ${B} `], media_link: C };
		expect(chooseVideoLink(sources({ properties }))).toEqual({
			ref: { id: 'BBBBBBBBBBB' },
			linkText: B,
			origin: 'property',
		});
		expect(chooseVideoLink(sources({ properties: { media_link: C, source: A } }))?.ref.id).toBe('AAAAAAAAAAA');
		expect(chooseVideoLink(sources({ properties: { link: A } }))).toBeNull();
	});

	it('keeps the start time of a link', () => {
		expect(chooseVideoLink(sources({ selection: `${A}?t=90` }))?.ref).toEqual({
			id: 'AAAAAAAAAAA',
			startSeconds: 90,
		});
	});
});
