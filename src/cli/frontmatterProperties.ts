import { frontmatterEnd } from '../core/notes/frontmatterBlock';

/**
 * The simple `key: value` and `key:\n  - item` properties of a note, enough to find a link property
 * without a YAML library; anything fancier is left out, and the link search falls back to the body.
 */
export function propertiesFromFrontmatter(text: string): Record<string, unknown> | null {
	const end = frontmatterEnd(text);
	if (end === 0) return null;
	const properties: Record<string, unknown> = {};
	let listKey: string | null = null;
	for (const line of text.slice(0, end).split(/\r?\n/).slice(1, -1)) {
		const item = /^\s+-\s+(.*)$/.exec(line);
		if (item && listKey) {
			(properties[listKey] as string[]).push(unquote(item[1]));
			continue;
		}
		const pair = /^([\w-]+):\s*(.*)$/.exec(line);
		if (!pair) continue;
		listKey = pair[2] === '' ? pair[1] : null;
		properties[pair[1]] = pair[2] === '' ? [] : unquote(pair[2]);
	}
	return properties;
}

function unquote(value: string): string {
	const trimmed = value.trim();
	if (/^".*"$/.test(trimmed)) {
		try {
			return JSON.parse(trimmed) as string;
		} catch {
			return trimmed.slice(1, -1);
		}
	}
	return /^'.*'$/.test(trimmed) ? trimmed.slice(1, -1).replace(/''/g, "'") : trimmed;
}
