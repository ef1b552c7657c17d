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
 * added at the end), every other entry, the user's own, stays byte for byte.
 */
export function mergeFrontmatter(text: string, properties: Record<string, PropertyValue>): string {
	const match = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(\r?\n|$)/.exec(text);
	if (!match) return serializeFrontmatter(properties) + text;
	const entries = splitEntries(match[1]);
	const written = new Set<string>();
	const lines = entries.map((entry) => {
		if (entry.key === null || !(entry.key in properties)) return entry.text;
		written.add(entry.key);
		return `${yamlKey(entry.key)}:${yamlValue(properties[entry.key])}`;
	});
	for (const [key, value] of Object.entries(properties))
		if (!written.has(key)) lines.push(`${yamlKey(key)}:${yamlValue(value)}`);
	return `---\n${lines.filter((line) => line !== '').join('\n')}\n---\n${text.slice(match[0].length)}`;
}

/** Top-level entries: a `key:` line with the indented or list lines that continue it. */
function splitEntries(yaml: string): { key: string | null; text: string }[] {
	const entries: { key: string | null; text: string }[] = [];
	for (const line of yaml.split(/\r?\n/)) {
		const key = /^(?:"((?:[^"\\]|\\.)*)"|([^\s#][^:]*?)):(?:\s|$)/.exec(line);
		const continues = entries.length > 0 && (/^[\s-]/.test(line) || line === '');
		if (key && !/^[\s-]/.test(line))
			entries.push({ key: key[1] !== undefined ? (JSON.parse(`"${key[1]}"`) as string) : key[2], text: line });
		else if (continues) entries[entries.length - 1].text += `\n${line}`;
		else entries.push({ key: null, text: line });
	}
	return entries;
}
