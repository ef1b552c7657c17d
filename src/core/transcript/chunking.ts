import { Chapter } from '../youtube/chapters';
import { Paragraph } from './paragraphs';

export interface TranscriptChunk {
	paragraphs: Paragraph[];
	/** Start of the first paragraph and end of the last, in seconds. */
	start: number;
	end: number;
	tokens: number;
}

/** A pause this long between two paragraphs is the best place to cut short of a chapter start. */
const GOOD_PAUSE_SECONDS = 4;
/** What a good boundary is worth against a chunk's distance from the ideal size (as a fraction of it). */
const CHAPTER_BONUS = 0.3;
const PAUSE_BONUS = 0.15;

/**
 * Paragraphs cut into as few chunks as the budget allows, of similar size, preferring to cut where a
 * chapter starts, then at a long pause. Every paragraph lands in exactly one chunk, in order; a paragraph
 * larger than the budget on its own becomes its own chunk rather than being cut or dropped.
 *
 * Dynamic programming over the places to cut: first the fewest chunks, then the least cost, where a chunk
 * costs its distance from the ideal size and a cut earns a bonus for a chapter start or a pause.
 */
export function splitIntoChunks(
	paragraphs: Paragraph[],
	chapters: Chapter[],
	budgetTokens: number,
	tokensOf: (paragraph: Paragraph) => number,
): TranscriptChunk[] {
	if (paragraphs.length === 0) return [];
	const sizes = paragraphs.map(tokensOf);
	const before = prefixSums(sizes);
	const total = before[paragraphs.length];
	if (total <= budgetTokens) return [chunkOf(paragraphs, sizes)];
	const target = total / Math.ceil(total / budgetTokens);
	const chapterStarts = chapters.map((chapter) => chapter.startSeconds);
	const bonus = (index: number) =>
		index === paragraphs.length ? 0 : boundaryBonus(paragraphs, index, chapterStarts);

	const best: { chunks: number; cost: number; previous: number }[] = [{ chunks: 0, cost: 0, previous: -1 }];
	for (let end = 1; end <= paragraphs.length; end++) {
		let choice = { chunks: Infinity, cost: Infinity, previous: end - 1 };
		for (let start = end - 1; start >= 0; start--) {
			const size = before[end] - before[start];
			if (size > budgetTokens && start < end - 1) break;
			const chunks = best[start].chunks + 1;
			const cost = best[start].cost + Math.abs(size - target) / target - bonus(end);
			if (chunks < choice.chunks || (chunks === choice.chunks && cost < choice.cost))
				choice = { chunks, cost, previous: start };
		}
		best.push(choice);
	}
	const cuts: number[] = [];
	for (let end = paragraphs.length; end > 0; end = best[end].previous) cuts.unshift(end);
	return cuts.map((end, index) => {
		const start = index === 0 ? 0 : cuts[index - 1];
		return chunkOf(paragraphs.slice(start, end), sizes.slice(start, end));
	});
}

/** For a cut before paragraph `index`: a chapter start between it and the previous one, else the pause between them. */
function boundaryBonus(paragraphs: Paragraph[], index: number, chapterStarts: number[]): number {
	const previous = paragraphs[index - 1].start;
	if (chapterStarts.some((start) => start > previous && start <= paragraphs[index].start)) return CHAPTER_BONUS;
	const pause = paragraphs[index].start - paragraphs[index - 1].end;
	return PAUSE_BONUS * Math.min(1, Math.max(0, pause) / GOOD_PAUSE_SECONDS);
}

function prefixSums(sizes: number[]): number[] {
	const sums = [0];
	for (const size of sizes) sums.push(sums[sums.length - 1] + size);
	return sums;
}

function chunkOf(paragraphs: Paragraph[], sizes: number[]): TranscriptChunk {
	return {
		paragraphs,
		start: paragraphs[0].start,
		end: paragraphs[paragraphs.length - 1].end,
		tokens: sizes.reduce((sum, size) => sum + size, 0),
	};
}
