import { parse } from 'yaml';
import { findFrontmatter } from '../core/notes/frontmatterBlock';

/**
 * A note's properties read with a real YAML parser, as Obsidian reads them; null when the note has none,
 * and an empty object when they are not a YAML mapping (a broken block costs the properties, never the run).
 */
export function propertiesFromFrontmatter(text: string): Record<string, unknown> | null {
	const block = findFrontmatter(text);
	if (!block) return null;
	try {
		const value: unknown = parse(text.slice(block.yamlStart, block.yamlEnd), { schema: 'core' });
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: {};
	} catch {
		return {};
	}
}
