import { Digest } from '../llm/grounding';
import { Paragraph } from '../transcript/paragraphs';
import { formatClockDuration, formatTimestamp } from '../transcript/timestamps';
import { Transcript } from '../youtube/transcriptSession';
import { VideoInfo } from '../youtube/videoInfo';
import { formatDate } from './dateFormat';
import { TimestampStyle } from './timestampStyle';

/**
 * Everything a template can use, flat and camelCase like the Web Clipper's variables. Every documented
 * variable is always present (null or empty when unknown), because templates compile in strict mode.
 */
export interface DigestContext {
	title: string;
	url: string;
	videoId: string;
	channel: string;
	channelUrl: string;
	published: string | null;
	duration: string;
	/** `HH:MM:SS`, readable and sortable as text. */
	durationClock: string;
	durationSeconds: number;
	thumbnail: string;
	description: string;
	/** Each chapter with the transcript paragraphs it holds. */
	chapters: { title: string; seconds: number; transcript: TranscriptParagraph[] }[];
	language: string;
	tldr: string;
	summary: string;
	insights: Digest['insights'];
	questions: Digest['questions'];
	sections: Digest['sections'];
	takeaways: string[];
	tags: string[];
	entities: Digest['entities'];
	transcript: TranscriptParagraph[];
	/** A link to the note the video came from, made by the plugin (use `{{{sourceNote}}}`), or ''. */
	sourceNote: string;
	/** The `author` property's value: a link to the channel note when there is one, else the channel's name. */
	author: string;
	/** A link to the channel note (use `{{{channelNote}}}`), or '' when channel notes are off. */
	channelNote: string;
	/** The entities as a Markdown list, linked to notes that exist (use `{{{entityList}}}`), or ''. */
	entityList: string;
	/** Entity names separated by commas, for a list property. */
	entityNames: string;
	/** Related digests as a Markdown list of links, best first (use `{{{related}}}`), or ''. */
	related: string;
	created: string;
	model: string;
	/** Tokens the model calls took and what they cost in dollars; null when unknown or without a model. */
	inputTokens: number | null;
	outputTokens: number | null;
	cost: number | null;
	timestampStyle: TimestampStyle;
}

export interface TranscriptParagraph {
	seconds: number;
	text: string;
}

export interface ContextInput {
	info: VideoInfo;
	transcript: Transcript;
	paragraphs: Paragraph[];
	digest: Digest | null;
	sourceNoteLink: string;
	/** The day the digest was first made (kept when it is rendered again). */
	created: Date;
	model: string;
	outputLanguage: string;
	timestampStyle: TimestampStyle;
	usage?: { inputTokens: number; outputTokens: number } | null;
	cost?: number | null;
	web?: WebContext;
}

/** What links the digest into the vault, computed by the writer from the vault's notes. */
export interface WebContext {
	author: string;
	channelNote: string;
	entityList: string;
	related: string;
}

export function buildDigestContext(input: ContextInput): DigestContext {
	const { info, digest } = input;
	const transcript = input.paragraphs.map((paragraph) => ({ seconds: paragraph.start, text: paragraph.text }));
	return {
		title: info.title,
		url: info.url,
		videoId: info.id,
		channel: info.channel.name,
		channelUrl: info.channel.url,
		published: info.published,
		duration: formatTimestamp(info.durationSeconds),
		durationClock: formatClockDuration(info.durationSeconds),
		durationSeconds: info.durationSeconds,
		thumbnail: info.thumbnail,
		description: info.description,
		chapters: info.chapters.map((chapter, index) => ({
			title: chapter.title,
			seconds: chapter.startSeconds,
			transcript: transcript.filter(
				(paragraph) =>
					paragraph.seconds >= chapter.startSeconds &&
					paragraph.seconds < (info.chapters[index + 1]?.startSeconds ?? Infinity),
			),
		})),
		language: input.outputLanguage || input.transcript.languageCode,
		tldr: digest?.tldr ?? '',
		summary: digest?.summary ?? '',
		insights: digest?.insights ?? [],
		questions: digest?.questions ?? [],
		sections: digest?.sections ?? [],
		takeaways: digest?.takeaways ?? [],
		tags: digest?.tags ?? [],
		entities: digest?.entities ?? [],
		transcript,
		sourceNote: input.sourceNoteLink,
		author: input.web?.author || info.channel.name,
		channelNote: input.web?.channelNote ?? '',
		entityList: input.web?.entityList ?? '',
		entityNames: (digest?.entities ?? []).map((entity) => entity.name.replace(/,/g, ' ')).join(', '),
		related: input.web?.related ?? '',
		created: formatDate(input.created, 'YYYY-MM-DD'),
		model: input.model,
		inputTokens: input.usage?.inputTokens ?? null,
		outputTokens: input.usage?.outputTokens ?? null,
		cost: input.cost === null || input.cost === undefined ? null : Math.round(input.cost * 1e6) / 1e6,
		timestampStyle: input.timestampStyle,
	};
}
