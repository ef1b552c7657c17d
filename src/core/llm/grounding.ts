import { TranscriptSegment } from '../youtube/transcriptSession';
import { EntityType, ModelDigest, ModelQuestion } from './digestSchema';

/** A digest whose every time is the start of a real transcript segment inside the video, or null. */
export interface Digest {
	tldr: string;
	summary: string;
	insights: { emoji: string; text: string; seconds: number | null }[];
	questions: GroundedQuestion[];
	sections: { title: string; seconds: number | null; summary: string; questions: GroundedQuestion[] }[];
	takeaways: string[];
	tags: string[];
	entities: { name: string; type: EntityType }[];
}

export interface GroundedQuestion {
	question: string;
	answer: string;
	seconds: number | null;
}

const FALLBACK_EMOJI = '💡';

export function groundDigest(digest: ModelDigest, segments: TranscriptSegment[], durationSeconds: number): Digest {
	const starts = segments.map((segment) => segment.start);
	const limit = durationSeconds > 0 ? durationSeconds : (segments[segments.length - 1]?.start ?? 0) + 60;
	const ground = (at: string) => groundTimestamp(at, starts, limit);
	const groundQuestion = (item: ModelQuestion): GroundedQuestion => ({
		question: item.question.trim(),
		answer: item.answer.trim(),
		seconds: ground(item.at),
	});
	return {
		tldr: digest.tldr.trim(),
		summary: digest.summary.trim(),
		insights: digest.insights
			.filter((insight) => insight.text.trim())
			.map((insight) => ({
				emoji: cleanEmoji(insight.emoji),
				text: insight.text.trim(),
				seconds: ground(insight.at),
			})),
		questions: digest.questions.filter((item) => item.question.trim()).map(groundQuestion),
		sections: digest.sections.map((section) => ({
			title: section.title.trim(),
			seconds: ground(section.at),
			summary: section.summary.trim(),
			questions: section.questions.filter((item) => item.question.trim()).map(groundQuestion),
		})),
		takeaways: digest.takeaways.map((line) => line.trim()).filter(Boolean),
		tags: normalizeTags(digest.tags),
		entities: uniqueBy(
			digest.entities
				.map((entity) => ({ name: entity.name.trim(), type: entity.type }))
				.filter((entity) => entity.name),
			(entity) => entity.name.toLowerCase(),
		),
	};
}

/**
 * A reference from the model (`12:34`, `[1:02:03]`, `754`, `754s`) to the start of the segment playing at
 * that time. References past the end of the video, negative (`-0:30`), or that hold no time at all, resolve
 * to null.
 */
export function groundTimestamp(reference: string, segmentStarts: number[], durationSeconds: number): number | null {
	const seconds = parseReference(reference);
	if (seconds === null || seconds > durationSeconds || segmentStarts.length === 0) return null;
	return segmentStarts[lastIndexAtOrBefore(segmentStarts, seconds)];
}

function parseReference(reference: string): number | null {
	const clock = /(?<![\d-])(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.\d+)?/.exec(reference);
	if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
	const plain = /^\s*\[?(\d+(?:\.\d+)?)\s*s?\]?\s*$/.exec(reference);
	return plain ? Number(plain[1]) : null;
}

/**
 * Binary search over whole seconds, because labels show a segment starting at 31.04 s as 0:31.
 * A time before the first segment belongs to the first segment.
 */
function lastIndexAtOrBefore(sorted: number[], value: number): number {
	let low = 0;
	let high = sorted.length - 1;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (Math.floor(sorted[middle]) <= value) low = middle;
		else high = middle - 1;
	}
	return low;
}

/**
 * Emoji code points only (pictographs, with their joiners, skin tones, flags and variation selectors): `!!`,
 * `->`, `:)`, `—` or `**` are no emoji. Keycaps are left out with the digits, `#` and `*` they are made of.
 */
export function cleanEmoji(emoji: string): string {
	const trimmed = emoji.trim();
	const isEmojiOnly =
		[...trimmed].length <= 8 &&
		/^[\p{Extended_Pictographic}\p{Emoji_Component}]+$/u.test(trimmed) &&
		!/[\d#*]/.test(trimmed);
	return isEmojiOnly ? trimmed : FALLBACK_EMOJI;
}

/** Tags as Obsidian accepts them: no spaces, letters, digits, `-`, `_` and `/`, not only digits. */
export function normalizeTags(tags: string[]): string[] {
	const cleaned = tags
		.map((tag) =>
			tag
				.trim()
				.replace(/^#+/, '')
				.toLowerCase()
				.replace(/\s+/g, '-')
				.replace(/[^\p{L}\p{N}_/-]/gu, ''),
		)
		.filter((tag) => tag && !/^[\d/_-]+$/.test(tag));
	return [...new Set(cleaned)];
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
	const seen = new Set<string>();
	return items.filter((item) => {
		const k = key(item);
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}
