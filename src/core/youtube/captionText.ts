/**
 * Turning raw caption text into clean sentences: entities decoded (also when escaped twice), tags and line
 * breaks gone.
 */

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

function decodeOnce(text: string): string {
	return text.replace(ENTITY, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
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

export function cleanCaptionText(raw: string): string {
	return decodeEntities(raw)
		.replace(/<\/?[a-z][^>]*>/gi, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
