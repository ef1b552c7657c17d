/**
 * Coercion of data YouTube sends: each helper takes anything and returns a value of its type or
 * `undefined`, so a field of an unexpected type (a number, null, an array, an object) costs that field
 * and never the run. Every reader of YouTube data goes through these.
 */

/** Strings as they are; finite numbers as their digits (ids and counts sometimes arrive as numbers). */
export function asString(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** Finite numbers, and strings that hold exactly one (`"212"`). */
export function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '') {
		const number = Number(value);
		return Number.isFinite(number) ? number : undefined;
	}
	return undefined;
}

/** A position in a list: a whole number from 0 up. */
export function asIndex(value: unknown): number | undefined {
	const number = asNumber(value);
	return number !== undefined && Number.isInteger(number) && number >= 0 ? number : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
	return typeof value === 'boolean' ? value : undefined;
}

/** A plain object (not null, not an array), to read fields from. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/** The items of an array that `item` accepts; anything that is not an array is an empty list. */
export function asArray<T>(value: unknown, item: (element: unknown) => T | undefined): T[] {
	if (!Array.isArray(value)) return [];
	const items: T[] = [];
	for (const element of value) {
		const coerced = item(element);
		if (coerced !== undefined) items.push(coerced);
	}
	return items;
}

/** An absolute http(s) URL, so a `javascript:` or relative value never reaches a note or a request. */
export function asHttpUrl(value: unknown): string | undefined {
	const text = asString(value)?.trim();
	if (!text || !/^https?:\/\//i.test(text)) return undefined;
	try {
		new URL(text);
		return text;
	} catch {
		return undefined;
	}
}

/** YouTube's formatted text: a string, `{ simpleText }` or `{ runs: [{ text }] }`. */
export function asFormattedText(value: unknown): string | undefined {
	const direct = asString(value);
	if (direct !== undefined) return direct;
	const record = asRecord(value);
	if (!record) return undefined;
	const simple = asString(record.simpleText);
	if (simple !== undefined) return simple;
	const runs = asArray(record.runs, (run) => asString(asRecord(run)?.text));
	return runs.length > 0 ? runs.join('') : undefined;
}
