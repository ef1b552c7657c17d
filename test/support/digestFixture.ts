import type { DigestData } from '../../src/core/digest';
import { TranscriptRecord } from '../../src/core/digestArchive';
import { groupIntoParagraphs } from '../../src/core/transcript/paragraphs';
import { VideoInfo } from '../../src/core/youtube/videoInfo';
import { syntheticCues } from './syntheticTranscript';

export const VIDEO_ID = 'Tablet12345';

/** A ten-minute video with two chapters and a synthetic transcript (generated text, no recording). */
export function videoRecord(overrides: Partial<VideoInfo> = {}): TranscriptRecord {
	const info: VideoInfo = {
		id: VIDEO_ID,
		url: `https://www.youtube.com/watch?v=${VIDEO_ID}`,
		title: 'Tablet review: worth it?',
		channel: { name: 'Gadget Channel', id: 'UCgadget', url: 'https://www.youtube.com/channel/UCgadget' },
		durationSeconds: 600,
		description: 'A review of a tablet.',
		thumbnail: '',
		keywords: [],
		published: '2026-01-15',
		chapters: [
			{ title: 'Intro', startSeconds: 0 },
			{ title: 'Verdict', startSeconds: 300 },
		],
		isLive: false,
		...overrides,
	};
	const segments = syntheticCues({ durationSeconds: 600, seed: 3 });
	return { info, transcript: { segments, languageCode: 'en', isGenerated: false } };
}

/** The data of a transcript digest of that video: what a run makes before anything is written. */
export function transcriptDigestData(overrides: Partial<VideoInfo> = {}): DigestData {
	const { info, transcript } = videoRecord(overrides);
	return {
		info,
		transcript,
		paragraphs: groupIntoParagraphs(transcript.segments, info.chapters),
		digest: null,
		model: '',
		outputLanguage: 'en',
		usage: null,
		cost: null,
		llmCalls: 0,
		llmRounds: 0,
		clientName: '',
	};
}
