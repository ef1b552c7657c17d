/** Shared text utilities for untrusted input. */

/** Strings, numbers and booleans as text; anything else (objects, null) as ''. */
export function asText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

/**
 * C0 controls except tab and line breaks, DEL, and the Unicode line and paragraph separators, each replaced
 * by a space.
 */
export function replaceControlCharacters(text: string): string {
	let result = '';
	for (const character of text) {
		const code = character.codePointAt(0) ?? 0;
		const isControl =
			(code < 32 && code !== 9 && code !== 10 && code !== 13) ||
			code === 127 ||
			code === 0x2028 ||
			code === 0x2029;
		result += isControl ? ' ' : character;
	}
	return result;
}
