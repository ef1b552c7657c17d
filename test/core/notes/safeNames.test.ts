import { channelNotePath, newDigestPath, translationPath } from '../../../src/core/digestNotes/digestPaths';
import {
	availableNotePath,
	MAX_NAME_BYTES,
	safeFileName,
	safeFolderPath,
	utf8Length,
} from '../../../src/core/notes/fileName';
import { renderProperties } from '../../../src/core/render/properties';
import { sampleDigestContext } from '../../../src/core/render/sampleContext';
import { loadTemplateEngine } from '../../../src/core/render/templateEngine';
import { memoryVault } from '../../support/memoryVault';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const INVISIBLE = [
	...['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'],
	...['\u200E', '\u200F', '\u061C', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'],
];

/** What no file name may hold, whatever the title. */
function expectSafe(name: string): void {
	expect(name.length).toBeGreaterThan(0);
	// eslint-disable-next-line no-control-regex -- the point is to find control characters in names
	expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\\/:*?"<>|#^[\]]/);
	expect(name).not.toMatch(/\p{Cf}/u);
	expect(name).not.toContain('%%');
	expect(name).not.toMatch(/^[.\s]|[.\s]$/);
	expect(name).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i);
	expect(bytes(`${name}.md`)).toBeLessThanOrEqual(MAX_NAME_BYTES);
	expect(name).toBe(name.normalize('NFC'));
	expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name);
}

describe('safeFileName on hostile titles', () => {
	it.each(INVISIBLE.map((character) => [`U+${character.codePointAt(0)?.toString(16).toUpperCase()}`, character]))(
		'removes %s',
		(_, character) => {
			expect(safeFileName(`Tablet${character} review${character}`)).toBe('Tablet review');
		},
	);

	it('shows a bidi-disguised name as it is', () => {
		expect(safeFileName('Tablet review \u202Efdp.exe')).toBe('Tablet review fdp.exe');
	});

	it.each([
		['NUL.txt', 'NUL_.txt'],
		['con.md', 'con_.md'],
		['COM1.tar.gz', 'COM1_.tar.gz'],
		['COM¹', 'COM¹_'],
		['lpt9', 'lpt9_'],
		['aux .txt', 'aux_ .txt'],
		['Console', 'Console'],
		['CON-artist', 'CON-artist'],
		['NUL ...', 'NUL_'],
	])('device name %j → %j', (title, expected) => {
		expect(safeFileName(title)).toBe(expected);
	});

	it.each([
		['50%% off', '50% off'],
		['a %%%% comment', 'a % comment'],
		['%\u200B%', '%'],
		['[[link]] and ]]', 'link and'],
		['# heading ^block | pipe', 'heading block pipe'],
		['Trailing dots and spaces. . .  ', 'Trailing dots and spaces'],
		['\u0085C1\u009Fcontrols', 'C1 controls'],
		['lone \uD800 surrogate \uDFFF', 'lone surrogate'],
	])('%j → %j', (title, expected) => {
		expect(safeFileName(title)).toBe(expected);
	});

	it('keeps 1,000 emoji within 255 bytes with .md, cut between emoji', () => {
		const name = safeFileName('😀'.repeat(1000));
		expect(bytes(`${name}.md`)).toBeLessThanOrEqual(255);
		expect(name).toMatch(/^(😀)+$/u);
	});

	it('keeps a 100-character CJK title within 255 bytes with .md', () => {
		const title = '日本語のタイトル'.repeat(13).slice(0, 100);
		const name = safeFileName(title);
		expect(bytes(`${name}.md`)).toBeLessThanOrEqual(255);
		expect(title.startsWith(name)).toBe(true);
		expect(name.length).toBe(84);
	});

	it('cuts between graphemes, never inside a family emoji or a flag', () => {
		const name = safeFileName('🇩🇪'.repeat(100));
		expect(name).toMatch(/^(🇩🇪)+$/u);
		const combining = safeFileName('e\u0301'.repeat(200)); // NFC makes each one é
		expect(combining).toMatch(/^é+$/);
	});

	it.each([
		'😀'.repeat(1000),
		'日本語'.repeat(100),
		'NUL.txt',
		'%%[[x]]%%',
		'\u202E\u200B',
		'. . .',
		'a'.repeat(300),
		`x${'\u0301'.repeat(300)}`,
		'COM1',
		'',
	])('always safe: %j', (title) => {
		expectSafe(safeFileName(title));
	});
});

describe('availableNotePath', () => {
	it('keeps every numbered name within 255 bytes', () => {
		const base = safeFileName('日本語'.repeat(100));
		const taken = new Set<string>();
		for (let i = 0; i < 12; i++) {
			const path = availableNotePath('Digests', base, (candidate) => taken.has(candidate));
			taken.add(path);
			const name = path.slice('Digests/'.length);
			expect(bytes(name)).toBeLessThanOrEqual(255);
			expect(name).toMatch(i === 0 ? /^日[^ ]+\.md$/ : new RegExp(` ${i + 1}\\.md$`));
		}
	});
});

