import { TimestampStyle } from '../core/render/templateHelpers';
import { DEFAULT_INNERTUBE_CLIENTS, InnertubeClient } from '../core/youtube/innertubeClients';

/** data.json. The API key itself is never here: only the name of the secret that holds it. */
export interface YouTubeDigestSettings {
	baseUrl: string;
	model: string;
	/** Name of the secret in Obsidian's secret storage. */
	apiKeySecret: string;
	outputFolder: string;
	/** Empty: the language of the transcript. */
	outputLanguage: string;
	/** Caption languages in order of preference; empty: the spoken language. */
	transcriptLanguages: string[];
	timestampStyle: TimestampStyle;
	openDigest: boolean;
	/** The YouTube client that worked last, tried first next time. */
	lastWorkingClient: string;
	/** Replaces the built-in client list when YouTube changes which clients work. */
	innertubeClients: InnertubeClient[] | null;
}

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export const DEFAULT_SETTINGS: YouTubeDigestSettings = {
	baseUrl: OPENAI_BASE_URL,
	model: 'gpt-4.1-mini',
	apiKeySecret: 'openai-api-key',
	outputFolder: 'YouTube digests',
	outputLanguage: '',
	transcriptLanguages: [],
	timestampStyle: 'youtube',
	openDigest: true,
	lastWorkingClient: '',
	innertubeClients: null,
};

/** Saved data from any earlier version, made whole: unknown keys dropped, wrong types replaced by defaults. */
export function readSettings(saved: unknown): YouTubeDigestSettings {
	const data = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
	const settings: YouTubeDigestSettings = { ...DEFAULT_SETTINGS, transcriptLanguages: [] };
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof YouTubeDigestSettings)[]) {
		const value = data[key];
		if (value === undefined) continue;
		const fallback = DEFAULT_SETTINGS[key];
		const sameType = Array.isArray(fallback) ? Array.isArray(value) : fallback === null || typeof value === typeof fallback;
		if (sameType) (settings as unknown as Record<string, unknown>)[key] = value;
	}
	return settings;
}

export function activeClients(settings: YouTubeDigestSettings): InnertubeClient[] {
	return settings.innertubeClients && settings.innertubeClients.length > 0 ? settings.innertubeClients : DEFAULT_INNERTUBE_CLIENTS;
}
