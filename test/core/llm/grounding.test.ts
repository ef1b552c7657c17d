import { ModelDigest } from '../../../src/core/llm/digestSchema';
import { cleanEmoji, groundDigest, groundTimestamp, normalizeTags } from '../../../src/core/llm/grounding';

const starts = [0.5, 12.2, 31.04, 65, 3700];

describe('groundTimestamp', () => {
	it('snaps a time to the start of the segment playing then', () => {
		expect(groundTimestamp('0:31', starts, 4000)).toBe(31.04);
		expect(groundTimestamp('[0:40]', starts, 4000)).toBe(31.04);
		expect(groundTimestamp('1:05', starts, 4000)).toBe(65);
		expect(groundTimestamp('1:01:40', starts, 4000)).toBe(3700);
		expect(groundTimestamp('65s', starts, 4000)).toBe(65);
		expect(groundTimestamp('13', starts, 4000)).toBe(12.2);
	});

	it('puts a time before the first segment on the first segment', () => {
		expect(groundTimestamp('0:00', starts, 4000)).toBe(0.5);
	});

	it('drops references past the end of the video or without a time', () => {
		expect(groundTimestamp('2:00:00', starts, 4000)).toBeNull();
		expect(groundTimestamp('S12', starts, 4000)).toBeNull();
		expect(groundTimestamp('', starts, 4000)).toBeNull();
		expect(groundTimestamp('somewhere in the middle', starts, 4000)).toBeNull();
	});

	it('drops a negative time instead of reading it as the time without its sign', () => {
		expect(groundTimestamp('-0:31', starts, 4000)).toBeNull();
		expect(groundTimestamp('[-1:05]', starts, 4000)).toBeNull();
		expect(groundTimestamp('0:31-1:05', starts, 4000)).toBe(31.04);
	});
});

describe('cleanEmoji', () => {
	it.each(['🚀', '⚖️', '👍🏽', '🇺🇸', '👨‍👩‍👧', '✅'])('keeps the emoji %s', (emoji) => {
		expect(cleanEmoji(` ${emoji} `)).toBe(emoji);
	});

	it.each(['!!', '->', ':)', '—', '**', '...', '#', '[[', '1️⃣', 'rocket', ''])(
		'puts 💡 for %p, which is no emoji',
		(text) => {
			expect(cleanEmoji(text)).toBe('💡');
		},
	);
});

describe('groundDigest', () => {
	const digest: ModelDigest = {
		tldr: ' Short. ',
		summary: 'Para.',
		insights: [
			{ emoji: '🤔', text: 'Real point', at: '0:13' },
			{ emoji: 'idea', text: 'Second point', at: '9:99:99' },
			{ emoji: '⚖️', text: '   ', at: '0:00' },
		],
		questions: [{ question: 'Why?', answer: 'Because.', at: '1:05' }],
		sections: [
			{ title: 'Start', at: '0:00', summary: 'S.', questions: [{ question: 'Q?', answer: 'A.', at: 'nope' }] },
		],
		takeaways: ['Do it', ' '],
		tags: ['Machine Learning', '#AI', '2024', 'ai'],
		entities: [
			{ name: 'Ada Lovelace', type: 'person' },
			{ name: 'ada lovelace', type: 'person' },
		],
	};
	const segments = starts.map((start) => ({ start, duration: 1, text: 'x' }));

	it('resolves every reference, never keeping raw model text as a time', () => {
		const grounded = groundDigest(digest, segments, 4000);
		expect(grounded.insights).toEqual([
			{ emoji: '🤔', text: 'Real point', seconds: 12.2 },
			{ emoji: '💡', text: 'Second point', seconds: null },
		]);
		expect(grounded.questions[0].seconds).toBe(65);
		expect(grounded.sections[0]).toEqual({
			title: 'Start',
			seconds: 0.5,
			summary: 'S.',
			questions: [{ question: 'Q?', answer: 'A.', seconds: null }],
		});
		expect(grounded.tldr).toBe('Short.');
		expect(grounded.takeaways).toEqual(['Do it']);
		expect(grounded.entities).toEqual([{ name: 'Ada Lovelace', type: 'person' }]);
	});

	it('makes tags valid Obsidian tags', () => {
		expect(normalizeTags(['Machine Learning', '#AI', '2024', 'ai', 'c++', 'q&a'])).toEqual([
			'machine-learning',
			'ai',
			'c',
			'qa',
		]);
	});
});
