import { Chapter } from '../youtube/chapters';
import { TranscriptSegment } from '../youtube/transcriptSession';

export interface Paragraph {
	/** Start of its first segment: a time that exists in the transcript. */
	start: number;
	end: number;
	text: string;
}

export interface ParagraphOptions {
	/** A paragraph may end at a sentence end once it is this long. */
	targetSeconds: number;
	/** A paragraph always ends once it is this long (auto-generated captions have no sentence ends). */
	maxSeconds: number;
}

export const DEFAULT_PARAGRAPHS: ParagraphOptions = { targetSeconds: 40, maxSeconds: 75 };

/**
 * Caption lines grouped into readable paragraphs. Chapter starts always open a new paragraph, so every
 * chapter has a paragraph (and a time label) of its own.
 */
export function groupIntoParagraphs(
	segments: TranscriptSegment[],
	chapters: Chapter[] = [],
	options: ParagraphOptions = DEFAULT_PARAGRAPHS,
): Paragraph[] {
	const chapterStarts = chapters.map((chapter) => chapter.startSeconds).filter((start) => start > 0);
	const paragraphs: Paragraph[] = [];
	let current: { start: number; end: number; texts: string[] } | null = null;
	let chapterIndex = 0;
	for (const segment of segments) {
		const reachesChapter = chapterIndex < chapterStarts.length && segment.start >= chapterStarts[chapterIndex];
		if (current && (reachesChapter || isFull(current, segment, options))) {
			paragraphs.push(toParagraph(current));
			current = null;
		}
		if (!current) {
			current = { start: segment.start, end: segment.start, texts: [] };
			while (chapterIndex < chapterStarts.length && chapterStarts[chapterIndex] <= segment.start) chapterIndex++;
		}
		current.texts.push(segment.text);
		current.end = segment.start + segment.duration;
	}
	if (current) paragraphs.push(toParagraph(current));
	return paragraphs;
}

function isFull(
	current: { start: number; texts: string[] },
	next: TranscriptSegment,
	options: ParagraphOptions,
): boolean {
	const length = next.start - current.start;
	if (length >= options.maxSeconds) return true;
	const lastText = current.texts[current.texts.length - 1] ?? '';
	return length >= options.targetSeconds && /[.!?…]["')\]]?$/.test(lastText);
}

function toParagraph(current: { start: number; end: number; texts: string[] }): Paragraph {
	return { start: current.start, end: current.end, text: current.texts.join(' ') };
}
