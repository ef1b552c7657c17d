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
	if (Array.isArray(value)) return value.length === 0 ? ' []' : `\n${value.map((item) => `  - ${yamlString(item)}`).join('\n')}`;
	if (typeof value === 'object') return /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/.test(value.date) ? ` ${value.date}` : ` ${yamlString(value.date)}`;
	if (typeof value === 'number') return Number.isFinite(value) ? ` ${value}` : '';
	if (typeof value === 'boolean') return ` ${value}`;
	return ` ${yamlString(value)}`;
}

function yamlKey(key: string): string {
	return /^[A-Za-z_][\w-]*$/.test(key) ? key : yamlString(key);
}
