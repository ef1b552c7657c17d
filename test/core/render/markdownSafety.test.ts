import { parse as parseYaml } from 'yaml';
import defaultTemplate from '../../../templates/digest.hbs';
import { buildDigestContext } from '../../../src/core/render/digestContext';
import { DEFAULT_PROPERTIES, renderProperties } from '../../../src/core/render/properties';
import { serializeFrontmatter } from '../../../src/core/render/frontmatter';
import { escapeInline, escapeMarkdown } from '../../../src/core/render/markdownSafety';
import { loadTemplateEngine } from '../../../src/core/render/templateEngine';
import { wikilink } from '../../../src/core/render/templateHelpers';
import { digestOfText, infoOfText, sampleInfo, sampleTranscript } from './sampleDigest';

/** Text a video title, a transcript or a model could contain that must not act inside a note. */
const HOSTILE = [
	'<% tp.system.prompt() %> <%* app.vault.delete() %>',
	'```dataviewjs\napp.vault.adapter.remove("x")\n```',
	'`$= dv.pages().length` and $$x$$',
	'<img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe><script>alert(1)</script>',
	'![](https://evil.example/pixel.png?leak=1) ![[Secret note]] [[Secret note|alias]]',
	'%%hidden comment%% <!-- hidden -->',
	'#spam #tag/nested',
	'a | b | c',
	'bell\u0007 escape\u001b line\u2028separator',
	'# Fake heading\n> [!danger] fake callout',
].join('\n');

const DANGEROUS = [
	/<%/,
	/```/,
	/`\$=/,
	/<img/i,
	/<iframe/i,
	/<script/i,
	/!\[\[/,
	/\[\[Secret/,
	/!\[\]\(https/,
	/%%/,
	/<!--/,
	/(^|\s)#spam/,
];
const CONTROL = ['\u0007', '\u001b'];

const YAML_BREAKERS = [
	'yes',
	'null',
	'~',
	'0x1F',
	'1e3',
	'2024-01-01',
	'- list',
	': colon',
	'a: b',
	'#hash',
	'[x]',
	'{a: 1}',
	'*alias',
	'&anchor',
	'!tag',
	'|',
	'>',
	'%dir',
	'@at',
	'`tick`',
	'"quoted"',
	"it's",
	'back\\slash',
	'C:\\Users\\x',
	'multi\nline',
	'tab\there',
	'---',
	'...',
	'<% tp.file.title %>',
	'[[Link|alias]]',
	'  padded  ',
	'😀',
];

describe('escapeMarkdown', () => {
	it('leaves ordinary prose alone', () => {
		expect(escapeMarkdown('It costs about 40 dollars, and C# works. Really?')).toBe(
			'It costs about 40 dollars, and C# works. Really?',
		);
	});

	it('neutralizes every hostile construct', () => {
		const escaped = escapeMarkdown(HOSTILE);
		for (const pattern of DANGEROUS) expect(escaped).not.toMatch(pattern);
		for (const character of CONTROL) expect(escaped).not.toContain(character);
	});

	it('keeps inline text on one line', () => {
		expect(escapeInline('one\ntwo\r\n three')).toBe('one two three');
	});
});

describe('a whole digest note made of hostile text', () => {
	it('contains nothing that runs, embeds, links, hides or tags', async () => {
		const context = buildDigestContext({
			info: infoOfText(HOSTILE),
			transcript: sampleTranscript,
			paragraphs: [{ start: 0, end: 5, text: HOSTILE }],
			digest: digestOfText(HOSTILE),
			sourceNoteLink: '[[Watch later]]',
			created: new Date(2026, 10, 25),
			model: 'm',
			outputLanguage: '',
			timestampStyle: 'youtube',
		});
		const body = (await loadTemplateEngine()).render(defaultTemplate, context);
		const withoutOwnLinks = body.replace('[[Watch later]]', '');
		for (const pattern of DANGEROUS) expect(withoutOwnLinks).not.toMatch(pattern);
		for (const character of CONTROL) expect(withoutOwnLinks).not.toContain(character);
		// Headings come only from the template: no line of untrusted text starts one.
		expect(
			body
				.split('\n')
				.filter((line) => /^#+ /.test(line))
				.every((line) => /^## [A-Z]|^### /.test(line)),
		).toBe(true);
	});

	it('writes properties that parse back to exactly the original strings and hold no Templater tag', () => {
		for (const title of YAML_BREAKERS) {
			const yaml = serializeFrontmatter({ title, tags: [title] });
			expect(yaml).not.toContain('<%');
			const parsed = parseYaml(yaml.replace(/^---\n|---\n$/g, '')) as Record<string, unknown>;
			expect(parsed).toEqual({ title, tags: [title] });
		}
	});

	it('renders hostile titles into the digest properties without a Templater tag', async () => {
		const engine = await loadTemplateEngine();
		for (const title of YAML_BREAKERS) {
			const properties = renderProperties(DEFAULT_PROPERTIES, { ...baseContext(), title }, engine.renderRaw, {
				youtube_id: 'x',
				source_note: null,
			});
			const parsed = parseYaml(serializeFrontmatter(properties).replace(/^---\n|---\n$/g, '')) as Record<
				string,
				unknown
			>;
			// Text from the video never forms a link in a property: `[[`/`]]` are broken up.
			const inert = title.replace(/\[(?=\[)/g, '[ ').replace(/\](?=\])/g, '] ');
			expect(parsed.title).toBe(inert.replace(/\s+/g, ' ').trim());
			expect(serializeFrontmatter(properties)).not.toContain('<%');
		}
	});
});

describe('wikilink', () => {
	it('makes a link that points where it says and cannot break out', () => {
		expect(wikilink('Ada Lovelace', '')).toBe('[[Ada Lovelace]]');
		expect(wikilink('Bad|name]]#^x', 'alias ]] | here')).toBe('[[Bad name x|alias \\] \\] - here]]');
		expect(wikilink('###', '')).toBe('');
	});
});

function baseContext() {
	return buildDigestContext({
		info: sampleInfo,
		transcript: sampleTranscript,
		paragraphs: [],
		digest: null,
		sourceNoteLink: '',
		created: new Date(2026, 10, 25),
		model: '',
		outputLanguage: '',
		timestampStyle: 'youtube',
	});
}

describe('Dataview inline fields in untrusted text', () => {
	it('are broken up, so an answer cannot add a field to the note', () => {
		expect(escapeMarkdown('(rating:: 5) and [due:: today]')).toBe('(rating:\\: 5) and \\[due:\\: today\\]');
	});
});
