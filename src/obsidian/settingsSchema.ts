import type { EntityLinkMode, Placement } from '../core/digest';
import type { StructuredMode } from '../core/llm/openaiChatModel';
import type { ModelPrice } from '../core/llm/pricing';
import type { PropertySpec, PropertyType } from '../core/render/properties';
import { TIMESTAMP_STYLES } from '../core/render/timestampStyle';
import type { InnertubeClient } from '../core/youtube/innertubeClients';

/**
 * data.json is read key by key against this schema: a value of the wrong type, out of range or unknown
 * falls back to its default, so a hand-edited or corrupted file costs that setting, never the plugin.
 * Each reader returns the checked value, or undefined for "use the default".
 */
export type Reader<T> = (value: unknown) => T | undefined;

const text: Reader<string> = (value) => (typeof value === 'string' ? value : undefined);
const flag: Reader<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);

function oneOf<T extends string>(values: readonly T[]): Reader<T> {
	return (value) => (values.includes(value as T) ? (value as T) : undefined);
}

function numberIn(min: number, max: number): Reader<number> {
	return (value) =>
		typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

function listOf<T>(item: Reader<T>): Reader<T[]> {
	return (value) => {
		if (!Array.isArray(value)) return undefined;
		return value.map(item).filter((checked): checked is T => checked !== undefined);
	};
}

function recordOf<T>(item: Reader<T>): Reader<Record<string, T>> {
	return (value) => {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
		const entries = Object.entries(value).map(([key, entry]) => [key, item(entry)] as const);
		return Object.fromEntries(entries.filter(([, checked]) => checked !== undefined)) as Record<string, T>;
	};
}

function objectOf<T>(fields: { [K in keyof T]: Reader<T[K]> }): Reader<T> {
	return (value) => {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
		const checked: Partial<T> = {};
		for (const key of Object.keys(fields) as (keyof T)[]) {
			const field = fields[key]((value as Record<keyof T, unknown>)[key]);
			if (field === undefined) return undefined;
			checked[key] = field;
		}
		return checked as T;
	};
}

const PROPERTY_TYPES: PropertyType[] = ['text', 'list', 'date', 'number', 'checkbox'];
const price = objectOf<ModelPrice>({ input: numberIn(0, 1e6), output: numberIn(0, 1e6) });
const property = objectOf<PropertySpec>({ name: text, value: text, type: oneOf(PROPERTY_TYPES) });
const contextValue: Reader<string | number> = (value) =>
	typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : undefined;
const innertubeClient = objectOf<InnertubeClient>({
	name: text,
	id: numberIn(0, 1e6),
	version: text,
	userAgent: text,
	context: recordOf(contextValue),
});
/** `null` is the setting's own value (the built-in list); a list with no valid client falls back to it too. */
const innertubeClients: Reader<InnertubeClient[] | null> = (value) => {
	const clients = listOf(innertubeClient)(value);
	return clients && clients.length > 0 ? clients : undefined;
};

/** One reader per key of data.json; settings.ts checks that it covers every setting with the right type. */
export const SETTINGS_SCHEMA = {
	baseUrl: (value) =>
		typeof value === 'string' && /^https?:\/\/\S+$/i.test(value.trim()) ? value.trim() : undefined,
	model: (value) => (typeof value === 'string' && value.trim() ? value.trim() : undefined),
	apiKeySecret: text,
	outputFolder: text,
	fileNamePattern: (value) => (typeof value === 'string' && value.trim() ? value : undefined),
	outputLanguage: text,
	transcriptLanguages: listOf(text),
	timestampStyle: oneOf(TIMESTAMP_STYLES),
	templateFolder: text,
	defaultTemplate: (value) => (typeof value === 'string' && value.trim() ? value : undefined),
	templateOverrides: recordOf(text),
	properties: listOf(property),
	openDigest: flag,
	channelNotes: flag,
	channelFolder: text,
	entityLinks: oneOf<EntityLinkMode>(['existing', 'always', 'never']),
	relatedLimit: numberIn(0, 100),
	placement: oneOf<Placement>(['note', 'below-link', 'cursor']),
	inputBudgetTokens: numberIn(0, 10_000_000),
	concurrency: numberIn(1, 32),
	confirmAboveCost: numberIn(-1, 1e6),
	prices: recordOf(price),
	cacheLimitMb: numberIn(0, 100_000),
	structuredModes: recordOf(oneOf<StructuredMode>(['json_schema', 'json_object', 'instructions'])),
	lastWorkingClient: text,
	innertubeClients,
} satisfies Record<string, Reader<unknown>>;
