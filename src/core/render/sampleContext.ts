import { buildDigestContext, DigestContext } from './digestContext';
import { TimestampStyle } from './timestampStyle';

/** A made-up digest for previewing and checking templates in the settings, without a network call. */
export function sampleDigestContext(timestampStyle: TimestampStyle): DigestContext {
	const segments = [
		{ start: 0, duration: 42, text: 'Welcome to the garden. Today we plant tomatoes from seed.' },
		{ start: 42, duration: 95, text: 'Seeds need warmth to sprout, so keep the trays on a warm shelf.' },
		{ start: 137, duration: 120, text: 'Once they have two true leaves, move each seedling to its own pot.' },
		{ start: 257, duration: 103, text: 'Harden them off outside for a week before planting out.' },
	];
	return buildDigestContext({
		info: {
			id: 'aBcDeFgHiJk',
			url: 'https://www.youtube.com/watch?v=aBcDeFgHiJk',
			title: 'Growing tomatoes from seed',
			channel: { name: 'Sample Garden', id: 'UCsample', url: 'https://www.youtube.com/channel/UCsample' },
			durationSeconds: 360,
			description: 'How to grow tomatoes from seed, from sowing to planting out.',
			thumbnail: 'https://i.ytimg.com/vi/aBcDeFgHiJk/hqdefault.jpg',
			keywords: ['gardening'],
			published: '2026-04-01',
			chapters: [
				{ title: 'Sowing', startSeconds: 0 },
				{ title: 'Potting on', startSeconds: 137 },
				{ title: 'Planting out', startSeconds: 257 },
			],
			isLive: false,
		},
		transcript: { segments, languageCode: 'en', isGenerated: false },
		paragraphs: segments.map((segment) => ({
			start: segment.start,
			end: segment.start + segment.duration,
			text: segment.text,
		})),
		digest: {
			tldr: 'Tomatoes grow well from seed if they are kept warm, potted on early and hardened off.',
			summary: 'A short walk through sowing, potting on and planting out tomato seedlings.',
			insights: [
				{ emoji: '🌡️', text: 'Warmth, not light, makes the seeds sprout.', seconds: 42 },
				{ emoji: '🪴', text: 'Pot seedlings on at two true leaves.', seconds: 137 },
			],
			questions: [
				{ question: 'When do seedlings go outside?', answer: 'After a week of hardening off.', seconds: 257 },
			],
			sections: [
				{ title: 'Sowing', seconds: 0, summary: 'Sow in trays and keep them warm.', questions: [] },
				{
					title: 'Potting on',
					seconds: 137,
					summary: 'One seedling per pot.',
					questions: [{ question: 'Why pot on?', answer: 'To give roots room.', seconds: 137 }],
				},
			],
			takeaways: ['Keep seed trays warm.', 'Harden off before planting out.'],
			tags: ['gardening', 'tomatoes'],
			entities: [{ name: 'Tomato', type: 'concept' }],
		},
		sourceNoteLink: '[[Garden ideas]]',
		created: new Date(2026, 3, 2),
		model: 'sample-model',
		outputLanguage: 'en',
		timestampStyle,
	});
}
