import { DigestError, DigestErrorKind, userMessage } from '../core/errors';

/**
 * The core's sentences name the plugin's settings; on the command line the same failures name the
 * command line's own knobs. Only the kinds that point the user at a setting are here; the rest are shared.
 */
const CLI_SENTENCES: Partial<Record<DigestErrorKind, (detail?: string) => string>> = {
	'no-link': (note) => `No YouTube link found in the properties or the text of ${note ?? 'the note'}.`,
	'bad-api-key': () =>
		'The API key was rejected: check OPENAI_API_KEY, and --base-url (or OPENAI_BASE_URL) if the key is ' +
		'for another server.',
	'model-not-found': (detail) =>
		'The model was not found on the server: check --model (or YOUTUBE_DIGEST_MODEL) and --base-url ' +
		`(or OPENAI_BASE_URL)${detail ? ` (${detail})` : ''}.`,
	'llm-unreachable': (baseUrl) =>
		`Could not connect to ${baseUrl ?? 'the language model server'}: is the server running? ` +
		'Check --base-url (or OPENAI_BASE_URL).',
	'output-invalid': () =>
		"The model's answer was not a valid digest, even after a retry; try again or choose another model " +
		'with --model.',
};

/** The one sentence the command line prints for an error of any origin. */
export function cliMessage(error: unknown): string {
	const sentence = error instanceof DigestError ? CLI_SENTENCES[error.kind] : undefined;
	return sentence && error instanceof DigestError ? sentence(error.detail) : userMessage(error);
}
