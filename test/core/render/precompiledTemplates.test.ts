import Handlebars from 'handlebars';
import { buildDigestContext, DigestContext } from '../../../src/core/render/digestContext';
import { PRECOMPILED_TEMPLATES } from '../../../src/core/render/precompiledTemplates';
import { PRESETS } from '../../../src/core/render/presets';
import { DEFAULT_PROPERTIES, renderProperties } from '../../../src/core/render/properties';
import { sampleDigestContext } from '../../../src/core/render/sampleContext';
import { TIMESTAMP_STYLES } from '../../../src/core/render/timestampStyle';
import { COMPILE_OPTIONS, SHIPPED_TEMPLATES } from '../../../src/core/render/shippedTemplates';
import { createTemplateEngine, isShippedTemplate, loadTemplateEngine } from '../../../src/core/render/templateEngine';
import { createHelpers } from '../../../src/core/render/templateHelpers';
import { digestOfText, infoOfText, sampleDigest, sampleInfo, sampleParagraphs, sampleTranscript } from './sampleDigest';

/** Text a title, a transcript or a model could contain that must stay inert in a note. */
const HOSTILE = [
	'<% tp.system.prompt() %> {{title}} {{{title}}} ```js\nx\n``` $$x$$ `$= dv.pages()`',
	'<script>alert(1)</script> ![[Secret]] [[Secret|alias]] %%hidden%% #tag a | b',
	'bell\u0007 line\u2028separator\n# Fake heading\n> [!danger] fake --- constructor __proto__',
].join('\n');

const realistic = (): DigestContext =>
	buildDigestContext({
		info: sampleInfo,
		transcript: sampleTranscript,
		paragraphs: sampleParagraphs,
		digest: sampleDigest,
		sourceNoteLink: '[[Watch later]]',
		created: new Date(2026, 10, 25, 9, 30),
		model: 'gpt-4.1-mini',
		outputLanguage: 'de',
		timestampStyle: 'youtube',
		usage: { inputTokens: 1200, outputTokens: 300 },
		cost: 0.00096,
	});

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

const BUILT_INS = { youtube_id: 'GJLlxj_dtq8', source_note: '[[Watch later]]' };

/** Only Handlebars' runtime: rendering anything not precompiled would throw. */
const precompiled = () => createTemplateEngine(Handlebars, PRECOMPILED_TEMPLATES);

/** No precompiled template: everything compiles from its text. */
async function compiledOnDemand() {
	const engine = createTemplateEngine(Handlebars, new Map());
	await engine.loadCompiler();
	return engine;
}

/** Raw rendering as it was before one compilation served both modes: compiled again with `noEscape`. */
function rawWithNoEscape(source: string, context: object): string {
	const env = Handlebars.create();
	for (const [name, helper] of Object.entries(createHelpers((markdown) => new env.SafeString(markdown))))
		env.registerHelper(name, helper);
	return env.compile(source, { ...COMPILE_OPTIONS, noEscape: true })(structuredClone(context));
}

describe('the precompiled shipped templates', () => {
	it('cover every preset and default property expression', () => {
		expect(SHIPPED_TEMPLATES.filter((source) => !PRECOMPILED_TEMPLATES.has(source))).toEqual([]);
		expect(precompiled().needsCompiler(PRESETS[0].source)).toBe(false);
		expect(precompiled().needsCompiler(`${PRESETS[0].source}\n`)).toBe(true);
	});

	// A run does not check the shipped texts against the sample context (digestPipeline's checkTemplates):
	// this is why it need not.
	it.each(TIMESTAMP_STYLES)('each check clean against the sample context with %s timestamps', async (style) => {
		const onDemand = await compiledOnDemand();
		for (const source of SHIPPED_TEMPLATES) {
			expect(isShippedTemplate(source)).toBe(true);
			expect(onDemand.check(source, sampleDigestContext(style))).toBeNull();
			expect(precompiled().check(source, sampleDigestContext(style))).toBeNull();
		}
		expect(isShippedTemplate(`${PRESETS[0].source}\n`)).toBe(false);
	});

	// The precompiled templates leave out the helpers' own positions (scripts/precompileTemplates.cjs): what
	// a broken context reports must not change.
	it('report a missing value where compiling them on demand does', async () => {
		const onDemand = await compiledOnDemand();
		const partial = { ...realistic(), tldr: undefined, insights: [{ text: 'x' }], sections: 'no list' };
		for (const source of SHIPPED_TEMPLATES)
			for (const context of [{}, partial]) {
				const problem = precompiled().check(source, context);
				expect(problem).toEqual(onDemand.check(source, context));
			}
		expect(precompiled().check(PRESETS[0].source, {})?.line).toEqual(expect.any(Number));
	});

	describe.each([
		['a realistic digest', realistic],
		['a digest made of hostile text', hostile],
	])('with %s', (_, context) => {
		it.each(PRESETS.map((preset) => [preset.id, preset.source]))(
			'render the %s preset and its properties as compiling them on demand does',
			async (_id, source) => {
				const runtimeOnly = precompiled();
				const onDemand = await compiledOnDemand();
				expect(runtimeOnly.render(source, context())).toBe(onDemand.render(source, context()));
				expect(renderProperties(DEFAULT_PROPERTIES, context(), runtimeOnly.renderRaw, BUILT_INS)).toEqual(
					renderProperties(DEFAULT_PROPERTIES, context(), onDemand.renderRaw, BUILT_INS),
				);
				expect(runtimeOnly.check(source, sampleDigestContext('youtube'))).toBeNull();
			},
		);

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
