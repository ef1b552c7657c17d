import { TranscriptSegment } from '../youtube/transcriptSession';
import { digitNumbers, numbersIn } from './numbersInText';
import { containsPhrase, words } from './wordMatch';

/** The transcript prepared once for checking many claims against it. */
export interface ClaimSource {
	lines: { start: number; numbers: Set<number> }[];
	/** Title, description and transcript words, for names. */
	words: string[];
	wordSet: Set<string>;
}

/** How far around the cited time a figure counts as said there: a label sits up to 20 s before its point. */
const BEFORE_SECONDS = 20;
const AFTER_SECONDS = 60;

export type ClaimVerdict =
	| { kind: 'supported' }
	/** The figure is said, but elsewhere: the timestamp should point there. */
	| { kind: 'elsewhere'; seconds: number }
	| { kind: 'unsupported'; claim: string };

export function claimSource(segments: TranscriptSegment[], title: string, description: string): ClaimSource {
	const all = [title, description, ...segments.map((segment) => segment.text)].join(' ');
	const sourceWords = words(all);
	return {
		lines: segments.map((segment) => ({ start: segment.start, numbers: new Set(numbersIn(segment.text)) })),
		words: sourceWords,
		wordSet: new Set(sourceWords),
	};
}

/**
 * Whether the transcript backs a claim: every figure written in digits (`$399`, `7 hours`, `1080p`) is
 * said within a minute after the cited time (or anywhere, when nothing is cited), and, when `names` is on,
 * every capitalised name inside a sentence occurs in the title, description or transcript.
 */
export function checkClaim(text: string, seconds: number | null, source: ClaimSource, names: boolean): ClaimVerdict {
	// Every figure and name is checked before a verdict: one said elsewhere must not wave the others through.
	let elsewhere: number | undefined;
	const near = source.lines.filter(
		(line) => seconds === null || (line.start >= seconds - BEFORE_SECONDS && line.start <= seconds + AFTER_SECONDS),
	);
	for (const match of figuresIn(text)) {
		if (near.some((line) => line.numbers.has(match.value))) continue;
		const saidAt = seconds === null ? undefined : nearestSaying(source, match.value, seconds);
		if (saidAt === undefined) return { kind: 'unsupported', claim: match.text };
		elsewhere ??= saidAt;
	}
	if (names)
		for (const name of namesIn(text))
			if (!name.every((word) => source.wordSet.has(word) || containsPhrase(source.words, [word])))
				return { kind: 'unsupported', claim: name.join(' ') };
	return elsewhere === undefined ? { kind: 'supported' } : { kind: 'elsewhere', seconds: elsewhere };
}

function figuresIn(text: string): { text: string; value: number }[] {
	const found = new Map<number, { text: string; value: number }>();
	for (const match of text.matchAll(/[$€£¥]?\d[\d,.]*(?::\d{2})*\s*(?:k\b|%)?/gi)) {
		if (/\d:\d/.test(match[0])) continue;
		const [value] = digitNumbers(match[0]);
		if (value !== undefined && !found.has(value))
			found.set(value, { text: match[0].trim().replace(/[.,]$/, ''), value });
	}
	return [...found.values()];
}

function nearestSaying(source: ClaimSource, value: number, seconds: number): number | undefined {
	let best: number | undefined;
	for (const line of source.lines)
		if (
			line.numbers.has(value) &&
			(best === undefined || Math.abs(line.start - seconds) < Math.abs(best - seconds))
		)
			best = line.start;
	return best;
}

/**
 * Runs of capitalised words that do not open a sentence ("the Surface Go", "like Apple"), as `words`
 * splits them; the first word of a sentence is capitalised for grammar, not because it is a name.
 */
function namesIn(text: string): string[][] {
	const names: string[][] = [];
	for (const sentence of text.replace(/([.!?:;])\s+/g, '$1\n').split(/\n+/)) {
		const tokens = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
		let run: string[] = [];
		tokens.forEach((token, index) => {
			// Short all-capital words are units and abbreviations (GB, RAM, TV) more often than names.
			const isName = index > 0 && /^\p{Lu}/u.test(token) && !/^\p{Lu}{1,3}$/u.test(token);
			if (isName) run.push(token);
			if (!isName || index === tokens.length - 1) {
				if (run.length > 0) names.push(words(run.join(' ')));
				run = [];
			}
		});
	}
	return names.filter((name) => name.length > 0);
}
