import { estimateTokens } from '../../../src/core/llm/tokenEstimate';
import { splitIntoChunks } from '../../../src/core/transcript/chunking';
import { groupIntoParagraphs, Paragraph } from '../../../src/core/transcript/paragraphs';
import { syntheticCues } from '../../support/syntheticTranscript';

const tokensOf = (paragraph: Paragraph) => estimateTokens(paragraph.text);

function paragraphsFor(durationSeconds: number, chapters: { startSeconds: number; title: string }[] = []) {
	const segments = syntheticCues({ durationSeconds, seed: 3 });
	return groupIntoParagraphs(segments, chapters);
}

describe('splitIntoChunks', () => {
	it('keeps a transcript that fits the budget whole', () => {
		const paragraphs = paragraphsFor(600);
		expect(splitIntoChunks(paragraphs, [], 100_000, tokensOf)).toHaveLength(1);
	});

	it.each([2_000, 5_000, 12_000, 25_000])(
		'puts every paragraph in exactly one chunk, in order, under a %i-token budget',
		(budget) => {
			const paragraphs = paragraphsFor(10_800);
			const chunks = splitIntoChunks(paragraphs, [], budget, tokensOf);
			expect(chunks.flatMap((chunk) => chunk.paragraphs)).toEqual(paragraphs);
			for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(budget);
			// As few chunks as whole paragraphs allow: the exact minimum, or one more when sizes cannot pack tighter.
			const total = paragraphs.reduce((sum, paragraph) => sum + tokensOf(paragraph), 0);
			expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(total / budget));
			expect(chunks.length).toBeLessThanOrEqual(Math.ceil(total / budget) + 1);
		},
	);

	it('makes chunks of similar size', () => {
		const chunks = splitIntoChunks(paragraphsFor(10_800), [], 12_000, tokensOf);
		const sizes = chunks.map((chunk) => chunk.tokens);
		expect(Math.max(...sizes) / Math.min(...sizes)).toBeLessThan(1.7);
	});

	it('cuts where chapters start when chapters are near the right size', () => {
		const chapters = [
			{ startSeconds: 0, title: 'One' },
			{ startSeconds: 1250, title: 'Two' },
			{ startSeconds: 2400, title: 'Three' },
		];
		const paragraphs = paragraphsFor(3600, chapters);
		const total = paragraphs.reduce((sum, paragraph) => sum + tokensOf(paragraph), 0);
		const chunks = splitIntoChunks(paragraphs, chapters, Math.ceil(total / 2.6), tokensOf);
		const firstParagraphFrom = (seconds: number) =>
			paragraphs.find((paragraph) => paragraph.start >= seconds)?.start;
		expect(chunks.map((chunk) => chunk.start)).toEqual([0, 1250, 2400].map(firstParagraphFrom));
	});

	it('never cuts or drops a paragraph larger than the budget', () => {
		const paragraphs = [
			{ start: 0, end: 10, text: 'short one' },
			{ start: 10, end: 100, text: 'word '.repeat(2000) },
			{ start: 100, end: 110, text: 'short two' },
		];
		const chunks = splitIntoChunks(paragraphs, [], 500, tokensOf);
		expect(chunks.flatMap((chunk) => chunk.paragraphs)).toEqual(paragraphs);
		expect(chunks.some((chunk) => chunk.paragraphs.length === 1 && chunk.paragraphs[0] === paragraphs[1])).toBe(
			true,
		);
	});
});
