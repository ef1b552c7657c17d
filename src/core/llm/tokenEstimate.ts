/**
 * A tokenizer would add megabytes to main.js, so tokens are estimated: about four characters per token
 * for alphabetic scripts, about one per character for Chinese, Japanese and Korean. Good to ±25%, enough
 * to choose between one call and several and to show a cost before calling.
 */
const WIDE_CHARACTERS = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

export function estimateTokens(text: string): number {
	const wide = text.match(WIDE_CHARACTERS)?.length ?? 0;
	return Math.ceil(wide + (text.length - wide) / 4);
}
