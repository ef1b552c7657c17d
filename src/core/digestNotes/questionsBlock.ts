import { lineEndingOf, withLineEnding } from '../notes/lineEnding';
import { blockMarkers } from '../notes/generatedBlock';
import { NoteStore } from '../notes/noteStore';
import { escapeInline } from '../render/markdownSafety';
import { timestampLink } from '../render/templateHelpers';
import { TimestampStyle } from '../render/timestampStyle';
import { DIGEST_BLOCK } from './renderDigest';

/**
 * Answers to questions asked of a video live in a generated part of their own, `questions`, right after
 * the digest's: re-rendering and re-running replace only the `digest` part, so answers stay.
 */
export const QUESTIONS_BLOCK = 'questions';

/** One answer as a callout: the question as its title, the answer and the moment it is said. */
export function answerMarkdown(
	question: string,
	answer: string,
	seconds: number | null,
	context: { videoId: string; url: string; durationSeconds: number; timestampStyle: TimestampStyle },
): string {
	const link = timestampLink(seconds, context);
	return `> [!question] ${escapeInline(question)}\n> ${escapeInline(answer)}${link ? ` ${link}` : ''}\n`;
}

/** Adds the answer at the end of the questions part, creating that part after the digest's (or at the end). */
export async function appendAnswer(notes: NoteStore, path: string, answer: string): Promise<void> {
	await notes.update(path, (text) => withAnswer(text, answer));
}

/** The note with the answer added, in the note's own line endings. */
export function withAnswer(text: string, answer: string): string {
	const ending = lineEndingOf(text);
	if (ending === '\n') return withAnswerLf(text, answer);
	return withLineEnding(withAnswerLf(withLineEnding(text, '\n'), answer), ending);
}

function withAnswerLf(text: string, answer: string): string {
	const questions = blockMarkers(QUESTIONS_BLOCK);
	const start = text.indexOf(questions.start);
	const end = start < 0 ? -1 : text.indexOf(questions.end, start);
	if (end >= 0) {
		const before = text.slice(0, end);
		const separator = before.endsWith(`${questions.start}\n`) ? '' : '\n';
		return `${before}${separator}${answer}${text.slice(end)}`;
	}
	const block = `${questions.start}\n${answer}${questions.end}\n`;
	const digestEnd = blockMarkers(DIGEST_BLOCK).end;
	const at = text.indexOf(digestEnd);
	if (at < 0) return `${text}${text.endsWith('\n') || !text ? '' : '\n'}\n${block}`;
	const lineEnd = text.indexOf('\n', at);
	const cut = lineEnd < 0 ? text.length : lineEnd + 1;
	const head = lineEnd < 0 ? `${text}\n` : text.slice(0, cut);
	return `${head}\n${block}${text.slice(cut)}`;
}
