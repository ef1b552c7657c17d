import * as esbuild from 'esbuild';
import Handlebars from 'handlebars';
import { checkContextNames, helperNames, precompiledTemplatesModule } from '../../../scripts/precompileTemplates.cjs';
import { buildDigestContext, DigestContext } from '../../../src/core/render/digestContext';
import { PRECOMPILED_TEMPLATES } from '../../../src/core/render/precompiledTemplates';
import { presetById, PRESETS } from '../../../src/core/render/presets';
import { DEFAULT_PROPERTIES } from '../../../src/core/render/properties';
import { sampleDigestContext } from '../../../src/core/render/sampleContext';
import { TIMESTAMP_STYLES } from '../../../src/core/render/timestampStyle';
import { COMPILE_OPTIONS, PRECOMPILED_SOURCES, SHIPPED_TEMPLATES } from '../../../src/core/render/shippedTemplates';
import { createTemplateEngine, isShippedTemplate, loadTemplateEngine } from '../../../src/core/render/templateEngine';
import { createHelpers } from '../../../src/core/render/templateHelpers';
import { DEFAULT_SETTINGS } from '../../../src/obsidian/settings';
import { digestOfText, infoOfText, realisticContext, sampleInfo, sampleTranscript } from './sampleDigest';

/** Text a title, a transcript or a model could contain that must stay inert in a note. */
const HOSTILE = [
	'<% tp.system.prompt() %> {{title}} {{{title}}} ```js\nx\n``` $$x$$ `$= dv.pages()`',
	'<script>alert(1)</script> ![[Secret]] [[Secret|alias]] %%hidden%% #tag a | b',
	'bell\u0007 line\u2028separator\n# Fake heading\n> [!danger] fake --- constructor __proto__',
].join('\n');

const realistic = (): DigestContext => realisticContext('de');

const hostile = (): DigestContext =>
	buildDigestContext({
		info: infoOfText(HOSTILE),
		transcript: sampleTranscript,
		paragraphs: [{ start: 0, end: 5, text: HOSTILE }],
		digest: { ...digestOfText(HOSTILE), tags: [HOSTILE, 'a, b'] },
		sourceNoteLink: '[[Watch later]]',
		created: new Date(2026, 10, 25),
		model: HOSTILE,
		outputLanguage: HOSTILE,
		timestampStyle: 'media-extended',
	});

/** Only Handlebars' runtime: rendering anything not precompiled would throw. */
const precompiled = () => createTemplateEngine(Handlebars, PRECOMPILED_TEMPLATES);

/** No precompiled template: everything compiles from its text. */
async function compiledOnDemand() {
	const engine = createTemplateEngine(Handlebars, new Map());
	await engine.loadCompiler();
	return engine;
}

/** Every value at every depth of a context passed through `change` (objects and arrays are kept, with their keys). */
function mapLeaves(value: unknown, change: (leaf: unknown, key: string) => unknown, key = ''): unknown {
	if (Array.isArray(value)) return value.map((item) => mapLeaves(item, change, key));
	if (typeof value === 'object' && value !== null)
		return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, mapLeaves(child, change, name)]));
	return change(value, key);
}

/** Every array at every depth of a context passed through `change`. */
function mapArrays(value: unknown, change: (items: unknown[]) => unknown[]): unknown {
	if (Array.isArray(value)) return change(value.map((item) => mapArrays(item, change)));
	if (typeof value === 'object' && value !== null)
		return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, mapArrays(child, change)]));
	return value;
}

/** The path of every value of a context, at every depth: `['insights', 0, 'emoji']`. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	if (typeof value !== 'object' || value === null) return [];
	const entries: [string | number, unknown][] = Array.isArray(value)
		? value.map((item, index) => [index, item])
		: Object.entries(value);
	return entries.flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

/** A copy of a context without the value at `path`. */
function without(context: object, path: (string | number)[]): object {
	const copy = structuredClone(context) as Record<string | number, unknown>;
	const parent = path.slice(0, -1).reduce((object, key) => object[key] as Record<string | number, unknown>, copy);
	delete parent[path[path.length - 1]];
	return copy;
}

/**
 * The contexts the precompiled templates must render exactly as the compiler does, and whether each renders
 * (or fails, as a context that lacks a variable does).
 */