describe('safeFolderPath', () => {
	it.each([
		['C:\\Users\\me\\Digests', 'Users/me/Digests'],
		['c:/Digests', 'Digests'],
		['Digests. ', 'Digests'],
		['Digests. /Sub. . ', 'Digests/Sub'],
		['.obsidian/plugins', 'obsidian/plugins'],
		['Notes/.hidden/x', 'Notes/hidden/x'],
		['../../outside', 'outside'],
		['CON/aux.d/Notes', 'CON_/aux_.d/Notes'],
		['A\u202E/B\u200B', 'A/B'],
		['50%%/[[x]]', '50%/x'],
		['/../Media//YouTube\\digests/./', 'Media/YouTube/digests'],
	])('%j → %j', (folder, expected) => {
		expect(safeFolderPath(folder)).toBe(expected);
	});

	it('keeps each folder within the byte limit', () => {
		const folder = safeFolderPath(`${'é'.repeat(300)}/x`);
		expect(bytes(folder.split('/')[0])).toBeLessThanOrEqual(255);
		expect(utf8Length(folder)).toBe(bytes(folder));
	});
});

/** The file-name values of a video with this title and id, as a run fills them in. */
function named(title: string, videoId: string) {
	return { title, videoId, channel: 'Channel', published: '2026-01-01', created: '2026-11-28' };
}

describe('note paths through digestPaths', () => {
	it('numbers a title that differs only in case from an existing note', () => {
		const vault = memoryVault({ 'Digests/title.md': 'x' });
		expect(newDigestPath(vault.notes, 'Digests', named('Title', 'abc'))).toBe('Digests/Title 2.md');
		const nfd = memoryVault({ 'Digests/Cafe\u0301.md': 'x' });
		expect(newDigestPath(nfd.notes, 'Digests', named('CAFÉ', 'abc'))).toBe('Digests/CAFÉ 2.md');
	});

	it('makes every path from an unsafe folder and title safe', () => {
		const vault = memoryVault();
		const path = newDigestPath(vault.notes, 'C:\\.obsidian\\Digests. ', named('NUL.txt %% [[x]]', 'abc'));
		expect(path).toBe('obsidian/Digests/NUL_.txt % x.md');
		expect(channelNotePath({ channelFolder: '.hidden/Chan. ' } as never, 'Chan ‮nel')).toBe(
			'hidden/Chan/Chan nel.md',
		);
	});

	it('falls back to the video id when the title leaves nothing', () => {
		expect(newDigestPath(memoryVault().notes, '', named('\u202E... [[]] #', 'abc_def'))).toBe('YouTube abc_def.md');
	});

	it('keeps the language in a translation of a long title', () => {
		const original = `Digests/${safeFileName('日本語'.repeat(100))}.md`;
		const path = translationPath(memoryVault().notes, original, 'German');
		expect(path).toMatch(/ \(German\)\.md$/);
		expect(bytes(path.slice('Digests/'.length))).toBeLessThanOrEqual(255);
	});
});

describe('untrusted text in properties never forms a link', () => {
	it('breaks up [[ ]] in the title, keeps the links the plugin and the template made', async () => {
		const engine = await loadTemplateEngine();
		const context = {
			...sampleDigestContext('youtube'),
			title: 'Evil [[Secret note]] ![[embed]]',
			author: '[[Chan]]',
		};
		const properties = renderProperties(
			[
				{ name: 'title', value: '{{title}}', type: 'text' },
				{ name: 'author', value: '{{author}}', type: 'text' },
				{ name: 'topics', value: '[[Videos]], {{title}}', type: 'list' },
			],
			context,
			engine.renderRaw,
			{ youtube_id: 'aBcDeFgHiJk', source_note: '[[Source]]', links: ['[[Chan]]'] },
		);
		expect(properties.title).toBe('Evil [ [Secret note] ] ![ [embed] ]');
		expect(properties.author).toBe('[[Chan]]');
		expect(properties.topics).toEqual(['[[Videos]]', 'Evil [ [Secret note] ] ![ [embed] ]']);
		expect(properties.source_note).toBe('[[Source]]');
	});

	it('a channel name that looks like a link is not trusted without a channel note', async () => {
		const engine = await loadTemplateEngine();
		const context = { ...sampleDigestContext('youtube'), author: '[[Fake]]' };
		const properties = renderProperties(
			[{ name: 'author', value: '{{author}}', type: 'text' }],
			context,
			engine.renderRaw,
			{
				youtube_id: 'aBcDeFgHiJk',
				source_note: null,
			},
		);
		expect(properties.author).toBe('[ [Fake] ]');
	});
});
