import Handlebars from 'handlebars';
import { buildDigestContext, DigestContext } from '../../../src/core/render/digestContext';
import { PRECOMPILED_TEMPLATES } from '../../../src/core/render/precompiledTemplates';
import { PRESETS } from '../../../src/core/render/presets';
import { DEFAULT_PROPERTIES } from '../../../src/core/render/properties';
import { createTemplateEngine } from '../../../src/core/render/templateEngine';
import { realisticContext, sampleDigest, sampleInfo, sampleTranscript } from './sampleDigest';

const context = (): DigestContext => realisticContext();

/**
 * The context behind proxies that record every write, at any depth. Template code compiled by Handlebars
 * runs in sloppy mode, where a write to a frozen object would pass unnoticed; a trap sees it.
 */
function watched<T extends object>(value: T, writes: string[], path = 'context'): T {
	return new Proxy(value, {
		get(target, key, receiver) {
			const child: unknown = Reflect.get(target, key, receiver);
			return typeof child === 'object' && child !== null
				? watched(child, writes, `${path}.${String(key)}`)
				: child;
		},
		set(target, key, newValue) {
			writes.push(`${path}.${String(key)}`);
			return Reflect.set(target, key, newValue);
		},
		defineProperty(target, key, descriptor) {
			writes.push(`${path}.${String(key)}`);
			return Reflect.defineProperty(target, key, descriptor);
		},
		deleteProperty(target, key) {
			writes.push(`${path}.${String(key)}`);
			return Reflect.deleteProperty(target, key);
		},
	});
}

/** What users' templates do beyond the presets: loops with their data, block params, lookups, partials. */
const USER_TEMPLATE = [
	'{{#*inline "item"}}- {{text}} ({{@index}} of {{@root.title}}){{/inline}}',
	'{{#each insights}}{{> item}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}}\n{{/each}}',
	'{{#each sections as |section number|}}{{number}}. {{section.title}} {{lookup section "seconds"}}\n{{/each}}',
	'{{#with sections.[0]}}{{title}}: {{#each questions}}{{@key}}={{question}} {{/each}}{{/with}}',
	'{{#each this}}{{#if @key}}{{/if}}{{/each}}{{lookup tags 0}} {{#unless tldr}}none{{/unless}}',
	'{{timestamp 75}} {{timestampLink 75}} {{join tags " / "}} {{default published "unknown"}} {{truncate summary 20}}',
].join('\n');

/** The shipped texts precompiled or not; the compiler serves the rest in both. */
const ENGINES: [string, typeof PRECOMPILED_TEMPLATES][] = [
	['precompiled where shipped', PRECOMPILED_TEMPLATES],
	['compiled on demand', new Map()],
];

async function loadedEngine(precompiled: typeof PRECOMPILED_TEMPLATES) {
	const engine = createTemplateEngine(Handlebars, precompiled);
	await engine.loadCompiler();
	return engine;
}

// A note renders its template and every property expression against one context, without copying it
// for each: that holds only because rendering never writes to the context.
describe('rendering a template', () => {
	it.each(ENGINES)('never writes to the context (%s)', async (_, precompiled) => {
		const engine = await loadedEngine(precompiled);
		const writes: string[] = [];
		const sources = [
			...PRESETS.map((preset) => preset.source),
			...DEFAULT_PROPERTIES.map((property) => property.value),
			USER_TEMPLATE,
		];
		for (const source of sources) {
			const output = engine.render(source, watched(context(), writes));
			expect(output).toBe(engine.render(source, context()));
			expect(engine.renderRaw(source, watched(context(), writes))).toBe(engine.renderRaw(source, context()));
		}
		expect(writes).toEqual([]);
		expect(engine.render(USER_TEMPLATE, context())).toContain('(0 of ');
	});

	it('sees a write, so the test above can fail', () => {
		const writes: string[] = [];
		const target = watched(context(), writes);
		(target.insights[0] as { text: string }).text = 'changed';
		expect(writes).toEqual(['context.insights.0.text']);
	});
});

describe('the log helper', () => {
	it.each(ENGINES)('renders nothing and writes nothing to the console (%s)', async (_, precompiled) => {
		const engine = await loadedEngine(precompiled);
		const consoleCalls = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
			jest.spyOn(console, method).mockImplementation(() => undefined),
		);
		try {
			expect(engine.render('a{{log "note" title level="error"}}b{{log title}}', context())).toBe('ab');
			expect(consoleCalls.flatMap((spy) => spy.mock.calls)).toEqual([]);
		} finally {
			consoleCalls.forEach((spy) => spy.mockRestore());
		}
	});
});

