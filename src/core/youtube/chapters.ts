import { asNumber, asString } from './coerce';
import { parseTimeValue } from './videoUrl';

export interface Chapter {
	title: string;
	startSeconds: number;
}

const TIME = '((?:\\d{1,2}:)?\\d{1,2}:\\d{2})';
/** `0:00 Intro`, `- [00:39] Build quality`, `1:02:03 – Outro`. */
const TIME_FIRST = new RegExp(`^\\s*(?:[-*•▶►]\\s*)?[[(]?${TIME}[\\])]?\\s*(?:[-–—:|]\\s*)?(.+?)\\s*$`);
/** `Intro - 0:00`, `Outro (12:34)`. */
const TIME_LAST = new RegExp(`^\\s*(?:[-*•▶►]\\s*)?(.+?)\\s*(?:[-–—:|]\\s*)?[[(]?${TIME}[\\])]?\\s*$`);

/**
 * Chapters from a video description, only when they follow YouTube's own rules (first at 0:00, at least
 * three, ascending, each at least ten seconds long), so that a list of timestamps in a description that
 * is not a chapter list does not turn into sections.
 */
export function parseChapters(description: unknown, duration: unknown): Chapter[] {
	const durationSeconds = asNumber(duration) ?? 0;
	const chapters: Chapter[] = [];
	for (const line of (asString(description) ?? '').split(/\r?\n/)) {
		const chapter = parseChapterLine(line);
		if (chapter) chapters.push(chapter);
	}
	return isValidChapterList(chapters, durationSeconds) ? chapters : [];
}

function parseChapterLine(line: string): Chapter | null {
	const first = TIME_FIRST.exec(line);
	if (first) return chapterFrom(first[1], first[2]);
	const last = TIME_LAST.exec(line);
	return last ? chapterFrom(last[2], last[1]) : null;
}

function chapterFrom(time: string, title: string): Chapter | null {
	const startSeconds = parseTimeValue(time);
	const cleanTitle = title.replace(/^[-–—:|\s]+|[-–—:|\s]+$/g, '');
	return startSeconds === undefined || !cleanTitle ? null : { title: cleanTitle, startSeconds };
}

function isValidChapterList(chapters: Chapter[], durationSeconds: number): boolean {
	if (chapters.length < 3 || chapters[0].startSeconds !== 0) return false;
	for (let i = 1; i < chapters.length; i++) {
		if (chapters[i].startSeconds - chapters[i - 1].startSeconds < 10) return false;
	}
	const last = chapters[chapters.length - 1].startSeconds;
	return durationSeconds <= 0 || last < durationSeconds;
}
