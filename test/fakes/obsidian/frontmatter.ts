/**
 * YAML and frontmatter helpers. Obsidian parses and writes properties with the `yaml` package (its
 * errors are YAMLParseError, and processFrontMatter folds long strings at 80 columns and writes null
 * as `null`, which is what `yaml`'s defaults do), so the fake uses the same package with its defaults.
 */
import type * as O from 'obsidian';
import { parse, stringify } from 'yaml';

export function parseYaml(yaml: string): any {
	return parse(yaml);
}

export function stringifyYaml(obj: any): string {
	return stringify(obj);
}

/**
 * The frontmatter block must start at offset 0 with a `---` line and end with the next `---` line
 * (trailing spaces allowed; the closing fence may end the file). `frontmatter` is the text between the
 * fences, including the newline that ends its last line; `from`/`to` delimit it; `contentStart` is
 * just past the closing fence's line break.
 */
export function getFrontMatterInfo(content: string): O.FrontMatterInfo {
	const none: O.FrontMatterInfo = { exists: false, frontmatter: '', from: 0, to: 0, contentStart: 0 };
	const open = /^---[ \t]*\r?\n/.exec(content);
	if (!open) return none;
	const from = open[0].length;
	const fence = /^---[ \t]*(\r?\n|$)/gm;
	fence.lastIndex = from;
	let match: RegExpExecArray | null;
	while ((match = fence.exec(content)) !== null) {
		if (match.index >= from && (match.index === from || content[match.index - 1] === '\n')) {
			return {
				exists: true,
				frontmatter: content.slice(from, match.index),
				from,
				to: match.index,
				contentStart: match.index + match[0].length,
			};
		}
		if (match[0].length === 0) fence.lastIndex++;
	}
	return none;
}

function toStringArray(value: unknown, separator: RegExp): string[] | null {
	if (value === null || value === undefined) return null;
	const items = Array.isArray(value) ? value : [value];
	const out: string[] = [];
	for (const item of items) {
		if (item === null || item === undefined) continue;
		if (typeof item === 'string')
			out.push(
				...item
					.split(separator)
					.map((s) => s.trim())
					.filter(Boolean),
			);
		else if (typeof item !== 'object') out.push(String(item));
	}
	return out.length > 0 ? out : null;
}

/** `aliases`/`alias` (any case): strings split on commas. */
export function parseFrontMatterAliases(frontmatter: any | null): string[] | null {
	if (!frontmatter || typeof frontmatter !== 'object') return null;
	const aliases: string[] = [];
	for (const key of Object.keys(frontmatter)) {
		if (!/^alias(es)?$/i.test(key)) continue;
		const values = toStringArray((frontmatter as Record<string, unknown>)[key], /,/);
		if (values) aliases.push(...values);
	}
	return aliases.length > 0 ? aliases : null;
}
