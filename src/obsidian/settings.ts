import type { DigestOptions, Placement, WebOptions } from '../core/digest';
import {
	DEFAULT_BASE_URL,
	DEFAULT_CHANNEL_FOLDER,
	DEFAULT_MODEL,
	DEFAULT_OUTPUT_FOLDER,
	DEFAULT_WEB_OPTIONS,
	digestOptions,
} from '../core/defaults';
import { StructuredMode } from '../core/llm/openaiChatModel';
import type { EntityLinkMode } from '../core/digest';
import { ModelPrice } from '../core/llm/pricing';
import { PropertySpec } from '../core/render/properties';
import { DEFAULT_PRESET } from '../core/render/presets';
import { DEFAULT_FILE_NAME_PATTERN } from '../core/notes/fileNamePattern';
import { TimestampStyle } from '../core/render/timestampStyle';
import { DEFAULT_INNERTUBE_CLIENTS, InnertubeClient } from '../core/youtube/innertubeClients';
import { Reader, SETTINGS_SCHEMA } from './settingsSchema';

/** data.json. The API key itself is never here: only the name of the secret that holds it. */
export interface YouTubeDigestSettings {
	baseUrl: string;
	model: string;
	/** Name of the secret in Obsidian's secret storage. */
	apiKeySecret: string;
	outputFolder: string;
	fileNamePattern: string;
	/** Empty: the language of the transcript. */
	outputLanguage: string;
	/** Caption languages in order of preference; empty: the spoken language. */
	transcriptLanguages: string[];
	timestampStyle: TimestampStyle;
	/** Vault folder whose Markdown files are templates too; empty for none. */
	templateFolder: string;
	/** A preset id (`digest`, `compact`, `study`, `transcript`) or the path of a template file. */
	defaultTemplate: string;
	/** Preset texts as edited in the settings, by preset id. */
	templateOverrides: Record<string, string>;
	/** The digest note's properties: name, template expression, type. */
	properties: PropertySpec[];
	openDigest: boolean;
	/** Channel notes in `channelFolder`, each listing its digests. */
	channelNotes: boolean;
	channelFolder: string;
	/** People and concepts as links: to notes that exist, always, or never. */
	entityLinks: EntityLinkMode;
	/** Related digests listed in each digest; 0 for none. */
	relatedLimit: number;
	/** Where a digest goes: a note of its own, below the link in the note, or at the cursor. */
	placement: Placement;
	/** Most input tokens per model call; 0 lets the plugin choose by server. */
	inputBudgetTokens: number;
	/** Parts of a long video summarized at once. */
	concurrency: number;
	/** Ask before a run estimated to cost more than this many dollars; negative never asks. */
	confirmAboveCost: number;
	/** Dollars per million input and output tokens, by model. */
	prices: Record<string, ModelPrice>;
	/** The size the cache of transcripts and digests is kept under, in megabytes. */
	cacheLimitMb: number;
	/** How each server takes structured output, learnt when one refuses a JSON schema. */
	structuredModes: Record<string, StructuredMode>;
	/** The YouTube client that worked last, tried first next time. */
	lastWorkingClient: string;
	/** Replaces the built-in client list when YouTube changes which clients work. */
	innertubeClients: InnertubeClient[] | null;
}

/** What the settings tab and the commands need of the plugin, so neither depends on the plugin class. */
export interface SettingsHost {
	readonly settings: YouTubeDigestSettings;
	saveSettings(): Promise<void>;
	/** Aborts when the plugin is unloaded: every run in flight stops and writes nothing. */
	readonly lifetime: AbortSignal;
}

/** The run options' defaults, so that the plugin and the command line start from the same place. */
const RUN_DEFAULTS = digestOptions({ template: '' });

export const DEFAULT_SETTINGS: YouTubeDigestSettings = {
	baseUrl: DEFAULT_BASE_URL,
	model: DEFAULT_MODEL,
	apiKeySecret: 'openai-api-key',
	outputFolder: DEFAULT_OUTPUT_FOLDER,
	fileNamePattern: DEFAULT_FILE_NAME_PATTERN,
	outputLanguage: RUN_DEFAULTS.outputLanguage,
	transcriptLanguages: RUN_DEFAULTS.transcriptLanguages,
	timestampStyle: RUN_DEFAULTS.timestampStyle,
	templateFolder: '',
	defaultTemplate: DEFAULT_PRESET,
	templateOverrides: {},
	properties: RUN_DEFAULTS.properties,
	openDigest: true,
	channelNotes: true,
	channelFolder: DEFAULT_CHANNEL_FOLDER,
	entityLinks: DEFAULT_WEB_OPTIONS.entityLinks,
	relatedLimit: DEFAULT_WEB_OPTIONS.relatedLimit,
	placement: DEFAULT_WEB_OPTIONS.placement,
	inputBudgetTokens: RUN_DEFAULTS.inputBudgetTokens,
	concurrency: RUN_DEFAULTS.concurrency,
	confirmAboveCost: 0.1,
	prices: RUN_DEFAULTS.prices,
	cacheLimitMb: 100,
	structuredModes: {},
	lastWorkingClient: '',
	innertubeClients: null,
};

/**
 * Saved data from any earlier version, made whole: unknown keys dropped, and each value checked against
 * the schema; a wrong type, an unknown choice or an out-of-range number falls back to its default.
 */
const SCHEMA: { [K in keyof YouTubeDigestSettings]: Reader<YouTubeDigestSettings[K]> } = SETTINGS_SCHEMA;

export function readSettings(saved: unknown): YouTubeDigestSettings {
	const data = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
	const settings: YouTubeDigestSettings = structuredClone(DEFAULT_SETTINGS);
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof YouTubeDigestSettings)[]) {
		const value: unknown = SCHEMA[key](data[key]);
		if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
	}
	return settings;
}

export function activeClients(settings: YouTubeDigestSettings): InnertubeClient[] {
	return settings.innertubeClients && settings.innertubeClients.length > 0
		? settings.innertubeClients
		: DEFAULT_INNERTUBE_CLIENTS;
}

export function webOptions(settings: YouTubeDigestSettings): WebOptions {
	return {
		channelFolder: settings.channelNotes ? settings.channelFolder : null,
		entityLinks: settings.entityLinks,
		relatedLimit: settings.relatedLimit,
		placement: settings.placement,
	};
}

/** A run's options from the settings, with the template text already loaded. */
export function digestOptionsFrom(settings: YouTubeDigestSettings, template: string): DigestOptions {
	return digestOptions({
		outputFolder: settings.outputFolder,
		fileNamePattern: settings.fileNamePattern,
		transcriptLanguages: settings.transcriptLanguages,
		outputLanguage: settings.outputLanguage,
		timestampStyle: settings.timestampStyle,
		template,
		properties: settings.properties,
		innertubeClients: activeClients(settings),
		preferredClient: settings.lastWorkingClient,
		inputBudgetTokens: settings.inputBudgetTokens,
		concurrency: settings.concurrency,
		prices: settings.prices,
		web: webOptions(settings),
	});
}
