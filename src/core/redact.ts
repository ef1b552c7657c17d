/**
 * Text from outside (a server's error, a library's message, the network) may quote the API key back:
 * some servers echo the Authorization header or the key in "invalid key sk-…" errors. Everything that
 * reaches a notice, a note, a log or the terminal goes through here first.
 */
const KEY_SHAPED: RegExp[] = [
	/\/\/[^/\s:@]+:[^/\s@]+@/g,
	/\b(?:Bearer|Basic|Token)\s+[\w.~+/=-]{8,}/gi,
	/\b(?:api[_-]?key|access[_-]?token|secret|password|authorization)\b(["']?\s*[:=]\s*["']?)[^\s"',;&]{4,}/gi,
	/\bsk-[\w-]{8,}/g,
	/\bAIza[\w-]{20,}/g,
	/\b(?:gh[pousr]_|github_pat_|glpat-|xox[abprs]-|hf_)[\w-]{10,}/g,
	/\b[A-Za-z0-9_-]{40,}\b/g,
];

export const REDACTED = '[redacted]';

/** The text with every known secret and anything shaped like a key or token replaced by `[redacted]`. */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
	let redacted = text;
	for (const secret of knownSecrets) if (secret.length >= 4) redacted = redacted.split(secret).join(REDACTED);
	for (const pattern of KEY_SHAPED) redacted = redacted.replace(pattern, keepLabel);
	return redacted;
}

/** `api_key=abc…` keeps `api_key=` and `//user:pass@host` keeps `//…@`, so the message still says what was there. */
function keepLabel(match: string, separator?: unknown): string {
	if (match.startsWith('//') && match.endsWith('@')) return `//${REDACTED}@`;
	if (typeof separator !== 'string') return REDACTED;
	return `${match.slice(0, match.indexOf(separator) + separator.length)}${REDACTED}`;
}

/** An unexpected error as one text for a log: its stack (or message), scrubbed like any text from outside. */
export function redactedErrorText(error: unknown): string {
	return redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
