import type { TokenUsage } from './llm/chatModel';
import type { Digest } from './llm/grounding';
import type { ModelPrice } from './llm/pricing';
import type { PropertySpec } from './render/properties';
import type { TimestampStyle } from './render/timestampStyle';
import type { Paragraph } from './transcript/paragraphs';
import type { TranscriptFile } from './transcript/subtitleFile';
import type { CaptionTrackPick } from './youtube/captionTrack';
import type { InnertubeClient } from './youtube/innertubeClients';
import type { Transcript } from './youtube/transcriptSession';
import type { VideoInfo } from './youtube/videoInfo';
import type { VideoRef } from './youtube/videoUrl';

/**
 * The digest's data, at the bottom of the digest floors: the pipeline fills it, the renderer, the note
 * writer and the archive read it. Plain data, nothing here does anything.
 */

export type DigestStage = 'fetching' | 'summarizing' | 'writing';

/** People and concepts as links: to notes that exist (by name or alias), always, or never. */
export type EntityLinkMode = 'existing' | 'always' | 'never';

/** Where a digest goes: a note of its own, or inside the note the link came from. */
export type Placement = 'note' | 'below-link' | 'cursor';

export interface WebOptions {
	/** Folder for channel notes; null for no channel notes. */
	channelFolder: string | null;
	entityLinks: EntityLinkMode;
	/** How many related digests to list; 0 for none. */
	relatedLimit: number;
	placement: Placement;
}

export interface RenderOptions {
	template: string;
	timestampStyle: TimestampStyle;
	properties: PropertySpec[];
}

export interface DigestOptions extends RenderOptions {
	outputFolder: string;
	/** A new digest's file name, with `{{title}}`, `{{channel}}`, `{{published}}`, `{{created}}`, `{{videoId}}`. */
	fileNamePattern?: string;
	/** Caption languages in order of preference; empty means the spoken language. */
	transcriptLanguages: string[];
	/** Language of the digest; empty means the transcript's. */
	outputLanguage: string;
	innertubeClients: InnertubeClient[];
	preferredClient?: string;
	/** Most input tokens per model call; 0 chooses by server (about 25k hosted, 6k local). */
	inputBudgetTokens: number;
	/** Parts of a long video summarized at once. */
	concurrency: number;
	prices: Record<string, ModelPrice>;
	/** Channel notes, entity links, related digests and where the digest goes. */
	web: WebOptions;
}

/** The note a link came from: it gets a link to the digest, and the digest links back to it. */
export interface SourceNote {
	/** Read when the note is written to: an adapter may give a getter that follows renames. */
	readonly path: string;
	/** The link as written, so the backlink goes right below this very link. */
	linkText?: string;
}

/** A transcript the user chose by hand: a subtitle file from the vault, or one of the video's caption tracks. */
export type TranscriptChoice = { file: TranscriptFile } | { track: CaptionTrackPick };

export interface DigestRequest {
	video: VideoRef;
	source?: SourceNote;
	options: DigestOptions;
	/** Absent: YouTube's captions in the preferred languages, else a subtitle file found for the video. */
	transcript?: TranscriptChoice;
}

/** What a run will cost, shown before calling when it is above the user's threshold. */
export interface CostEstimate {
	calls: number;
	inputTokens: number;
	outputTokens: number;
	/** Dollars, or null when the model's price is unknown. */
	cost: number | null;
}

/** Everything a digest note is made from, before anything is written. */
export interface DigestData {
	info: VideoInfo;
	transcript: Transcript;
	paragraphs: Paragraph[];
	/** Null for a transcript digest: metadata, chapters and the timestamped transcript, no summary. */
	digest: Digest | null;
	/** The model that wrote the digest; '' for a transcript digest. */
	model: string;
	outputLanguage: string;
	usage: TokenUsage | null;
	/** Dollars for the model calls, null when unknown or when no model was used. */
	cost: number | null;
	llmCalls: number;
	/** Sequential rounds of model calls (0 when the digest came from the cache). */
	llmRounds: number;
	clientName: string;
	/** What the content check removed or could not fix: said in the notice and in `digest_warnings`. */
	warnings?: string[];
}
