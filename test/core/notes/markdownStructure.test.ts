import { insertBacklink, insertBlockBelowLink } from '../../../src/core/notes/backlink';
import { blockContaining } from '../../../src/core/notes/blockContaining';
import { findFrontmatter, frontmatterEnd } from '../../../src/core/notes/frontmatterBlock';
import { replaceGenerated } from '../../../src/core/notes/generatedBlock';
import { chooseVideoLink } from '../../../src/core/notes/linkInNote';
import { nonProseRanges } from '../../../src/core/notes/nonProseRanges';
import { addTranslationLink } from '../../../src/core/notes/translationLink';
import { videoLinksInProse } from '../../../src/core/notes/videoLinksInProse';
import { videoLinksInNote } from '../../../src/core/digestNotes/batch';

const ID = 'dQw4w9WgXcQ';
const OTHER = 'GJLlxj_dtq8';
const LINK = `https://youtu.be/${ID}`;
const placement = { videoId: ID, digestLink: '[[Never Gonna]]' };
const block = '%% youtube-digest:digest-x:start %%\nBody\n%% youtube-digest:digest-x:end %%\n';

/** Every way a link can sit in a note without being prose. */
const HIDDEN: [string, string][] = [
	['a ``` fence', `\`\`\`\n${LINK}\n\`\`\``],
	['a ~~~ fence', `~~~md\n${LINK}\n~~~`],
	['a long fence holding a shorter one', `\`\`\`\`\`\n\`\`\`\n${LINK}\n\`\`\`\n\`\`\`\`\``],
	['an indented fence', `   \`\`\`\n   ${LINK}\n   \`\`\``],
	['a fence in a list item', `- item\n    \`\`\`\n    ${LINK}\n    \`\`\``],
	['a fence in a quote', `> \`\`\`\n> ${LINK}\n> \`\`\``],
	['an unclosed fence', `\`\`\`\n${LINK}`],
	['inline code', `see \`${LINK}\` here`],
	['double-backtick inline code', `see \`\` a \` ${LINK} \`\` here`],
	['an HTML comment', `<!-- ${LINK} -->`],
	['a multi-line HTML comment', `<!--\nold: ${LINK}\n-->`],
	['an Obsidian comment', `%% ${LINK} %%`],
	['a multi-line Obsidian comment', `%%\n${LINK}\n%%`],
	['an unclosed Obsidian comment', `text\n%% ${LINK}`],
	['a CRLF fence', `\`\`\`\r\n${LINK}\r\n\`\`\``],
	['a math block', `$$\n${LINK}\n$$`],
	['math opened in a paragraph', `Let $$x =\n${LINK} $$ hold`],
	['an Obsidian comment in an HTML block', `<div>\n%% ${LINK} %%\n</div>`],
];

describe('links in code and comments are not candidates', () => {
	it.each(HIDDEN)('a link only in %s is not found, chosen, batched or anchored', (_, hidden) => {
		const text = `# Note\n\n${hidden}\n\nAfter\n`;
		expect(videoLinksInProse(text)).toEqual([]);
		expect(videoLinksInNote('n.md', text)).toEqual([]);
		const sources = { selection: '', cursorLine: '', cursorColumn: 0, properties: null, text };
		expect(chooseVideoLink(sources)).toBeNull();
		expect(chooseVideoLink({ ...sources, selection: hidden })).toBeNull();
		const result = insertBacklink(text, placement);
		const added = result.indexOf('Digest: [[Never Gonna]]');
		expect(nonProseRanges(result).some((range) => added >= range.from && added < range.to)).toBe(false);
	});

	const closed = HIDDEN.filter(([name]) => !name.includes('unclosed'));
	it.each(closed)('the prose link is chosen when another sits in %s before it', (_, hidden) => {
		const text = `${hidden.replace(ID, OTHER)}\n\nWatch https://www.youtube.com/watch?v=${ID}\n`;
		expect(videoLinksInProse(text).map((link) => link.ref.id)).toEqual([ID]);
		const sources = { selection: '', cursorLine: '', cursorColumn: 0, properties: null, text };
		expect(chooseVideoLink(sources)?.ref.id).toBe(ID);
	});

	it('a prose link right after a closed comment or code span is found', () => {
		expect(videoLinksInProse(`%% x %% ${LINK}`)).toHaveLength(1);
		expect(videoLinksInProse(`<!-- x --> ${LINK}`)).toHaveLength(1);
		expect(videoLinksInProse(`\`code\` ${LINK}`)).toHaveLength(1);
		expect(videoLinksInProse(`a lone \` backtick ${LINK}`)).toHaveLength(1);
		expect(videoLinksInProse(`\`\`\`\nx\n\`\`\`\n${LINK}`)).toHaveLength(1);
	});

	it('the cursor line inside a fence is not used when its number is known', () => {
		const text = `\`\`\`\n${LINK}\n\`\`\`\nhttps://www.youtube.com/watch?v=${OTHER}\n`;
		const sources = { selection: '', cursorLine: LINK, cursorColumn: 3, properties: null, text };
		expect(chooseVideoLink({ ...sources, cursorLineNumber: 1 })?.ref.id).toBe(OTHER);
		expect(chooseVideoLink({ ...sources, cursorLine: `\`${LINK}\`` })?.ref.id).toBe(OTHER);
	});

	it('a `%%` or backtick in the properties does not hide the body', () => {
		const text = `---\ndescription: "50%% off \`x"\n---\n${LINK}\n`;
		expect(videoLinksInProse(text)).toHaveLength(1);
	});
});

