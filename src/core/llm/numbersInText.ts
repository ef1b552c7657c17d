const UNITS: Record<string, number> = {
	zero: 0,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
};
const TENS: Record<string, number> = {
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	seventy: 70,
	eighty: 80,
	ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

/**
 * The numbers a text states, as values: digits (`1,299`, `$399`, `1080p`, `7.5`, `400k`) and, for English
 * captions, which usually spell numbers out, number words (`four hundred`, `seven`, `twenty eighteen`).
 * Times like `2:47` are not figures and are skipped.
 */
export function numbersIn(text: string): number[] {
	return [...digitNumbers(text), ...wordNumbers(text)];
}

/** Figures written with digits; clock times are left out. */
export function digitNumbers(text: string): number[] {
	const found: number[] = [];
	for (const match of text.matchAll(/(\d+(?::\d{2})+)|(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(k\b)?/gi)) {
		if (match[1]) continue;
		const value = Number(match[2].replace(/,/g, '') + (match[3] ?? ''));
		found.push(match[4] ? value * 1000 : value);
	}
	return found;
}

function wordNumbers(text: string): number[] {
	const tokens = text.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
	const found: number[] = [];
	let index = 0;
	while (index < tokens.length) {
		const read = readNumberWords(tokens, index);
		if (read) {
			found.push(...read.values);
			index = read.next;
		} else index++;
	}
	return found;
}

/** One spelled-out number starting at `start`, with its reading as a year (`twenty eighteen`) when it has one. */
function readNumberWords(tokens: string[], start: number, readYear = true): { values: number[]; next: number } | null {
	let total = 0;
	let current = 0;
	let index = start;
	let any = false;
	let lastWasTens = false;
	const values: number[] = [];
	while (index < tokens.length) {
		const token = tokens[index];
		if (token === 'a' && !any && tokens[index + 1] in SCALES) {
			current = 1;
		} else if (token in UNITS && !(lastWasTens && UNITS[token] >= 10)) {
			current += UNITS[token];
			lastWasTens = false;
		} else if (token in TENS && current % 100 === 0) {
			current += TENS[token];
			lastWasTens = true;
		} else if (token in SCALES && any) {
			const scale = SCALES[token];
			if (scale === 100) current = (current || 1) * 100;
			else {
				total += (current || 1) * scale;
				current = 0;
			}
			lastWasTens = false;
		} else if (
			token === 'and' &&
			any &&
			tokens[index + 1] &&
			(tokens[index + 1] in UNITS || tokens[index + 1] in TENS)
		) {
			lastWasTens = false;
		} else break;
		any = true;
		index++;
	}
	if (!any) return null;
	const value = total + current;
	values.push(value);
	// "twenty eighteen", "nineteen ninety": two halves of a year.
	// The second half is read without looking for a year of its own: a run of number words stays linear.
	const high =
		readYear && tokens[index] && (tokens[index] in UNITS || tokens[index] in TENS)
			? readNumberWords(tokens, index, false)
			: null;
	if (high && value >= 10 && value < 100 && high.values[0] >= 10 && high.values[0] < 100) {
		values.push(value * 100 + high.values[0], ...high.values);
		return { values, next: high.next };
	}
	// "point five": a decimal part.
	if (tokens[index] === 'point' && tokens[index + 1] in UNITS) {
		let fraction = '';
		let next = index + 1;
		while (tokens[next] in UNITS && UNITS[tokens[next]] < 10) fraction += String(UNITS[tokens[next++]]);
		if (fraction) return { values: [...values, Number(`${value}.${fraction}`)], next };
	}
	return { values, next: index };
}
