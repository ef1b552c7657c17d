import { DigestError } from '../errors';
import { cleanCaptionText } from '../youtube/captionText';
import { normalizeSegments, Transcript, TranscriptSegment } from '../youtube/transcriptSession';

/**
 * Subtitle files people download with other tools, read into the same segments YouTube's captions give,
 * so chapters, grounding and the digest work unchanged: SRT, WebVTT, and plain text with a time at the
 * start of each line (`[1:23] text`, `01:02:03 text`, `1:23 - text`).
 */

/** A subtitle file from the vault: its path (which may carry the language, `talk.de.srt`) and its text. */
export interface TranscriptFile {
	path: string;
	text: string;
}

/** The extensions read as transcripts; Markdown is left out, since a digest note has timestamps too. */
export const TRANSCRIPT_FILE_EXTENSIONS = ['srt', 'vtt', 'txt'];

/** Seconds a last line without an end stays on screen. */
const LAST_LINE_SECONDS = 5;
const CUE_TIMING = /^\s*([\d:.,]+)\s*-->\s*([\d:.,]+)/;
const LINE_TIME = /^\s*\[?((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d+)?)\]?\s*(?:[-–—|:]\s*)?(.*)$/;

/** The transcript in a subtitle file; `fallbackLanguage` when the file name names none. */
export function transcriptFromFile(file: TranscriptFile, fallbackLanguage = ''): Transcript {
	const segments = parseSubtitleText(file.text);
	if (segments.length === 0) throw new DigestError('transcript-file-invalid', fileName(file.path));
	return { segments, languageCode: languageOfFileName(file.path) ?? fallbackLanguage, isGenerated: false };
}

/** Segments in seconds, clean and without overlaps; empty when the text holds no timed line. */
export function parseSubtitleText(text: string): TranscriptSegment[] {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
	const cues = lines.some((line) => CUE_TIMING.test(line)) ? readCues(lines) : readTimedLines(lines);
	return normalizeSegments(
		cues.map((cue) => ({ offset: cue.start, duration: cue.end - cue.start, text: cue.text, lang: '' })),
		1,
	);
}

/** `talk.de.srt`, `talk.pt-BR.vtt` → the language code; none for `talk.srt`. */
export function languageOfFileName(path: string): string | null {
	const match = /\.([a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)\.[a-z]+$/.exec(fileName(path));
	return match ? match[1].replace('_', '-') : null;
}

export function isTranscriptFilePath(path: string): boolean {
	const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
	return TRANSCRIPT_FILE_EXTENSIONS.includes(extension);
}

interface Cue {
	start: number;
	end: number;
	text: string;
}

/** SRT and WebVTT alike: a timing line `start --> end`, then text lines until a blank line. */
function readCues(lines: string[]): Cue[] {
	// Each cue's lines are gathered and joined once: adding to a growing string would copy it per line.
	const cues: { start: number; end: number; lines: string[] }[] = [];
	let current: (typeof cues)[number] | null = null;
	for (const line of lines) {
		// Inside a cue's text, a line that looks like a timing is text (a cue ends at a blank line).
		const timing = current?.lines.length ? null : CUE_TIMING.exec(line);
		if (timing) {
			const start = parseTime(timing[1]);
			const end = parseTime(timing[2]);
			current = start === null ? null : { start, end: Math.max(start, end ?? start), lines: [] };
			if (current) cues.push(current);
		} else if (line.trim() === '') {
			current = null;
		} else if (current) {
			current.lines.push(cleanCueText(line));
		}
	}
	return cues.map(({ start, end, lines: text }) => ({ start, end, text: text.join(' ').trim() }));
}

/** One time at the start of a line; lines without one continue the line before. Each ends where the next starts. */
function readTimedLines(lines: string[]): Cue[] {
	const cues: { start: number; lines: string[] }[] = [];
	for (const line of lines) {
		const match = LINE_TIME.exec(line);
		const start = match ? parseTime(match[1]) : null;
		if (match && start !== null) cues.push({ start, lines: [cleanCueText(match[2])] });
		else if (cues.length > 0 && line.trim()) cues[cues.length - 1].lines.push(cleanCueText(line));
	}
	return cues.map((cue, index) => ({
		start: cue.start,
		end: cues[index + 1]?.start ?? cue.start + LAST_LINE_SECONDS,
		text: cue.lines.join(' '),
	}));
}

/** `01:02:03,456`, `02:03.456`, `1:02:03` → seconds; null when it is not a time. */
/** No video runs longer than this; a time beyond it is garbage, not a moment to link to. */
const LONGEST_SECONDS = 48 * 3600;

function parseTime(text: string): number | null {
	const match = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
	if (!match) return null;
	const fraction = match[4] ? Number(`0.${match[4]}`) : 0;
	const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]) + fraction;
	return seconds <= LONGEST_SECONDS ? seconds : null;
}

/** Cue text without styling: WebVTT voice and class tags, SRT `{\an8}` position codes. */
function cleanCueText(line: string): string {
	return cleanCaptionText(line.replace(/\{\\[^}]*\}/g, ''));
}

function fileName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}
