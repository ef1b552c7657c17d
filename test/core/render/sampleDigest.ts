import { Digest } from '../../../src/core/llm/grounding';
import { buildDigestContext, DigestContext } from '../../../src/core/render/digestContext';
import { Transcript } from '../../../src/core/youtube/transcriptSession';
import { VideoInfo } from '../../../src/core/youtube/videoInfo';

/** A small digest in the shape the pipeline produces, for rendering tests. */
export const sampleInfo: VideoInfo = {
	id: 'GJLlxj_dtq8',
	url: 'https://www.youtube.com/watch?v=GJLlxj_dtq8',
	title: 'Surface Go Review - It’s Awesome',
	channel: {
		name: 'Dave2D',
		id: 'UCVYamHliCI9rw1tHR1xbkfw',
		url: 'https://www.youtube.com/channel/UCVYamHliCI9rw1tHR1xbkfw',
	},
	durationSeconds: 316,
	description: 'A review of a small tablet.',
	thumbnail: 'https://i.ytimg.com/vi/GJLlxj_dtq8/hqdefault.jpg',
	keywords: [],
	published: null,
	chapters: [],
	isLive: false,
};

export const sampleTranscript: Transcript = {
	segments: [
		{ start: 0, duration: 40, text: 'The tablet is small.' },
		{ start: 40, duration: 80, text: 'The keyboard is good.' },
	],
	languageCode: 'en',
	isGenerated: false,
};

export const sampleDigest: Digest = {
	tldr: 'A small tablet that works.',
	summary: 'The reviewer likes it.',
	insights: [
		{ emoji: '🤔', text: 'It is small.', seconds: 0 },
		{ emoji: '⌨️', text: 'The keyboard matters.', seconds: null },
	],
	questions: [{ question: 'Is it fast?', answer: 'Fast enough.', seconds: 40 }],
	sections: [
		{
			title: 'Design',
			seconds: 0,
			summary: 'Small and light.',
			questions: [{ question: 'Weight?', answer: 'Light.', seconds: 40 }],
		},
	],
	takeaways: ['Buy the keyboard.'],
	tags: ['tablets'],
	entities: [{ name: 'Microsoft', type: 'organization' }],
};

/** The sample transcript as paragraphs, one per caption line. */
export const sampleParagraphs = sampleTranscript.segments.map((segment) => ({
	start: segment.start,
	end: segment.start + segment.duration,
	text: segment.text,
}));

/** A digest whose every text field is `text` (for hostile-input tests). */
export function digestOfText(text: string): Digest {
	return {
		...sampleDigest,
		tldr: text,
		summary: text,
		insights: [{ emoji: '🤔', text, seconds: 0 }],
		questions: [{ question: text, answer: text, seconds: null }],
		sections: [
			{ title: text, seconds: 0, summary: text, questions: [{ question: text, answer: text, seconds: 0 }] },
		],
		takeaways: [text],
	};
}

/** The sample video with `text` as its title, channel name and description. */
export function infoOfText(text: string): VideoInfo {
	return { ...sampleInfo, title: text, channel: { ...sampleInfo.channel, name: text }, description: text };
}

/** The sample digest's template context as a run on 25 November 2026 at 9:30 makes it, for `outputLanguage`. */
export function realisticContext(outputLanguage = ''): DigestContext {
	return buildDigestContext({
		info: sampleInfo,
		transcript: sampleTranscript,
		paragraphs: sampleParagraphs,
		digest: sampleDigest,
		sourceNoteLink: '[[Watch later]]',
		created: new Date(2026, 10, 25, 9, 30),
		model: 'gpt-4.1-mini',
		outputLanguage,
		timestampStyle: 'youtube',
		usage: { inputTokens: 1200, outputTokens: 300 },
		cost: 0.00096,
	});
}