describe('the backlink goes after the block holding the link', () => {
	it('after a table, never between its rows', () => {
		const table = `| Video | Note |\n| --- | --- |\n| ${LINK} | good |\n| other | row |`;
		expect(insertBacklink(`${table}\n\nAfter\n`, placement)).toBe(`${table}\n\nDigest: [[Never Gonna]]\n\nAfter\n`);
	});

	it('after a table that ends the note', () => {
		const text = `| a | b |\n|---|---|\n| ${LINK} | x |`;
		expect(insertBacklink(text, placement)).toBe(`${text}\n\nDigest: [[Never Gonna]]`);
	});

	it('after a callout with its lazy continuation lines', () => {
		const text = `> [!note] Watch\n> ${LINK}\ncontinued\nNext paragraph? no, same quote\n\nOut\n`;
		expect(insertBacklink(text, placement)).toBe(
			`> [!note] Watch\n> ${LINK}\ncontinued\nNext paragraph? no, same quote\n\nDigest: [[Never Gonna]]\n\nOut\n`,
		);
	});

	it('as a nested item after the list item and its continuation lines', () => {
		const text = `- ${LINK}\n  more about it\n- next\n`;
		expect(insertBacklink(text, placement)).toBe(
			`- ${LINK}\n  more about it\n\t- Digest: [[Never Gonna]]\n- next\n`,
		);
	});

	it('before a fence left open at the end, when the link is gone', () => {
		const text = `Intro\n\`\`\`\ncode without end\n`;
		expect(insertBacklink(text, placement)).toBe(`Intro\nDigest: [[Never Gonna]]\n\`\`\`\ncode without end\n`);
		expect(insertBacklink(`Intro\n%% open comment`, placement)).toBe(
			'Intro\nDigest: [[Never Gonna]]\n%% open comment',
		);
	});

	it('after a table or quote at the end, when the link is gone', () => {
		expect(insertBacklink('| a |\n|---|\n| b |\n', placement)).toBe(
			'| a |\n|---|\n| b |\n\nDigest: [[Never Gonna]]\n',
		);
		expect(insertBacklink('> quote\n', placement)).toBe('> quote\n\nDigest: [[Never Gonna]]\n');
	});

	it('after an HTML block, whose links are still links, never inside it', () => {
		const div = `<div class="box">\nWatch ${LINK}\n</div>\nstill the block`;
		expect(insertBacklink(`Intro\n\n${div}\n\nAfter\n`, placement)).toBe(
			`Intro\n\n${div}\n\nDigest: [[Never Gonna]]\n\nAfter\n`,
		);
		const iframe = `<iframe src="https://www.youtube.com/embed/${ID}"></iframe>`;
		expect(videoLinksInProse(iframe).map((link) => link.ref.id)).toEqual([ID]);
		expect(insertBacklink(iframe, placement)).toBe(`${iframe}\n\nDigest: [[Never Gonna]]`);
		expect(insertBacklink(`<https://youtu.be/${ID}>\nNext`, placement)).toBe(
			`<https://youtu.be/${ID}>\nDigest: [[Never Gonna]]\nNext`,
		);
	});

	it('after math or a comment that opens on the link line and ends lines below', () => {
		expect(insertBacklink(`Watch ${LINK}, $$x\n= y$$ and\nmore\n`, placement)).toBe(
			`Watch ${LINK}, $$x\n= y$$ and\nDigest: [[Never Gonna]]\nmore\n`,
		);
		expect(insertBacklink(`Watch ${LINK} %% to\nself %% %%\nagain %%\nmore`, placement)).toBe(
			`Watch ${LINK} %% to\nself %% %%\nagain %%\nDigest: [[Never Gonna]]\nmore`,
		);
	});

	it('after a --- or === heading the link is in, and never right above such a line', () => {
		expect(insertBacklink(`Watch ${LINK}\nmore\n---\nAfter`, placement)).toBe(
			`Watch ${LINK}\nmore\n---\nDigest: [[Never Gonna]]\nAfter`,
		);
		expect(insertBacklink(`Watch ${LINK}\n===\n`, placement)).toBe(`Watch ${LINK}\n===\nDigest: [[Never Gonna]]\n`);
		expect(insertBacklink(`# Watch ${LINK}\n---\n===\n`, placement)).toBe(
			`# Watch ${LINK}\n---\nDigest: [[Never Gonna]]\n\n===\n`,
		);
		expect(insertBacklink(`---\nsource: ${LINK}\n---\n---\nBody`, placement)).toBe(
			`---\nsource: ${LINK}\n---\nDigest: [[Never Gonna]]\n\n---\nBody`,
		);
		expect(insertBacklink(`Watch ${LINK}\r\n\r\n---\r\n`, placement)).toBe(
			`Watch ${LINK}\r\nDigest: [[Never Gonna]]\r\n\r\n---\r\n`,
		);
	});

	it('the inline digest block goes after a table or callout too, and never into a fence', () => {
		const table = `| a |\n|---|\n| ${LINK} |\n| b |\nAfter`;
		expect(insertBlockBelowLink(table, { videoId: ID }, block)).toBe(
			`| a |\n|---|\n| ${LINK} |\n| b |\nAfter\n\n${block}`,
		);
		const quote = `> ${LINK}\n> more\n\nAfter\n`;
		expect(insertBlockBelowLink(quote, { videoId: ID }, block)).toBe(`> ${LINK}\n> more\n\n${block}\nAfter\n`);
		const fenced = `\`\`\`\n${LINK}\n\`\`\`\n`;
		expect(insertBlockBelowLink(fenced, { videoId: ID }, block)).toBe(`${fenced}\n${block}`);
	});
});

