/** How long the instructions may be: they are sent with every call. */
export const INSTRUCTIONS_LIMIT = 1500;

/**
 * A template may carry instructions for the model in a Handlebars comment, which renders to nothing:
 *
 *     {{!-- digest-instructions
 *     Audience: first-year students. Questions test definitions and how to apply them.
 *     --}}
 *
 * Returns the instructions (trimmed, at most 1500 characters), or '' when the template has none. Being
 * a comment, the block never reaches the note, and the same template works without any model.
 */
export function templateInstructions(template: string): string {
	const block = /\{\{!--\s*digest-instructions\b([\s\S]*?)--\}\}/.exec(template);
	if (!block) return '';
	const text = block[1]
		.split(/\r?\n/)
		.map((line) => line.trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return text.length > INSTRUCTIONS_LIMIT ? `${text.slice(0, INSTRUCTIONS_LIMIT).trimEnd()}…` : text;
}

/** A short, stable fingerprint of the instructions for the cache key: a digest made for others is not reused. */
export function instructionsKey(instructions: string): string {
	if (!instructions) return '';
	let hash = 0x811c9dc5;
	for (let index = 0; index < instructions.length; index++) {
		hash ^= instructions.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}
