import { DigestError, DigestErrorKind } from '../core/errors';

export const EXIT = {
	ok: 0,
	unexpected: 1,
	badInput: 2,
	noTranscript: 3,
	network: 4,
	llm: 5,
	writeFailed: 6,
	cancelled: 130,
} as const;

const BY_KIND: Record<DigestErrorKind, number> = {
	'invalid-link': EXIT.badInput,
	'no-link': EXIT.badInput,
	'template-invalid': EXIT.badInput,
	'no-digest-data': EXIT.badInput,
	'no-generated-part': EXIT.badInput,
	'nothing-to-translate': EXIT.badInput,
	'already-running': EXIT.badInput,
	'transcript-file-invalid': EXIT.badInput,
	'no-question': EXIT.badInput,
	'video-unavailable': EXIT.noTranscript,
	'video-private': EXIT.noTranscript,
	'age-restricted': EXIT.noTranscript,
	unplayable: EXIT.noTranscript,
	'no-captions': EXIT.noTranscript,
	'po-token-required': EXIT.noTranscript,
	network: EXIT.network,
	'youtube-refused': EXIT.network,
	'llm-unreachable': EXIT.network,
	'bot-check': EXIT.network,
	'youtube-rate-limited': EXIT.network,
	'bad-api-key': EXIT.llm,
	'model-not-found': EXIT.llm,
	'llm-rate-limited': EXIT.llm,
	'llm-quota': EXIT.llm,
	'llm-unavailable': EXIT.llm,
	'model-refused': EXIT.llm,
	'output-invalid': EXIT.llm,
	'write-failed': EXIT.writeFailed,
	cancelled: EXIT.cancelled,
};

export function exitCodeFor(error: unknown): number {
	return error instanceof DigestError ? BY_KIND[error.kind] : EXIT.unexpected;
}
