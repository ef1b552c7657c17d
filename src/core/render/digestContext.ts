import { Digest } from '../llm/grounding';
import { groupIntoParagraphs, Paragraph } from '../transcript/paragraphs';
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
	/**
	 * The transcript for reading: under each chapter, or under ranges of about five minutes (`0:00–5:00`)
	 * when the video has no chapters, in short paragraphs.
	 */
	transcriptParts: { title: string; seconds: number; label: string; transcript: TranscriptParagraph[] }[];
	/** What the content check fixed by dropping something or could not fix; empty for a clean digest. */
	warnings: string[];
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
	warnings?: string[];
}

/** Short enough to read and to find a moment in: the note's transcript, not the model's (which uses longer ones). */
const READING_PARAGRAPHS = { targetSeconds: 20, maxSeconds: 35 };
/** Without chapters the transcript is grouped into ranges of this length, so it still has an outline. */
const RANGE_SECONDS = 300;

/** What links the digest into the vault, computed by the writer from the vault's notes. */
export interface WebContext {
	author: string;
	channelNote: string;
	entityList: string;
	related: string;
}

export function buildDigestContext(input: ContextInput): DigestContext {
	const { info, digest } = input;
	const reading =
		input.transcript.segments.length > 0
			? groupIntoParagraphs(input.transcript.segments, info.chapters, READING_PARAGRAPHS)
			: input.paragraphs;
	const transcript = reading.map((paragraph) => ({ seconds: paragraph.start, text: paragraph.text }));
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
		transcriptParts: transcriptParts(transcript, info),
		warnings: input.warnings ?? [],
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

/** Chapters with their paragraphs, or five-minute ranges named by their times when there are no chapters. */
function transcriptParts(transcript: TranscriptParagraph[], info: VideoInfo): DigestContext['transcriptParts'] {
	const withHours = info.durationSeconds >= 3600;
	const starts =
		info.chapters.length > 0
			? info.chapters.map((chapter) => ({ title: chapter.title, seconds: chapter.startSeconds }))
			: rangeStarts(transcript, info.durationSeconds);
	return starts
		.map((start, index) => ({
			...start,
			// A chapter's title with its time (`Design · 1:05`); a range is its own label.
			label:
				info.chapters.length > 0
					? `${start.title} · ${formatTimestamp(start.seconds, withHours)}`
					: start.title,
			transcript: transcript.filter(
				(paragraph) =>
					paragraph.seconds >= start.seconds && paragraph.seconds < (starts[index + 1]?.seconds ?? Infinity),
			),
		}))
		.filter((part, index) => index === 0 || part.transcript.length > 0);
}

/** Ranges start where a paragraph does, so each range's title is a time that exists in the transcript. */
function rangeStarts(transcript: TranscriptParagraph[], durationSeconds: number): { title: string; seconds: number }[] {
	const withHours = durationSeconds >= 3600;
	const starts: number[] = [];
	for (const paragraph of transcript)
		if (starts.length === 0 || paragraph.seconds >= starts[starts.length - 1] + RANGE_SECONDS)
			starts.push(paragraph.seconds);
	const last = transcript[transcript.length - 1];
	return starts.map((seconds, index) => {
		const end =
			index + 1 < starts.length ? starts[index + 1] : durationSeconds || Math.ceil(last?.seconds ?? seconds);
		return { title: `${formatTimestamp(seconds, withHours)}–${formatTimestamp(end, withHours)}`, seconds };
	});
}
