import { redactSecrets } from './redact';

/**
 * Every failure the user can meet, as one typed error with one clear sentence each.
 * Adapters (plugin notices, CLI exit codes) switch on `kind`, never on message text.
 */
export type DigestErrorKind =
	| 'invalid-link'
	| 'no-link'
	| 'video-unavailable'
	| 'video-private'
	| 'age-restricted'
	| 'bot-check'
	| 'youtube-rate-limited'
	| 'unplayable'
	| 'no-captions'
	| 'po-token-required'
	| 'network'
	| 'youtube-refused'
	| 'llm-unreachable'
	| 'bad-api-key'
	| 'model-not-found'
	| 'llm-rate-limited'
	| 'llm-quota'
	| 'llm-unavailable'
	| 'model-refused'
	| 'output-invalid'
	| 'cancelled'
	| 'template-invalid'
	| 'write-failed'
	| 'no-digest-data'
	| 'no-generated-part'
	| 'nothing-to-translate'
	| 'already-running'
	| 'transcript-file-invalid'
	| 'no-question';

const USER_MESSAGES: Record<DigestErrorKind, string> = {
	'invalid-link': 'That is not a link to a YouTube video.',
	'no-link': "No YouTube link found in the selection, the current line, the note's properties or its text.",
	'video-unavailable': 'This video is unavailable: it may have been deleted or the link may be wrong.',
	'video-private': 'This video is private, so its transcript cannot be read.',
	'age-restricted': 'This video is age-restricted, and YouTube only shows its captions to signed-in viewers.',
	'bot-check': 'YouTube asked for a sign-in to check this is not a bot; try again later or from another network.',
	'youtube-rate-limited': 'YouTube is limiting requests from this network; wait a few minutes and try again.',
	unplayable: 'YouTube will not play this video here',
	'no-captions':
		'This video has no captions YouTube will give. To summarize it anyway, put a subtitle file ' +
		'(SRT, WebVTT or timestamped text) with the video id in its name in the vault, or link it from the note.',
	'po-token-required': "YouTube withheld this video's captions from anonymous clients; try again later.",
	network: 'Could not reach the server; check your internet connection.',
	// An answer did arrive, so the connection is not the problem.
	'youtube-refused': 'YouTube refused the request',
	// The model server is often local (Ollama, LM Studio): not running is likelier than being offline.
	'llm-unreachable': 'Could not connect to the language model server; check that it is running and its address',
	'bad-api-key': 'The API key was rejected: check it in the plugin settings.',
	'model-not-found': 'The model was not found on the server: check the model name in the settings.',
	'llm-rate-limited': 'The language model service is rate limiting requests; wait a moment and try again.',
	'llm-quota':
		"The language model account has used up its credit or quota: check the provider's plan and billing, " +
		'or choose another provider.',
	'llm-unavailable': 'The language model service failed to answer; try again in a moment.',
	'model-refused': 'The model refused to summarize this video.',
	'output-invalid':
		"The model's answer was not a valid digest, even after a retry; try again or choose another model.",
	cancelled: 'Cancelled: nothing was written.',
	'template-invalid': 'The digest template has an error',
	'write-failed': 'The digest could not be written to the vault',
	'no-digest-data':
		'This note has no saved digest data (it was not made here, or the data was cleared): ' +
		'summarize the video again instead.',
	'no-generated-part': 'This note has no generated part to replace: summarize the video again instead.',
	'nothing-to-translate': 'A transcript digest has no summary to translate.',
	'already-running': 'This video is already being summarized.',
	'transcript-file-invalid':
		'The transcript file has no timed lines: use an SRT, WebVTT or text file with a time at the start of each line',
	'no-question': 'There is no question to ask: select one in the note or type it in the dialog.',
};

export class DigestError extends Error {
	readonly kind: DigestErrorKind;
	/** Extra facts for the sentence (a reason from YouTube, a wait time, a line number). Never secrets. */
	readonly detail?: string;

	constructor(kind: DigestErrorKind, detail?: string, options?: { cause?: unknown }) {
		const safeDetail = detail === undefined ? undefined : redactSecrets(detail);
		super(safeDetail ? `${kind}: ${safeDetail}` : kind, options);
		this.name = 'DigestError';
		this.kind = kind;
		this.detail = safeDetail;
	}
}

/** The one sentence shown to the user for an error of any origin. */
export function userMessage(error: unknown): string {
	if (!(error instanceof DigestError)) {
		return redactSecrets(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
	}
	const base = USER_MESSAGES[error.kind];
	if (!error.detail) return base;
	// A detail from outside may span lines or end with its own full stop (YouTube's reasons do): one sentence.
	const detail = error.detail.replace(/\s+/g, ' ').replace(/\.$/, '');
	if (base.endsWith('.')) return `${base} (${detail})`;
	return `${base}: ${detail}.`;
}

/** Throws the typed cancellation when the user has pressed cancel. */
export function throwIfCancelled(signal?: AbortSignal): void {
	if (signal?.aborted) throw new DigestError('cancelled');
}