function contexts(): [string, object, 'renders' | 'fails'][] {
	const long = (text: string) => `${text} ${HOSTILE}`.repeat(60);
	const empty = buildDigestContext({
		info: { ...sampleInfo, title: '', description: '', published: null, chapters: [], durationSeconds: 0 },
		transcript: { segments: [], languageCode: '', isGenerated: true },
		paragraphs: [],
		digest: null,
		sourceNoteLink: '',
		created: new Date(2026, 0, 1),
		model: '',
		outputLanguage: '',
		timestampStyle: 'media-notes',
		web: { author: '', channelNote: '', entityList: '', related: '' },
	});
	const sample = sampleDigestContext('youtube');
	const everyString = (context: object, change: (text: string) => string) =>
		mapLeaves(context, (leaf, key) => (typeof leaf === 'string' && key !== 'timestampStyle' ? change(leaf) : leaf));
	return [
		...TIMESTAMP_STYLES.map(
			(style) => [`the sample context, ${style}`, sampleDigestContext(style), 'renders'] as const,
		),
		['a realistic digest', realistic(), 'renders'],
		['a digest made of hostile text', hostile(), 'renders'],
		...TIMESTAMP_STYLES.map(
			(style) =>
				[
					`hostile text in every string, ${style}`,
					everyString(sampleDigestContext(style), (text) => `${HOSTILE} ${text}`),
					'renders',
				] as const,
		),
		[
			'Handlebars syntax in every value',
			mapLeaves(realistic(), (leaf) => `{{title}} {{{url}}} ${String(leaf)}`),
			'renders',
		],
		['very long strings', everyString(sample, long), 'renders'],
		['no digest, chapters or transcript', empty, 'renders'],
		['every array empty', mapArrays(hostile(), () => []), 'renders'],
		['null for every value', mapLeaves(sample, () => null), 'renders'],
		[
			'numbers in every string, text in every number',
			mapLeaves(realistic(), (leaf) =>
				typeof leaf === 'number' ? HOSTILE : typeof leaf === 'string' ? -1.5 : leaf,
			),
			'renders',
		],
		['null for every item', mapArrays(sample, (items) => items.map(() => null)), 'fails'],
		['no values', {}, 'fails'],
		[
			'the wrong shapes',
			{ ...realistic(), tldr: undefined, insights: [{ text: 'x' }], sections: 'no list', tags: { a: 1 } },
			'fails',
		],
	].map(([name, context, result]) => [name as string, context as object, result as 'renders' | 'fails']);
}

type Outcome = { text: string } | { error: string; cause: Record<string, unknown> };

/** What rendering gives: the text, or the error with what Handlebars' exception carries (message, position). */
function outcome(render: () => string): Outcome {
	try {
		return { text: render() };
	} catch (error) {
		const cause = (error as { cause?: Record<string, unknown> }).cause ?? {};
		const fields = ['message', 'lineNumber', 'column', 'endLineNumber', 'endColumn'] as const;
		return {
			error: (error as Error).message,
			cause: Object.fromEntries(fields.map((field) => [field, cause[field]])),
		};
	}
}

/** Raw rendering as it was before one compilation served both modes: compiled again with `noEscape`. */
function rawWithNoEscape(source: string, context: object): string {
	const env = Handlebars.create();
	for (const [name, helper] of Object.entries(createHelpers((markdown) => new env.SafeString(markdown))))
		env.registerHelper(name, helper);
	return env.compile(source, { ...COMPILE_OPTIONS, noEscape: true })(structuredClone(context));
}

