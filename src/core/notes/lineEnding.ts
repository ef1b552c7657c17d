/** The line break a note mostly uses, so every line the plugin adds matches it (no mixed endings). */
export type LineEnding = '\n' | '\r\n';

export function lineEndingOf(text: string): LineEnding {
	const crlf = text.match(/\r\n/g)?.length ?? 0;
	const all = text.match(/\n/g)?.length ?? 0;
	return crlf > 0 && crlf >= all - crlf ? '\r\n' : '\n';
}

/** Text the plugin wrote (with `\n`) in the given line ending. */
export function withLineEnding(text: string, ending: LineEnding): string {
	return text.replace(/\r?\n/g, ending);
}
