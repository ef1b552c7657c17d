import { collapseWhitespace } from './markdownSafety';
import { PropertyValue } from './frontmatter';
import { parseDate } from './dateFormat';

export type PropertyType = 'text' | 'list' | 'date' | 'number' | 'checkbox';

/** One property of the digest note: its name, a template expression for its value, and its type. */
export interface PropertySpec {
	name: string;
	value: string;
	type: PropertyType;
}

/**
 * What a reader uses, with the Web Clipper's names where they overlap: `author` a list of links, `image` the
 * thumbnail (for Bases cards). Usage figures and the model stay in the digest's data; a user who wants them
 * adds `model: {{model}}`, `tokens_in (number): {{inputTokens}}` or `cost_usd (number): {{cost}}` back.
 * `youtube_id`, `source_note` and `digest_warnings` are written on top of these.
 */
export const DEFAULT_PROPERTIES: PropertySpec[] = [
	{ name: 'title', value: '{{title}}', type: 'text' },
	{ name: 'source', value: '{{url}}', type: 'text' },
	{ name: 'author', value: '{{author}}', type: 'list' },
	{ name: 'published', value: '{{published}}', type: 'date' },
	{ name: 'created', value: '{{created}}', type: 'date' },
	{ name: 'description', value: '{{truncate description 300}}', type: 'text' },
	{ name: 'tags', value: 'youtube, {{tags}}', type: 'list' },
	{ name: 'entities', value: '{{entityNames}}', type: 'list' },
	{ name: 'duration', value: '{{durationClock}}', type: 'text' },
	{ name: 'language', value: '{{language}}', type: 'text' },
	{ name: 'image', value: '{{thumbnail}}', type: 'text' },
];

/** The properties the plugin writes itself, on top of the user's: a user's property of that name is not written. */
export const RESERVED_PROPERTIES: readonly string[] = ['youtube_id', 'source_note', 'digest_warnings'];

/** The properties the plugin itself relies on (re-runs find a digest by its video id). */
export interface BuiltInProperties {
	youtube_id: string;
	source_note: string | null;
	/** What the content check reported, so weak digests can be found in Bases; written only when there is any. */
	digest_warnings?: string[];
	/** Links the plugin made for property values (the channel note in `author`); kept as links. */
	links?: string[];
}

/**
 * Values rendered from the expressions (without Markdown escaping: they are quoted as YAML instead), then
 * typed: lists split on commas and line breaks, dates checked, empty values written as empty.
 */
export function renderProperties(
	specs: PropertySpec[],
	context: object,
	renderRaw: (source: string, context: object) => string,
	builtIns: BuiltInProperties,
): Record<string, PropertyValue> {
	// A map, not an object: a property named `links`, `constructor` or `__proto__` is the user's like any other.
	const properties = new Map<string, PropertyValue>();
	for (const spec of specs) {
		const name = spec.name.trim();
		if (!name || RESERVED_PROPERTIES.includes(name)) continue;
		const own = [...(builtIns.links ?? []), ...(spec.value.match(/\[\[[^{}[\]]*\]\]/g) ?? [])];
		const value = typed(withoutForeignLinks(renderRaw(spec.value, context), own), spec.type);
		// An empty value is left out rather than written as an empty key.
		if (value !== null && !(Array.isArray(value) && value.length === 0)) properties.set(name, value);
	}
	properties.set('youtube_id', builtIns.youtube_id);
	if (builtIns.source_note) properties.set('source_note', builtIns.source_note);
	if (builtIns.digest_warnings?.length) properties.set('digest_warnings', builtIns.digest_warnings);
	return Object.fromEntries(properties);
}

/**
 * Untrusted text (a title, a channel name, model output) never forms a link in a property: every `[[` or
 * `]]` is broken up (`[ [`), except in the links the plugin made and the ones written in the property's
 * own template.
 */
function withoutForeignLinks(text: string, ownLinks: string[]): string {
	const own = ownLinks.filter(Boolean);
	const pattern = own.map((link) => link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
	const parts = own.length > 0 ? text.split(new RegExp(`(${pattern})`)) : [text];
	return parts
		.map((part) => (own.includes(part) ? part : part.replace(/\[(?=\[)/g, '[ ').replace(/\](?=\])/g, '] ')))
		.join('');
}

function typed(rendered: string, type: PropertyType): PropertyValue {
	const text = collapseWhitespace(rendered);
	switch (type) {
		case 'list':
			return [
				...new Set(
					rendered
						.split(/\s*[,\n]\s*/)
						.map((item) => item.trim())
						.filter(Boolean),
				),
			];
		case 'date':
			return text === '' ? null : parseDate(text) ? { date: text } : text;
		case 'number':
			return text === '' || !Number.isFinite(Number(text)) ? null : Number(text);
		case 'checkbox':
			return text === '' ? null : text.toLowerCase() === 'true';
		default:
			return text === '' ? null : text;
	}
}
