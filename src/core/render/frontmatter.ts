import { findFrontmatter } from '../notes/frontmatterBlock';
import { lineEndingOf, withLineEnding } from '../notes/lineEnding';
import { asText } from '../text';

/**
 * Properties written by code, never by hand-made YAML inside a template: every string is a JSON string
 * (valid YAML, and any text round-trips), `<` is written as \u003c so the file never contains `<%`.
 */
export type PropertyValue = string | number | boolean | null | string[] | { date: string };

export function yamlString(value: unknown): string {
	return JSON.stringify(asText(value)).replace(/</g, '\\u003c');
}

export function serializeFrontmatter(properties: Record<string, PropertyValue>): string {
	const lines = Object.entries(properties).map(([key, value]) => `${yamlKey(key)}:${yamlValue(value)}`);
	return `---\n${lines.join('\n')}\n---\n`;
}

function yamlValue(value: PropertyValue): string {
	if (value === null) return '';
	if (Array.isArray(value))
		return value.length === 0 ? ' []' : `\n${value.map((item) => `  - ${yamlString(item)}`).join('\n')}`;
	if (typeof value === 'object')
		return /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/.test(value.date)
			? ` ${value.date}`
			: ` ${yamlString(value.date)}`;
	if (typeof value === 'number') return Number.isFinite(value) ? ` ${value}` : '';
	if (typeof value === 'boolean') return ` ${value}`;
	return ` ${yamlString(value)}`;
}

function yamlKey(key: string): string {
	return /^[A-Za-z_][\w-]*$/.test(key) ? key : yamlString(key);
}

/**
 * The note with the given properties set in its frontmatter: each given key's entry is replaced (or
 * added at the end), every other entry, the user's own, stays as written (block scalars, nested maps,
 * lists and comments included). The frontmatter is found by `findFrontmatter`, the same rule that
 * every other reader uses, and written in the note's line ending.
 */
export function mergeFrontmatter(text: string, properties: Record<string, PropertyValue>): string {
	const eol = lineEndingOf(text);
	const block = findFrontmatter(text);
	if (!block) return withLineEnding(serializeFrontmatter(properties), eol) + text;
	const entries = splitEntries(text.slice(block.yamlStart, block.yamlEnd));
	const written = new Set<string>();
	const lines = entries.map((entry) => {
		// Own keys only: the user's `constructor:` or `toString:` is theirs, not an object's method to write.
		if (entry.key === null || !Object.hasOwn(properties, entry.key)) return entry.text;
		written.add(entry.key);
		return `${yamlKey(entry.key)}:${yamlValue(properties[entry.key])}`;
	});
	for (const [key, value] of Object.entries(properties))
		if (!written.has(key)) lines.push(`${yamlKey(key)}:${yamlValue(value)}`);
	const yaml = lines.filter((line) => line !== '').map((line) => withLineEnding(line, eol));
	return `---${eol}${yaml.map((line) => `${line}${eol}`).join('')}---${eol}${text.slice(block.end)}`;
}

interface Entry {
	/** The top-level key, or null for a line that is no key (a comment, a stray line). */
	key: string | null;
	text: string;
}

/** `key:`, `"quoted key":` or `'quoted key':` at the start of a line, followed by a space or the line's end. */
const TOP_LEVEL_KEY =
	/^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|((?:[^\s#'"?:-]|-(?=\S))(?:[^:]|:(?=\S))*?))[ \t]*:(?:[ \t]|$)/;

/**
 * Top-level entries: a key line with every line that continues it (indented lines, `- ` items at the
 * margin, block scalar text). Blank and comment lines go with the entry when the entry goes on after them,
 * so replacing an entry never leaves its last items behind.
 */
function splitEntries(yaml: string): Entry[] {
	const lines = yaml.split(/\r?\n/);
	if (lines[lines.length - 1] === '') lines.pop();
	const entries: Entry[] = [];
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index];
		const key = TOP_LEVEL_KEY.exec(line);
		if (key) {
			entries.push({ key: keyName(key), text: line });
			continue;
		}
		const previous = entries[entries.length - 1];
		if (previous?.key != null && continuesEntry(lines, index)) previous.text += `\n${line}`;
		else entries.push({ key: null, text: line });
	}
	return entries;
}

function continuesEntry(lines: string[], index: number): boolean {
	for (let next = index; next < lines.length; next++) {
		const line = lines[next];
		if (line.trim() === '' || /^#/.test(line)) continue;
		return /^[ \t]|^-(?:[ \t]|$)/.test(line);
	}
	return false;
}

function keyName(match: RegExpExecArray): string {
	if (match[2] !== undefined) return match[2].replace(/''/g, "'");
	if (match[1] === undefined) return match[3].trim();
	try {
		return JSON.parse(`"${match[1]}"`) as string;
	} catch {
		return match[1];
	}
}
