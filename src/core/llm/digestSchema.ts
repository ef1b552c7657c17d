import { JsonSchema, ValidationProblem, validateJson } from './jsonSchema';
import { StructuredSpec } from './structuredRequest';

/** What the model returns. `at` is a time label copied from the transcript, resolved by grounding. */
export interface ModelDigest {
	tldr: string;
	summary: string;
	insights: { emoji: string; text: string; at: string }[];
	questions: ModelQuestion[];
	sections: { title: string; at: string; summary: string; questions: ModelQuestion[] }[];
	takeaways: string[];
	tags: string[];
	entities: { name: string; type: EntityType }[];
}

export interface ModelQuestion {
	question: string;
	answer: string;
	at: string;
}

export const ENTITY_TYPES = ['person', 'organization', 'work', 'concept', 'place', 'product'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const text = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
const list = (items: JsonSchema, description?: string): JsonSchema => ({
	type: 'array',
	items,
	...(description ? { description } : {}),
});
const object = (properties: Record<string, JsonSchema>): JsonSchema => ({
	type: 'object',
	properties,
	required: Object.keys(properties),
	additionalProperties: false,
});

/** What `at` means is said once, in the prompt: repeating it in the schema would cost tokens on every call. */
const AT = text();
const question: JsonSchema = { $ref: '#/$defs/question' };

/** Questions appear twice (the video's and each section's), so they are one shared definition. */
export const DIGEST_SCHEMA: JsonSchema = {
	...(object({
		tldr: text(),
		summary: text(),
		insights: list(object({ emoji: text(), text: text(), at: AT })),
		questions: list(question),
		sections: list(object({ title: text(), at: AT, summary: text(), questions: list(question) })),
		takeaways: list(text()),
		tags: list(text()),
		entities: list(object({ name: text(), type: { type: 'string', enum: [...ENTITY_TYPES] } })),
	}) as Extract<JsonSchema, { type: 'object' }>),
	$defs: { question: object({ question: text(), answer: text(), at: AT }) },
};

/** Structure first, then the rules a schema cannot say: the texts a digest cannot do without are not empty. */
export function validateDigest(value: unknown): ValidationProblem[] {
	const problems = validateJson(value, DIGEST_SCHEMA);
	return problems.length > 0 ? problems : contentProblems(value as ModelDigest);
}

function contentProblems(
	digest: Omit<ModelDigest, 'sections'> & { sections?: ModelDigest['sections'] },
): ValidationProblem[] {
	const rules: ValidationProblem[] = [];
	if (!digest.tldr.trim()) rules.push({ path: '$.tldr', message: 'is empty' });
	digest.insights.forEach((insight, index) => {
		if (!insight.text.trim()) rules.push({ path: `$.insights[${index}].text`, message: 'is empty' });
	});
	(digest.sections ?? []).forEach((section, index) => {
		if (!section.title.trim()) rules.push({ path: `$.sections[${index}].title`, message: 'is empty' });
	});
	return rules;
}

/** What the merge call of a long video returns: the digest without sections, which come from the parts. */
export type MergedDigest = Omit<ModelDigest, 'sections'>;

export const MERGE_SCHEMA: JsonSchema = {
	...(object(
		Object.fromEntries(Object.entries(DIGEST_SCHEMA.properties).filter(([key]) => key !== 'sections')),
	) as Extract<JsonSchema, { type: 'object' }>),
	$defs: DIGEST_SCHEMA.$defs,
};

export const DIGEST_SPEC: StructuredSpec<ModelDigest> = {
	name: 'video_digest',
	schema: DIGEST_SCHEMA,
	validate: validateDigest,
};

export const MERGE_SPEC: StructuredSpec<MergedDigest> = {
	name: 'video_digest_merge',
	schema: MERGE_SCHEMA,
	validate: (value) => {
		const problems = validateJson(value, MERGE_SCHEMA);
		return problems.length > 0 ? problems : contentProblems(value as MergedDigest);
	},
};
