import { PropertySpec, PropertyType, RESERVED_PROPERTIES } from './properties';

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
	const lineOf = new Map<string, number>();
	text.split(/\r?\n/).forEach((line, index) => {
		if (!line.trim()) return;
		const match = /^\s*([^():]+?)\s*(?:\((\w+)\))?\s*:\s?(.*)$/.exec(line);
		const type = (match?.[2] ?? 'text') as PropertyType;
		const name = match?.[1] ?? '';
		if (!match) problems.push(`Line ${index + 1}: write "name: value" or "name (type): value".`);
		else if (!TYPES.includes(type))
			problems.push(`Line ${index + 1}: the type must be one of ${TYPES.join(', ')}.`);
		else if (RESERVED_PROPERTIES.includes(name))
			problems.push(`Line ${index + 1}: ${name} is written by the plugin itself; choose another name.`);
		else if (lineOf.has(name))
			problems.push(`Line ${index + 1}: the property ${name} is already on line ${lineOf.get(name)}.`);
		else {
			lineOf.set(name, index + 1);
			specs.push({ name, value: match[3], type });
		}
	});
	return { specs, problems };
}
