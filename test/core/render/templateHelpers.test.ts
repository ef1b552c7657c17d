import { formatDate } from '../../../src/core/render/dateFormat';
import { PRESETS } from '../../../src/core/render/presets';
import { sampleDigestContext } from '../../../src/core/render/sampleContext';
import { loadTemplateEngine, TemplateEngine } from '../../../src/core/render/templateEngine';

let engine: TemplateEngine;
beforeAll(async () => {
	engine = await loadTemplateEngine();
});

const context = (overrides: Record<string, unknown> = {}) => ({ ...sampleDigestContext('youtube'), ...overrides });
const render = (source: string, overrides: Record<string, unknown> = {}) => engine.render(source, context(overrides));

describe('template helpers', () => {
	it('timestamp and timestampLink, in every link style', () => {
		expect(render('{{timestamp 754.6}}')).toBe('12:34');
		expect(render('{{timestamp 3725}}', { durationSeconds: 4000 })).toBe('1:02:05');
		expect(render('{{timestampLink 754}}')).toBe('[12:34](https://www.youtube.com/watch?v=aBcDeFgHiJk&t=754s)');
		expect(render('{{timestampLink 754}}', { timestampStyle: 'media-extended' })).toBe(
			'[12:34](https://www.youtube.com/watch?v=aBcDeFgHiJk#t=754)',
		);
		expect(render('{{timestampLink 754}}', { timestampStyle: 'media-notes' })).toBe('[12:34]()');
		expect(render('[{{timestampLink nothing}}]', { nothing: null })).toBe('[]');
	});

	it('wikilink makes safe targets and aliases', () => {
		expect(render('{{wikilink channel}}')).toBe('[[Sample Garden]]');
		expect(render('{{wikilink "A|B]]#c" "x|y"}}')).toBe('[[A B c|x-y]]');
	});

	it('callout as a block and inline, with fold', () => {
		expect(render('{{#callout "tip" "Hint" fold="-"}}\nline one\n\nline two\n{{/callout}}')).toBe(
			'> [!tip]- Hint\n> line one\n>\n> line two\n',
		);
		expect(render('{{callout tldr type="tldr" title="TL;DR"}}')).toBe(
			'> [!tldr] TL;DR\n> Tomatoes grow well from seed if they are kept warm, potted on early and hardened off.',
		);
	});

	it('blockquote, list, join, default, truncate, safeName, yaml', () => {
		expect(render('{{blockquote text}}', { text: 'a\nb' })).toBe('> a\n> b');
		expect(render('{{list takeaways}}')).toBe('- Keep seed trays warm.\n- Harden off before planting out.');
		expect(render('{{join tags " · "}}')).toBe('gardening · tomatoes');
		expect(render('{{default missing "none"}} {{default title "none"}}', { missing: '' })).toBe(
			'none Growing tomatoes from seed',
		);
		expect(render('{{truncate title 10}}')).toBe('Growing t…');
		expect(render('{{safeName text}}', { text: 'a/b: c?' })).toBe('a b c');
		expect(render('{{yaml text}}', { text: 'say "hi" <%' })).toBe('"say \\"hi\\" \\u003c%"');
	});

	it('a block callout without a type or title is a note callout, not a crash', () => {
		expect(render('{{#callout}}body{{/callout}}')).toBe('> [!note]\n> body\n');
		expect(render('{{#callout "tip"}}body{{/callout}}')).toBe('> [!tip]\n> body\n');
	});

	it("takes a nested helper's output (a SafeString) as its text, not as nothing", () => {
		expect(render('{{truncate (wikilink title) 10}}')).toBe('\\[\\[Growing…');
		expect(render('{{safeName (wikilink title)}}')).toBe('Growing tomatoes from seed');
		expect(render('{{yaml (timestampLink 5)}}')).toBe('"[0:05](https://www.youtube.com/watch?v=aBcDeFgHiJk&t=5s)"');
		expect(render('{{wikilink (truncate title 8) (timestamp 5)}}')).toBe('[[Growing…|0:05]]');
		expect(render('{{blockquote (callout tldr type="tip")}}')).toBe(
			'> > [!tip]\n> > Tomatoes grow well from seed if they are kept warm, potted on early and hardened off.',
		);
	});

	it('date formats like moment', () => {
		expect(render('{{date created "dddd, MMMM Do YYYY [at] HH:mm"}}')).toBe('Thursday, April 2nd 2026 at 00:00');
		expect(render('{{date published "YY/M/D"}}')).toBe('26/4/1');
		expect(render('[{{date nothing "YYYY"}}]', { nothing: 'soon' })).toBe('[]');
		expect(formatDate(new Date(2026, 0, 3, 15, 4, 5), 'hh:mm:ss a')).toBe('03:04:05 pm');
	});

	it('escapes untrusted text in {{x}} but not in {{{x}}}', () => {
		expect(render('{{text}} / {{{text}}}', { text: '[[x]] #tag' })).toBe('\\[\\[x\\]\\] \\#tag / [[x]] #tag');
	});
});

describe('template errors', () => {
	it('names a misspelt variable with its line and column', () => {
		expect(engine.check('ok\n  {{titel}}', context())).toEqual({
			message: '{{titel}} is not a template variable here (see the list of template variables)',
			line: 2,
			column: 5,
		});
	});

	it('places a syntax error', () => {
		const problem = engine.check('line one\n{{#each insights}}\n{{text}}\n', context());
		expect(problem?.line).not.toBeNull();
		expect(problem?.message).toMatch(/each|EOF|Expecting/);
	});

	it('refuses templates that reach into object internals', () => {
		for (const source of [
			'{{constructor}}',
			'{{title.constructor.name}}',
			'{{lookup this "__proto__"}}',
			'{{#with prototype}}x{{/with}}',
		]) {
			expect(engine.check(source, context())?.message).toMatch(/cannot be used in a template/);
		}
		expect(() => engine.render('{{constructor}}', context())).toThrow(
			expect.objectContaining({ kind: 'template-invalid' }),
		);
	});

	it('never treats data as a template', () => {
		expect(render('{{title}}', { title: '{{constructor}} {{#each x}}' })).toBe('{{constructor}} {{#each x}}');
	});
});

describe('the presets', () => {
	it.each(PRESETS.map((preset) => [preset.id, preset.source]))(
		'%s renders the sample digest without error',
		(_id, source) => {
			const output = engine.render(source, context());
			expect(output).toContain('![Growing tomatoes from seed](https://www.youtube.com/watch?v=aBcDeFgHiJk)');
			expect(output).not.toMatch(/\n{3,}/);
		},
	);

	it('study notes write questions as question::answer cards', () => {
		const study = PRESETS.find((preset) => preset.id === 'study')?.source ?? '';
		const output = engine.render(study, context());
		expect(output).toContain('#flashcards');
		expect(output).toContain(
			'When do seedlings go outside?::After a week of hardening off. [4:17](https://www.youtube.com/watch?v=aBcDeFgHiJk&t=257s)',
		);
		expect(output).toContain('Why pot on?::To give roots room.');
	});

	it('the transcript preset groups the transcript under chapter headings', () => {
		const transcript = PRESETS.find((preset) => preset.id === 'transcript')?.source ?? '';
		const output = engine.render(transcript, context());
		// No link inside the heading: the outline shows the chapter's title alone.
		expect(output).toContain(
			'### Potting on\n\n[2:17](https://www.youtube.com/watch?v=aBcDeFgHiJk&t=137s) Once they have two true leaves',
		);
		expect(output).not.toMatch(/^#+ .*\]\(/m);
	});
});
