import Handlebars from 'handlebars';
import { buildDigestContext, DigestContext } from '../../../src/core/render/digestContext';
import { PRECOMPILED_TEMPLATES } from '../../../src/core/render/precompiledTemplates';
import { PRESETS } from '../../../src/core/render/presets';
import { DEFAULT_PROPERTIES } from '../../../src/core/render/properties';
import { createTemplateEngine } from '../../../src/core/render/templateEngine';
import { sampleDigest, sampleInfo, sampleParagraphs, sampleTranscript } from './sampleDigest';

const context = (): DigestContext =>
	buildDigestContext({
		info: sampleInfo,
		transcript: sampleTranscript,
		paragraphs: sampleParagraphs,
		digest: sampleDigest,
		sourceNoteLink: '[[Watch later]]',
		created: new Date(2026, 10, 25, 9, 30),
		model: 'gpt-4.1-mini',
		outputLanguage: 'en',
		timestampStyle: 'youtube',
		usage: { inputTokens: 1200, outputTokens: 300 },
		cost: 0.00096,
	});

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

// A note renders its template and every property expression against one context, without copying it
// for each: that holds only because rendering never writes to the context.
describe('rendering a template', () => {
	it.each([
		['precompiled', false],
		['compiled on demand', true],
	])('leaves the context untouched (%s)', async (_, onDemand) => {
		// The compiler serves the presets that are not precompiled in both cases.
		const engine = createTemplateEngine(Handlebars, onDemand ? new Map() : PRECOMPILED_TEMPLATES);
		await engine.loadCompiler();
		const frozen = deepFreeze(context());
		for (const source of [...PRESETS.map((preset) => preset.source), ...DEFAULT_PROPERTIES.map((p) => p.value)]) {
			expect(engine.render(source, frozen)).toBe(engine.render(source, context()));
			expect(engine.renderRaw(source, frozen)).toBe(engine.renderRaw(source, context()));
		}
		expect(frozen).toEqual(context());
	});
});
