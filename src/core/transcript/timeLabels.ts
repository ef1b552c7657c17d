import { TranscriptSegment } from '../youtube/transcriptSession';
import { Paragraph } from './paragraphs';
import { formatTimestamp } from './timestamps';

/** The model is never further than this from a label, so the label it cites is at most this early. */
export const MAX_LABEL_GAP_SECONDS = 20;
/** Labels are placed so that speech runs at most this long without one: finer than the promise, for precision. */
const TARGET_LABEL_GAP_SECONDS = 15;

/**
 * Each paragraph as one line for the model, with a `[m:ss]` label at its start and more labels inside it,
 * each at the start of a real caption line, so that no stretch of speech is more than 20 s from a label.
 * A model cites the label at or just before its point; grounding then maps that label back to the caption
 * line it was written for. A caption line longer than 20 s on its own cannot be split and keeps one label.
 */
export function labelledParagraphs(
	paragraphs: Paragraph[],
	segments: TranscriptSegment[],
	withHours: boolean,
	maxGapSeconds = MAX_LABEL_GAP_SECONDS,
): string[] {
	const label = (seconds: number) => `[${formatTimestamp(seconds, withHours)}]`;
	let next = 0;
	return paragraphs.map((paragraph, index) => {
		// The last paragraph ends where its own speech does: the caption lines after it belong to other parts.
		const end = paragraphs[index + 1]?.start ?? paragraph.end;
		while (next < segments.length && segments[next].start < paragraph.start) next++;
		const own: TranscriptSegment[] = [];
		while (next < segments.length && segments[next].start < end) own.push(segments[next++]);
		// Paragraphs made some other way than from these segments keep their single label.
		if (own.length === 0 || Math.floor(own[0].start) !== Math.floor(paragraph.start))
			return `${label(paragraph.start)} ${paragraph.text}`;
		return labelInside(own, paragraph.end, maxGapSeconds, label);
	});
}

/** Greedy: a caption line gets a label when the speech up to the next line would otherwise run past the gap. */
function labelInside(
	own: TranscriptSegment[],
	paragraphEnd: number,
	maxGapSeconds: number,
	label: (seconds: number) => string,
): string {
	const parts: string[] = [label(own[0].start), own[0].text];
	let lastLabel = own[0].start;
	for (let index = 1; index < own.length; index++) {
		const segment = own[index];
		const following = own[index + 1]?.start ?? paragraphEnd;
		if (following - lastLabel > Math.min(maxGapSeconds, TARGET_LABEL_GAP_SECONDS)) {
			parts.push(label(segment.start));
			lastLabel = segment.start;
		}
		parts.push(segment.text);
	}
	return parts.filter(Boolean).join(' ');
}
