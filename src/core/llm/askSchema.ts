import { JsonSchema, validateJson } from './jsonSchema';
import { StructuredSpec } from './structuredRequest';

/**
 * The model's answer to one question about a video. `answered` is false when the transcript does not
 * say: the model is asked to admit that rather than invent, and the note shows it plainly.
 */
export interface ModelAnswer {
	answered: boolean;
	answer: string;
	/** The [time] label of the line that answers it; '' when there is none. */
	at: string;
}

const ANSWER_SCHEMA: JsonSchema = {
	type: 'object',
	properties: { answered: { type: 'boolean' }, answer: { type: 'string' }, at: { type: 'string' } },
	required: ['answered', 'answer', 'at'],
	additionalProperties: false,
};

export const ANSWER_SPEC: StructuredSpec<ModelAnswer> = {
	name: 'video_answer',
	schema: ANSWER_SCHEMA,
	validate: (value) => validateJson(value, ANSWER_SCHEMA),
};