describe('CRLF notes keep CRLF on every added line', () => {
	const noLoneLf = (text: string) => expect(text.replace(/\r\n/g, '')).not.toContain('\n');
	const crlf = (text: string) => text.replace(/\n/g, '\r\n');

	it.each([
		['a paragraph', `a\n${LINK}\nb\n`],
		['a list item', `- ${LINK}\n- b\n`],
		['a table', `| a |\n|---|\n| ${LINK} |\n`],
		['a quote', `> ${LINK}\n`],
		['no link', 'just\ntext'],
		['properties only', `---\nsource: ${LINK}\n---\nBody\n`],
	])('the backlink and the inline block in %s', (_, text) => {
		noLoneLf(insertBacklink(crlf(text), placement));
		noLoneLf(insertBlockBelowLink(crlf(text), { videoId: ID }, block));
	});

	it('a regenerated block and a translation link', () => {
		const note = crlf(`Intro\n${block}Outro\n`);
		noLoneLf(replaceGenerated(note, 'digest-x', 'New\nbody\n') ?? '');
		noLoneLf(addTranslationLink(note, 'digest-x', 'German', '[[T (German)]]'));
	});
});

describe('blockContaining', () => {
	it('names the block and its end', () => {
		const text = `para ${LINK}\n\n| a |\n|---|\n| b |\n\n> q\n> r\n\n- item\n  cont\n- two\n`;
		const at = (needle: string) => blockContaining(text, text.indexOf(needle));
		expect(at('para')).toMatchObject({ kind: 'line', end: text.indexOf('\n') });
		expect(at('| b')).toMatchObject({ kind: 'table', end: text.indexOf('| b |') + 5 });
		expect(at('> q')).toMatchObject({ kind: 'quote', end: text.indexOf('> r') + 3 });
		expect(at('- item')).toMatchObject({ kind: 'list-item', end: text.indexOf('cont') + 4 });
	});

	it('names math, HTML blocks and --- headings', () => {
		const text = `$$\nx\n$$\n\n<div>\n${LINK}\n</div>\n\npara ${LINK}\n---\n`;
		const at = (needle: string) => blockContaining(text, text.indexOf(needle));
		expect(at('x')).toMatchObject({ kind: 'math', end: text.indexOf('\n\n') });
		expect(at(LINK)).toMatchObject({ kind: 'html', end: text.indexOf('</div>') + 6 });
		expect(at('para')).toMatchObject({ kind: 'heading', end: text.length - 1 });
	});

	it('a pipe in a paragraph is no table', () => {
		expect(blockContaining('a | b\nc', 0).kind).toBe('line');
	});
});

describe('frontmatter ends only at a line that is exactly ---', () => {
	it.each([
		[
			'a value ending in ---',
			'---\nnote: see below---\ntitle: x\n---\nBody',
			'---\nnote: see below---\ntitle: x\n---\n',
		],
		['a value holding ---', '---\na: b --- c\n---\nBody', '---\na: b --- c\n---\n'],
		['an empty frontmatter', '---\n---\nBody', '---\n---\n'],
		['CRLF', '---\r\na: 1\r\n---\r\nBody', '---\r\na: 1\r\n---\r\n'],
		['a closing line with trailing spaces', '---\na: 1\n---  \nBody', '---\na: 1\n---  \n'],
		['frontmatter that ends the note', '---\na: 1\n---', '---\na: 1\n---'],
	])('%s', (_, text, frontmatter) => {
		expect(frontmatterEnd(text)).toBe(frontmatter.length);
	});

	it.each([
		['no closing line', '---\na: 1\nBody'],
		['a closing line with text', '---\na: 1\n--- x\nBody'],
		['an opening line with text', '--- x\na: 1\n---\n'],
		['a horizontal rule not at the start', 'Body\n---\na\n---\n'],
	])('none with %s', (_, text) => {
		expect(findFrontmatter(text)).toBeNull();
	});
});
