import { Digest } from '../llm/grounding';
import { Paragraph } from '../transcript/paragraphs';
import { formatClockDuration, formatTimestamp } from '../transcript/timestamps';
import { Transcript } from '../youtube/transcriptSession';
import { VideoInfo } from '../youtube/videoInfo';
import { PropertyValue } from './frontmatter';
import { TimestampStyle } from './templateHelpers';

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
	created: string;
	model: string;
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
	created: Date;
	model: string;
	outputLanguage: string;
	timestampStyle: TimestampStyle;
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
		durationSeconds: info.durationSeconds,
		thumbnail: info.thumbnail,
		description: info.description,
		chapters: info.chapters.map((chapter, index) => ({
			title: chapter.title,
			seconds: chapter.startSeconds,
			transcript: transcript.filter(
				(paragraph) => paragraph.seconds >= chapter.startSeconds && paragraph.seconds < (info.chapters[index + 1]?.startSeconds ?? Infinity),
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
		created: localDate(input.created),
		model: input.model,
		timestampStyle: input.timestampStyle,
	};
}

/**
 * The digest note's properties, with the Web Clipper's names where they overlap (title, source, author,
 * published, created, description, tags) and the video's own facts under names of their own.
 */
export function buildDigestProperties(context: DigestContext, sourceNoteProperty: string): Record<string, PropertyValue> {
	return {
		title: context.title,
		source: context.url,
		author: context.channel,
		channel_url: context.channelUrl,
		published: context.published ? { date: context.published } : null,
		created: { date: context.created },
		description: firstSentences(context.description, 300),
		tags: ['youtube', ...context.tags.filter((tag) => tag !== 'youtube')],
		youtube_id: context.videoId,
		duration: formatClockDuration(context.durationSeconds),
		source_note: sourceNoteProperty || null,
		model: context.model || null,
		language: context.language,
	};
}

function firstSentences(text: string, maxLength: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= maxLength) return flat;
	const cut = flat.slice(0, maxLength);
	const sentenceEnd = cut.lastIndexOf('. ');
	return sentenceEnd > maxLength / 2 ? cut.slice(0, sentenceEnd + 1) : `${cut.trimEnd()}…`;
}

function localDate(date: Date): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
