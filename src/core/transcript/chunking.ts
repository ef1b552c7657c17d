import { Chapter } from '../youtube/chapters';
import { Paragraph } from './paragraphs';

export interface TranscriptChunk {
	paragraphs: Paragraph[];
	/** Start of the first paragraph and end of the last, in seconds. */
	start: number;
	end: number;
	tokens: number;
}

/** A pause this long between two paragraphs is as good a place to cut as a chapter start. */
const GOOD_PAUSE_SECONDS = 4;

/**
 * Paragraphs cut into consecutive chunks of similar size, each under the budget, preferring to cut where a
 * chapter starts, then at the longest pause. Every paragraph lands in exactly one chunk, in order; a
 * paragraph larger than the budget on its own becomes its own chunk rather than being cut or dropped.
 */
export function splitIntoChunks(
	paragraphs: Paragraph[],
	chapters: Chapter[],
	budgetTokens: number,
	tokensOf: (paragraph: Paragraph) => number,
): TranscriptChunk[] {
	const sizes = paragraphs.map(tokensOf);
	const total = sizes.reduce((sum, size) => sum + size, 0);
	if (total <= budgetTokens || paragraphs.length <= 1) return paragraphs.length ? [chunkOf(paragraphs, sizes)] : [];
	const target = total / Math.ceil(total / budgetTokens);
	const chapterStarts = chapters.map((chapter) => chapter.startSeconds);
	const cutScore = (index: number) => boundaryScore(paragraphs, index, chapterStarts);

	const chunks: TranscriptChunk[] = [];
	let from = 0;
	while (from < paragraphs.length) {
		const to = chooseCut(sizes, from, target, budgetTokens, cutScore);
		chunks.push(chunkOf(paragraphs.slice(from, to), sizes.slice(from, to)));
		from = to;
	}
	return chunks;
}

/**
 * The index to cut before: once the chunk has reached three quarters of the target, the best-scoring
 * boundary up to a quarter past it (never past the budget); the first such boundary wins a tie.
 */
function chooseCut(sizes: number[], from: number, target: number, budget: number, cutScore: (index: number) => number): number {
	let tokens = sizes[from];
	let index = from + 1;
	while (index < sizes.length && tokens + sizes[index] <= budget && tokens < target * 0.75) tokens += sizes[index++];
	if (index >= sizes.length || tokens + sizes[index] > budget) return index;
	let best = index;
	let bestScore = cutScore(index);
	while (index + 1 < sizes.length && tokens + sizes[index] <= Math.min(budget, target * 1.25)) {
		tokens += sizes[index++];
		const score = cutScore(index);
		if (score > bestScore) {
			best = index;
			bestScore = score;
		}
	}
	return best;
}

/** 2 where a chapter starts between the two paragraphs, else up to 1 for the pause between them. */
function boundaryScore(paragraphs: Paragraph[], index: number, chapterStarts: number[]): number {
	const previous = paragraphs[index - 1].start;
	if (chapterStarts.some((start) => start > previous && start <= paragraphs[index].start)) return 2;
	const pause = paragraphs[index].start - paragraphs[index - 1].end;
	return Math.min(1, Math.max(0, pause) / GOOD_PAUSE_SECONDS);
}

function chunkOf(paragraphs: Paragraph[], sizes: number[]): TranscriptChunk {
	return {
		paragraphs,
		start: paragraphs[0].start,
		end: paragraphs[paragraphs.length - 1].end,
		tokens: sizes.reduce((sum, size) => sum + size, 0),
	};
}
