/**
 * Words compared the way a reader would: case, accents and punctuation ignored. Used to tell whether the
 * video says a name and whether two items of a digest make the same point.
 */
export function words(text: string): string[] {
	return (
		text
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
	).map((word) => word.replace(/['’]s$/, '').replace(/['’]/g, ''));
}

/** Small words that say nothing about which point an item makes. */
const FILLER = new Set(
	(
		'a an the and or but of to in on at for with by from as is are was were be been it its this that these ' +
		'those there their they them he she his her you your we our i me my not no so very can will would should ' +
		'do does did has have had than then also just more most about into over what how why which who when'
	).split(' '),
);

/** The words that carry an item's meaning. */
export function contentWords(text: string): Set<string> {
	return new Set(words(text).filter((word) => !FILLER.has(word)));
}

/**
 * Two items make the same point when most of their meaningful words are shared (Dice coefficient ≥ 0.7),
 * or when one's words are all in the other and it has at least three: "Buy the keyboard" and "Buy the
 * keyboard cover, it is essential" are the same takeaway.
 */
export function isNearDuplicate(a: Set<string>, b: Set<string>): boolean {
	// Nothing to compare (a question of only small words): not judged the same.
	if (a.size === 0 || b.size === 0) return false;
	let shared = 0;
	for (const word of a) if (b.has(word)) shared++;
	if (shared === Math.min(a.size, b.size) && shared >= 3) return true;
	return (2 * shared) / (a.size + b.size) >= 0.7;
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowBest = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			rowBest = Math.min(rowBest, current[j]);
		}
		if (rowBest > limit) return limit + 1;
		previous = current;
	}
	return previous[b.length];
}

/** How many letters a spelling may differ by and still be the same name: none for short words. */
export function spellingTolerance(word: string): number {
	return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}

/**
 * Whether the words of `phrase` occur in a row in `text` (both from `words`), each spelled the same or
 * close enough: "Surfice Go" in captions matches the entity "Surface Go".
 */
export function containsPhrase(text: string[], phrase: string[]): boolean {
	if (phrase.length === 0 || phrase.length > text.length) return false;
	const same = (x: string, y: string) => x === y || editDistance(x, y, spellingTolerance(y)) <= spellingTolerance(y);
	const joined = phrase.join('');
	for (let start = 0; start + phrase.length <= text.length; start++) {
		if (phrase.every((word, offset) => same(text[start + offset], word))) return true;
		// Names split or joined differently by captions: "Dave 2D" and "Dave2D", "YouTube" and "You Tube".
		if (phrase.length > 1 && same(text[start], joined)) return true;
		if (phrase.length === 1 && start + 1 < text.length && same(text[start] + text[start + 1], joined)) return true;
	}
	return false;
}
