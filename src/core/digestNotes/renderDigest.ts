import type { DigestData, RenderOptions } from '../digest';
import { wrapGenerated } from '../notes/generatedBlock';
import { buildDigestContext, DigestContext, WebContext } from '../render/digestContext';
import { PropertyValue, serializeFrontmatter } from '../render/frontmatter';
import { renderProperties } from '../render/properties';
import { loadTemplateEngine } from '../render/templateEngine';

/** Name of the generated block that holds a digest's body. */
export const DIGEST_BLOCK = 'digest';

export interface RenderInput {
	data: DigestData;
	created: Date;
	/** Link to the source note for the body (user's link style) and for the properties (wikilink), or ''. */
	sourceNoteLink: string;
	sourceNoteProperty: string;
	options: RenderOptions;
	web?: WebContext;
}

export interface RenderedDigest {
	body: string;
	properties: Record<string, PropertyValue>;
}

/** The template's view of the data. */
export function digestContext(input: RenderInput): DigestContext {
	return buildDigestContext({
		info: input.data.info,
		transcript: input.data.transcript,
		paragraphs: input.data.paragraphs,
		digest: input.data.digest,
		sourceNoteLink: input.sourceNoteLink,
		created: input.created,
		model: input.data.model,
		outputLanguage: input.data.outputLanguage,
		timestampStyle: input.options.timestampStyle,
		usage: input.data.usage,
		cost: input.data.cost,
		web: input.web,
		warnings: input.data.warnings,
	});
}

/** The note's generated body and its properties: used for new notes, updates, re-renders and translations alike. */
export async function renderDigest(input: RenderInput): Promise<RenderedDigest> {
	const { template, properties } = input.options;
	const engine = await loadTemplateEngine([template, ...properties.map((property) => property.value)]);
	const context = digestContext(input);
	return {
		body: engine.render(template, context),
		properties: renderProperties(properties, context, engine.renderRaw, {
			youtube_id: input.data.info.id,
			source_note: input.sourceNoteProperty || null,
			digest_warnings: input.data.warnings ?? [],
			links: input.web?.channelNote ? [input.web.author] : [],
		}),
	};
}

/** A complete new note: properties, then the generated block. */
export function digestNoteText(rendered: RenderedDigest): string {
	return serializeFrontmatter(rendered.properties) + wrapGenerated(DIGEST_BLOCK, rendered.body);
}