describe('loading the compiler', () => {
	it('makes one environment however many ask at once', async () => {
		const engine = createTemplateEngine(Handlebars, new Map());
		const first = engine.loadCompiler();
		expect(engine.loadCompiler()).toBe(first);
		await first;
		expect(engine.needsCompiler(USER_TEMPLATE)).toBe(false);
	});
});

describe('a template that would never finish', () => {
	const check = async (source: string, data: object) => {
		const engine = await loadedEngine(new Map());
		const started = Date.now();
		const problem = engine.check(source, data);
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(() => engine.render(source, data)).toThrow(problem?.message ?? 'no problem');
		return problem;
	};

	it('stops partials that include each other twice, level after level', async () => {
		const levels = Array.from(
			{ length: 40 },
			(_, level) => `{{#*inline "p${level + 1}"}}{{> p${level}}}{{> p${level}}}{{/inline}}`,
		);
		const source = `{{#*inline "p0"}}x{{/inline}}${levels.join('')}{{> p40}}`;
		expect((await check(source, {}))?.message).toMatch(/^the template does too much work/);
	});

	it('stops a loop inside loops over a long transcript', async () => {
		const source = '{{#each items}}{{#each @root.items}}{{#each @root.items}}x{{/each}}{{/each}}{{/each}}';
		const problem = await check(source, { items: Array.from({ length: 3000 }, (_, index) => index) });
		expect(problem?.message).toMatch(/^the template does too much work/);
	});

	it('says a partial that includes itself never ends, not that a stack overflowed', async () => {
		const problem = await check('{{#*inline "a"}}{{> a}}{{/inline}}{{> a}}', {});
		expect(problem?.message).toBe(
			'the template never ends (a partial that includes itself, or text too long for a note)',
		);
	});

	it('lets a long digest through', async () => {
		const engine = await loadedEngine(new Map());
		// Ten hours in 5-second segments and paragraphs.
		const segments = Array.from({ length: 7200 }, (_, index) => ({
			start: index * 5,
			duration: 5,
			text: 'Words.',
		}));
		const long = buildDigestContext({
			info: { ...sampleInfo, durationSeconds: 36_000, chapters: [] },
			transcript: { ...sampleTranscript, segments },
			paragraphs: segments.map((segment) => ({
				start: segment.start,
				end: segment.start + 5,
				text: segment.text,
			})),
			digest: sampleDigest,
			sourceNoteLink: '',
			created: new Date(2026, 10, 25),
			model: 'm',
			outputLanguage: 'en',
			timestampStyle: 'youtube',
		});
		for (const preset of PRESETS) expect(engine.check(preset.source, long)).toBeNull();
	});
});

// Each of these reached the user in JavaScript's or Handlebars' own words, or without a position.
describe('a template error', () => {
	const problem = async (source: string) => {
		const engine = await loadedEngine(new Map());
		const found = engine.check(source, context());
		expect(() => engine.render(source, context())).toThrow(found?.message ?? 'no problem');
		return found;
	};

	it.each([
		['{{lookup}}', 1, 1, '{{lookup}} needs two values'],
		['x\n {{lookup tags}}', 2, 2, '{{lookup}} needs two values'],
		['a\n  {{helperMissing}}', 2, 5, '"helperMissing" cannot be used in a template'],
		['{{#blockHelperMissing}}x{{/blockHelperMissing}}', 1, 4, '"blockHelperMissing" cannot be used in a template'],
		['a\nb {{!-- x', 2, 3, 'a {{!-- comment is never closed with --}}'],
		['a {{{{raw}}}} x', 1, 14, 'the template cannot be read from here on'],
		['{{#each}}x{{/each}}', 1, 1, '{{each}} needs one value'],
		['{{#each insights}}\n{{#if}}x{{/if}}{{/each}}', 2, 1, '{{if}} needs one value'],
		['{{#with a b}}x{{/with}}', 1, 1, '{{with}} needs one value'],
	])('%j is said in a sentence, with its position', async (source, line, column, message) => {
		expect(await problem(source)).toEqual({ message, line, column });
	});

	it.each([
		['{{title.length}}', '{{length}} is not a template variable here (see the list of template variables)'],
		['{{#each insights}}{{> nope}}{{/each}}', '{{> nope}} is not defined: define it with {{#*inline}}'],
	])('%j is said in a sentence (Handlebars gives no position)', async (source, message) => {
		expect(await problem(source)).toEqual({ message, line: null, column: null });
	});
});