describe('the precompiled shipped templates', () => {
	it('are what a run with the default settings renders: the default preset and property expressions', () => {
		const defaults = [
			presetById(DEFAULT_SETTINGS.defaultTemplate)?.source,
			...DEFAULT_SETTINGS.properties.map((property) => property.value),
		];
		expect(new Set(PRECOMPILED_TEMPLATES.keys())).toEqual(new Set(defaults));
		expect(new Set(PRECOMPILED_SOURCES)).toEqual(new Set(defaults));
		expect(precompiled().needsCompiler(PRESETS[0].source)).toBe(false);
		expect(precompiled().needsCompiler(`${PRESETS[0].source}\n`)).toBe(true);
	});

	it('leave the other presets to the compiler, loaded for them', async () => {
		const others = PRESETS.filter((preset) => !PRECOMPILED_TEMPLATES.has(preset.source));
		expect(others.map((preset) => preset.id)).toEqual(['compact', 'study', 'transcript']);
		const runtimeOnly = precompiled();
		for (const preset of others) {
			expect(runtimeOnly.needsCompiler(preset.source)).toBe(true);
			expect(() => runtimeOnly.render(preset.source, hostile())).toThrow(/compiler is not loaded/);
		}
		await runtimeOnly.loadCompiler();
		for (const preset of others) expect(runtimeOnly.render(preset.source, hostile())).toContain('GJLlxj_dtq8');
	});

	// A run does not check the shipped texts against the sample context (digestPipeline's checkTemplates):
	// this is why it need not.
	it.each(TIMESTAMP_STYLES)('each check clean against the sample context with %s timestamps', async (style) => {
		const onDemand = await compiledOnDemand();
		for (const source of SHIPPED_TEMPLATES) {
			expect(isShippedTemplate(source)).toBe(true);
			expect(onDemand.check(source, sampleDigestContext(style))).toBeNull();
			if (PRECOMPILED_TEMPLATES.has(source))
				expect(precompiled().check(source, sampleDigestContext(style))).toBeNull();
		}
		expect(isShippedTemplate(`${PRESETS[0].source}\n`)).toBe(false);
	});

	// The precompiled templates are compiled knowing the helpers and leave out what Handlebars' runtime and the
	// helpers never read (scripts/precompileTemplates.cjs): a user's edited copy of a shipped text is compiled
	// on demand, and must write the same note, or fail with the same error, as the shipped one.
	it.each(contexts())(
		'render each as compiling it on demand does, with %s, in both modes',
		async (_, context, expected) => {
			const runtimeOnly = precompiled();
			const onDemand = await compiledOnDemand();
			const results: Outcome[] = [];
			for (const source of PRECOMPILED_SOURCES)
				for (const mode of ['render', 'renderRaw'] as const) {
					const result = outcome(() => runtimeOnly[mode](source, context));
					expect(result).toEqual(outcome(() => onDemand[mode](source, context)));
					results.push(result);
				}
			if (expected === 'renders') expect(results.filter((result) => 'error' in result)).toEqual([]);
			else expect(results.some((result) => 'error' in result)).toBe(true);
		},
	);

	// Each lookup of a variable hands container.strict its position, which the error for a missing one reports.
	it('report each missing value with the message, line and column of compiling them on demand', async () => {
		const runtimeOnly = precompiled();
		const onDemand = await compiledOnDemand();
		// The sample context without and with the links a vault adds, so that every variable is reached.
		const web = { channelNote: '[[Sample Garden]]', entityList: '- [[Tomato]]', related: '- [[Seed trays]]' };
		const samples = [sampleDigestContext('media-extended'), { ...sampleDigestContext('media-extended'), ...web }];
		const reported = new Set<string>();
		for (const sample of samples)
			for (const path of paths(sample)) {
				const context = without(sample, path);
				for (const source of PRECOMPILED_SOURCES)
					for (const mode of ['render', 'renderRaw'] as const) {
						const result = outcome(() => runtimeOnly[mode](source, context));
						expect(result).toEqual(outcome(() => onDemand[mode](source, context)));
						if ('error' in result) reported.add(result.error.replace(/ is not a template variable.*/, ''));
					}
			}
		// Every lookup of a variable in the table failed, each at its own position, but those inside
		// `{{#if x}}…{{{x}}}{{/if}}`, which a missing x never reaches.
		const lookups = precompiledTemplatesModule().code.matchAll(/"(\w+)", strictLocation\((\d+),(\d+),/g);
		const positions = new Set(
			[...lookups].map(
				([, name, line, column]) => `template-invalid: line ${line}, column ${Number(column) + 1}: {{${name}}}`,
			),
		);
		expect([...reported].filter((error) => !positions.has(error))).toEqual([]);
		const unreached = [...positions].filter((position) => !reported.has(position));
		expect(new Set(unreached.map((position) => /\{\{(\w+)\}\}/.exec(position)?.[1]))).toEqual(
			new Set(['sourceNote', 'channelNote', 'entityList', 'related']),
		);
		expect(reported.size).toBeGreaterThan(20);
		expect(reported).toContain('template-invalid: line 10, column 15: {{text}}');
	});

	describe.each([
		['a realistic digest', realistic],
		['a digest made of hostile text', hostile],
	])('with %s', (_, context) => {
		it('renders property values raw exactly as a compilation with noEscape did', async () => {
			const onDemand = await compiledOnDemand();
			for (const source of [
				...DEFAULT_PROPERTIES.map((property) => property.value),
				'{{{title}}} {{tags}} {{#each tags}}{{this}}|{{/each}}',
			])
				expect(onDemand.renderRaw(source, context())).toBe(rawWithNoEscape(source, context()));
		});
	});

	it('leave an edited preset to the compiler, loaded for it', async () => {
		const edited = `${PRESETS[0].source}\n{{title}} {{tdlr}}`;
		const engine = await loadTemplateEngine([edited]);
		const onDemand = await compiledOnDemand();
		expect(engine.check(edited, sampleDigestContext('youtube'))).toEqual(
			onDemand.check(edited, sampleDigestContext('youtube')),
		);
		const fixed = edited.replace(' {{tdlr}}', '');
		expect(engine.render(fixed, hostile())).toBe(onDemand.render(fixed, hostile()));
	});
});

/** The generated table module, evaluated with `sources` in place of shippedTemplates.ts's PRECOMPILED_SOURCES. */
function tableFor(sources: string[]): Map<string, () => unknown> {
	const { code } = precompiledTemplatesModule();
	const standalone = code.replace(/^import .*$/m, `const PRECOMPILED_SOURCES = ${JSON.stringify(sources)};`);
	const module = { exports: {} as { PRECOMPILED_TEMPLATES?: Map<string, () => unknown> } };
	const cjs = esbuild.transformSync(standalone, { format: 'cjs', loader: 'js' }).code;
	new Function('module', 'exports', cjs)(module, module.exports);
	return module.exports.PRECOMPILED_TEMPLATES ?? new Map();
}

describe('the build of the precompiled table', () => {
	it('gives each text the code compiled from it, and none to a text the build did not compile', () => {
		const built = tableFor(PRECOMPILED_SOURCES);
		expect([...built.keys()]).toEqual([...new Set(PRECOMPILED_SOURCES)]);
		const reordered = tableFor([...PRECOMPILED_SOURCES].reverse());
		for (const text of PRECOMPILED_SOURCES)
			expect(String(reordered.get(text))).toBe(String(PRECOMPILED_TEMPLATES.get(text)));
		const [first, ...rest] = PRECOMPILED_SOURCES;
		const changed = tableFor([`\uFEFF${first}`, ...rest]);
		expect(changed.has(`\uFEFF${first}`)).toBe(false);
		expect(changed.size).toBe(built.size - 1);
	});

	it('knows exactly the helpers the engine registers: Handlebars’ own and createHelpers', () => {
		const own = Object.keys(Handlebars.create().helpers);
		const plugin = Object.keys(createHelpers((markdown) => markdown));
		expect([...helperNames(createHelpers)].sort()).toEqual([...own, ...plugin].sort());
		expect(plugin).toContain('timestampLink');
	});

	it('fails when a name of the template context, at any depth, is a helper’s', () => {
		const helpers = helperNames(createHelpers);
		expect(() => checkContextNames(TIMESTAMP_STYLES.map(sampleDigestContext), helpers)).not.toThrow();
		expect(() => checkContextNames([{ ...realistic(), date: '2026-01-01' }], helpers)).toThrow(/: date named/);
		const nested = { ...realistic(), insights: [{ emoji: '', text: '', seconds: 0, each: 1 }] };
		expect(() => checkContextNames([nested], helpers)).toThrow(/: insights\[\]\.each named/);
	});

	it('leaves out helper-or-field lookups, helper positions, fallbacks for old runtimes and the texts', () => {
		const { code } = precompiledTemplatesModule();
		for (const cut of ['helperMissing', 'typeof helper', '"loc":', '{"start":', '|| {}', 'hasOwnProperty'])
			expect(code).not.toContain(cut);
		expect(code).toMatch(/\(depth0, "title", strictLocation\(1,4,1,9\) \)/);
		// The texts themselves are shippedTemplates.ts's, not written out again.
		for (const source of PRECOMPILED_SOURCES) expect(code).not.toContain(JSON.stringify(source));
	});
});
