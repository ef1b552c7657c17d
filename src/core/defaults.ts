import type { DigestOptions, WebOptions } from './digest';
import { DEFAULT_PRICES } from './llm/pricing';
import { PROVIDERS } from './llm/providers';
import { DEFAULT_PROPERTIES } from './render/properties';
import { DEFAULT_INNERTUBE_CLIENTS } from './youtube/innertubeClients';

/** Every default the plugin and the command line share, in one place. */
export const DEFAULT_PROVIDER = PROVIDERS[0];
export const DEFAULT_BASE_URL = DEFAULT_PROVIDER.baseUrl;
export const DEFAULT_MODEL = DEFAULT_PROVIDER.model;
export const DEFAULT_OUTPUT_FOLDER = 'YouTube digests';
export const DEFAULT_CHANNEL_FOLDER = 'YouTube channels';

/** A YouTube request that has not answered by then never will: the run says so instead of hanging. */
export const YOUTUBE_REQUEST_TIMEOUT_MS = 30_000;
/** The model's whole part of a run (every part, retries and the merge) ends by then. */
export const SUMMARY_DEADLINE_MS = 20 * 60_000;

export const DEFAULT_WEB_OPTIONS: WebOptions = {
	channelFolder: DEFAULT_CHANNEL_FOLDER,
	entityLinks: 'existing',
	relatedLimit: 5,
	placement: 'note',
};

/** The options of a run: the defaults, with what the caller (settings or flags) says instead. */
export function digestOptions(overrides: Partial<DigestOptions> & Pick<DigestOptions, 'template'>): DigestOptions {
	return {
		outputFolder: DEFAULT_OUTPUT_FOLDER,
		transcriptLanguages: [],
		outputLanguage: '',
		timestampStyle: 'youtube',
		properties: DEFAULT_PROPERTIES,
		innertubeClients: DEFAULT_INNERTUBE_CLIENTS,
		inputBudgetTokens: 0,
		concurrency: 4,
		prices: DEFAULT_PRICES,
		web: DEFAULT_WEB_OPTIONS,
		...overrides,
	};
}
