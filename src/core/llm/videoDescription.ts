/** Enough for the names and terms a description spells out; the rest is usually links and sponsor text. */
export const DESCRIPTION_LIMIT = 800;

const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
/** A chapter line (`1:05 Design`): the chapters are sent on their own. */
const CHAPTER_LINE = /^\s*[-*•▶►]?\s*[[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}\b/;

/**
 * The description as the model sees it: captions often misspell names that the description spells right,
 * so it is sent, but without links, chapter lines, lines of only hashtags or handles, and cut at a line end
 * near 800 characters so that a long description does not cost more than it helps.
 */
export function trimDescription(description: string, limit = DESCRIPTION_LIMIT): string {
	const lines: string[] = [];
	let length = 0;
	for (const raw of description.split(/\r?\n/)) {
		if (CHAPTER_LINE.test(raw)) continue;
		const line = raw
			.replace(URL, '')
			.replace(/\s+/g, ' ')
			.replace(/[\s:–—-]+$/, '')
			.trim();
		if (!/[\p{L}\p{N}]{2}/u.test(line.replace(/[#@][\p{L}\p{N}_]+/gu, ''))) continue;
		if (length + line.length > limit) {
			if (length === 0) lines.push(`${line.slice(0, limit).trimEnd()}…`);
			break;
		}
		lines.push(line);
		length += line.length + 1;
	}
	return lines.join('\n');
}
