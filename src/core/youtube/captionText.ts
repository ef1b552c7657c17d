/**
 * Turning raw caption text into clean sentences: entities decoded (also when escaped twice), tags and line
 * breaks gone.
 */

import { asString } from './coerce';

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
};

const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;
const REPLACEMENT_CHARACTER = '\uFFFD';

/** The code point a numeric reference's digits (`x1F600`, `39`) name, whether or not it is a character. */
export function referencedCode(digits: string): number {
	return digits[0] === 'x' || digits[0] === 'X' ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
}

/**
 * A numeric reference names a character only from 1 to U+10FFFF outside the surrogates; `&#0;`, `&#xD800;`
 * and `&#99999999;` name none, and one of them must cost one character, not the transcript.
 */
export function isCharacterCode(code: number): boolean {
	return Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
}

function decodeOnce(text: string): string {
	return text.replace(ENTITY, (whole, name: string) => {
		if (name[0] === '#') {
			const code = referencedCode(name.slice(1));
			return isCharacterCode(code) ? String.fromCodePoint(code) : REPLACEMENT_CHARACTER;
		}
		return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
	});
}

/** Classic captions are often escaped twice (`&amp;#39;`), so decode until nothing changes (at most three rounds). */
export function decodeEntities(text: string): string {
	let current = text;
	for (let round = 0; round < 3; round++) {
		const next = decodeOnce(current);
		if (next === current) break;
		current = next;
	}
	return current;
}

export function cleanCaptionText(raw: unknown): string {
	return decodeEntities(asString(raw) ?? '')
		.replace(/<\/?[a-z][^>]*>/gi, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
