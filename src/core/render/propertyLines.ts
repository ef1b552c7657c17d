import { PropertySpec, PropertyType } from './properties';

const TYPES: PropertyType[] = ['text', 'list', 'date', 'number', 'checkbox'];

/**
 * The properties setting as text, one per line: `name: expression` for text, `name (type): expression`
 * for the other types, e.g. `tags (list): youtube, {{tags}}`.
 */
export function formatPropertyLines(specs: PropertySpec[]): string {
	return specs
		.map((spec) => `${spec.name}${spec.type === 'text' ? '' : ` (${spec.type})`}: ${spec.value}`)
		.join('\n');
}

export function parsePropertyLines(text: string): { specs: PropertySpec[]; problems: string[] } {
	const specs: PropertySpec[] = [];
	const problems: string[] = [];
	text.split(/\r?\n/).forEach((line, index) => {
		if (!line.trim()) return;
		const match = /^\s*([^():]+?)\s*(?:\((\w+)\))?\s*:\s?(.*)$/.exec(line);
		const type = (match?.[2] ?? 'text') as PropertyType;
		if (!match) problems.push(`Line ${index + 1}: write "name: value" or "name (type): value".`);
		else if (!TYPES.includes(type))
			problems.push(`Line ${index + 1}: the type must be one of ${TYPES.join(', ')}.`);
		else specs.push({ name: match[1], value: match[3], type });
	});
	return { specs, problems };
}
