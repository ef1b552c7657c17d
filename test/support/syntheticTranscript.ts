/**
 * Deterministic synthetic transcripts and chapter lists. Text is generated from a small built-in vocabulary with a
 * seeded PRNG, so fixtures contain no copyrighted speech, are identical on every run, and can be made as long as a
 * benchmark needs (a 3-hour transcript takes ~15 ms once warm).
 */
import { seededRandom, type SeededRandom } from './seededRandom';

/** One caption cue. Times are in seconds with millisecond precision (`start * 1000` is an integer). */
export interface Cue {
	start: number;
	duration: number;
	text: string;
}

export interface SyntheticCuesOptions {
	durationSeconds: number;
	/** PRNG seed; the same seed always yields the same cues. Default 1. */
	seed?: number;
	/**
	 * Average on-screen time of one cue before the next starts; each cue varies ±20 %. Default 4 (manual) / 3
	 * (ASR).
	 */
	cueSeconds?: number;
	/**
	 * Imitate YouTube auto captions: lower case, no punctuation, and rolling cues where each cue stays on screen until
	 * the one after next starts (so consecutive cues overlap). Default false: contiguous, punctuated manual captions.
	 */
	asrStyle?: boolean;
}

/** Speaking rate range in words per minute; real conversational speech sits around 150. */
export const MIN_WORDS_PER_MINUTE = 140;
export const MAX_WORDS_PER_MINUTE = 160;

const DETERMINERS = ['the', 'this', 'that', 'our', 'every', 'a'] as const;
const ADJECTIVES = [
	'small',
	'simple',
	'careful',
	'modern',
	'quiet',
	'bright',
	'useful',
	'heavy',
	'cheap',
	'reliable',
	'early',
	'final',
	'common',
	'clever',
	'steady',
	'rough',
	'clean',
	'local',
	'hidden',
	'obvious',
	'slow',
	'quick',
	'main',
	'whole',
] as const;
const NOUNS = [
	'battery',
	'screen',
	'keyboard',
	'design',
	'process',
	'garden',
	'river',
	'recipe',
	'engine',
	'model',
	'camera',
	'signal',
	'market',
	'project',
	'budget',
	'city',
	'library',
	'teacher',
	'kitchen',
	'network',
	'bridge',
	'island',
	'question',
	'answer',
	'method',
	'result',
	'system',
	'window',
	'story',
	'problem',
	'routine',
	'lesson',
	'tool',
	'update',
	'review',
	'test',
	'price',
	'feature',
	'setting',
	'workflow',
	'habit',
	'map',
	'sample',
	'Q&A',
	'R&D',
] as const;
const VERBS = [
	'improve',
	'change',
	'support',
	'need',
	'explain',
	'build',
	'measure',
	'compare',
	'replace',
	'follow',
	'check',
	'describe',
	'fix',
	'share',
	'plan',
	'test',
	'show',
	'move',
	'carry',
	'protect',
	'reach',
	'simplify',
	'handle',
] as const;
const PREPOSITIONS = [
	'with',
	'for',
	'around',
	'after',
	'before',
	'during',
	'without',
	'inside',
	'across',
	'near',
] as const;
const OPENERS = [
	'So',
	'Now',
	'Honestly',
	'In fact',
	'At this point',
	'Of course',
	'Right',
	'Okay',
	'Meanwhile',
] as const;
const PLURAL_SUBJECTS = ['we', 'you', 'they', 'people', 'most teams', 'some users'] as const;

/** Third-person singular of a regular verb ("fix" → "fixes", "carry" → "carries"). */
function thirdPerson(verb: string): string {
	if (/(s|sh|ch|x)$/.test(verb)) return `${verb}es`;
	if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
	return `${verb}s`;
}

function nounPhrase(rng: SeededRandom): string {
	const determiner = rng.pick(DETERMINERS);
	const adjective = rng.chance(0.5) ? `${rng.pick(ADJECTIVES)} ` : '';
	const noun = rng.pick(NOUNS);
	// "a" before a vowel would read wrong ("a update"); "the" always fits.
	const safeDeterminer = determiner === 'a' && /^(?:[aeiouAEIOU]|R&D)/.test(adjective || noun) ? 'the' : determiner;
	return `${safeDeterminer} ${adjective}${noun}`;
}

function clause(rng: SeededRandom): string {
	const plural = rng.chance(0.5);
	const subject = plural ? rng.pick(PLURAL_SUBJECTS) : nounPhrase(rng);
	const verb = plural ? rng.pick(VERBS) : thirdPerson(rng.pick(VERBS));
	const tail = rng.chance(0.4) ? ` ${rng.pick(PREPOSITIONS)} ${nounPhrase(rng)}` : '';
	return `${subject} ${verb} ${nounPhrase(rng)}${tail}`;
}

/** One punctuated English sentence. Apostrophes, quotes and ampersands appear on purpose, to exercise escaping. */
function sentence(rng: SeededRandom): string {
	const form = rng.int(0, 6);
	let text: string;
	switch (form) {
		case 0:
			text = `${rng.pick(OPENERS)}, ${clause(rng)}.`;
			break;
		case 1:
			text = `I think ${clause(rng)}.`;
			break;
		case 2:
			text = `It's ${rng.pick(ADJECTIVES)}, and ${clause(rng)}.`;
			break;
		case 3:
			text = `We don't ${rng.pick(VERBS)} ${nounPhrase(rng)} ${rng.pick(PREPOSITIONS)} ${nounPhrase(rng)}.`;
			break;
		case 4:
			text = `That's why ${clause(rng)}.`;
			break;
		case 5:
			text = `Why do we ${rng.pick(VERBS)} ${nounPhrase(rng)}?`;
			break;
		default:
			text =
				`The "${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}" ${thirdPerson(rng.pick(VERBS))} ` +
				`${nounPhrase(rng)}.`;
	}
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Auto captions are lower case and unpunctuated, but keep apostrophes and ampersands ("it's", "q&a"). */
function asrWord(word: string): string {
	return word.toLowerCase().replace(/[.,?!"]/g, '');
}

/** An endless supply of words drawn from generated sentences. */
function wordStream(rng: SeededRandom, asrStyle: boolean): () => string {
	let buffer: string[] = [];
	let index = 0;
	return () => {
		while (index >= buffer.length) {
			buffer = sentence(rng).split(' ');
			if (asrStyle) buffer = buffer.map(asrWord).filter((word) => word.length > 0);
			index = 0;
		}
		return buffer[index++];
	};
}

/**
 * Cues covering `[0, durationSeconds]` at 140–160 words per minute (drawn per cue).
 * Manual style: contiguous cues, each ending where the next starts. ASR style: each cue ends where the cue after next
 * starts (the last two end at `durationSeconds`), like YouTube's rolling two-line auto captions.
 */
export function syntheticCues(options: SyntheticCuesOptions): Cue[] {
	const { durationSeconds, seed = 1, asrStyle = false } = options;
	const cueMs = Math.round((options.cueSeconds ?? (asrStyle ? 3 : 4)) * 1000);
	if (!(durationSeconds > 0) || !(cueMs > 0)) throw new RangeError('durationSeconds and cueSeconds must be positive');
	const totalMs = Math.round(durationSeconds * 1000);
	const rng = seededRandom(seed);
	const nextWord = wordStream(rng, asrStyle);

	const starts: number[] = [];
	const texts: string[] = [];
	let wordDebt = 0; // fractional words carried over, so short cues do not bias the overall rate
	for (let startMs = 0; startMs < totalMs;) {
		const lengthMs = Math.min(Math.round((cueMs * (0.8 + 0.4 * rng.next())) / 10) * 10 || 10, totalMs - startMs);
		const wordsPerMinute = MIN_WORDS_PER_MINUTE + (MAX_WORDS_PER_MINUTE - MIN_WORDS_PER_MINUTE) * rng.next();
		wordDebt += (lengthMs / 60000) * wordsPerMinute;
		const count = Math.max(1, Math.floor(wordDebt));
		wordDebt -= count;
		const words: string[] = [];
		for (let i = 0; i < count; i++) words.push(nextWord());
		starts.push(startMs);
		texts.push(words.join(' '));
		startMs += lengthMs;
	}

	const gap = asrStyle ? 2 : 1; // which later cue's start ends this one
	return starts.map((startMs, i) => {
		const endMs = starts[i + gap] ?? totalMs;
		return { start: startMs / 1000, duration: (endMs - startMs) / 1000, text: texts[i] };
	});
}

/** One chapter of a synthetic chapter list. */
export interface SyntheticChapter {
	startSeconds: number;
	title: string;
}

/**
 * Chapters obeying YouTube's rules: first at 0:00, at least 3, ascending, each at least 10 s long (the last one
 * measured to `durationSeconds`). Throws a RangeError when the rules cannot be met.
 */
export function syntheticChapters(durationSeconds: number, count: number, seed = 1): SyntheticChapter[] {
	const total = Math.floor(durationSeconds);
	if (!Number.isInteger(count) || count < 3) throw new RangeError('YouTube needs at least 3 chapters');
	if (total < count * 10) throw new RangeError(`${count} chapters of at least 10 s do not fit in ${total} s`);
	const rng = seededRandom(seed ^ 0x5eed);
	const weights = Array.from({ length: count }, () => 0.5 + rng.next());
	const weightSum = weights.reduce((sum, w) => sum + w, 0);
	const slack = total - count * 10;
	const chapters: SyntheticChapter[] = [];
	let start = 0;
	for (let i = 0; i < count; i++) {
		chapters.push({ startSeconds: start, title: chapterTitle(rng, i, count) });
		// Flooring only shortens earlier chapters, so the last one keeps at least its 10 s.
		start += 10 + Math.floor((slack * weights[i]) / weightSum);
	}
	return chapters;
}

function chapterTitle(rng: SeededRandom, index: number, count: number): string {
	if (index === 0) return 'Intro';
	if (index === count - 1) return 'Wrap-up';
	const noun = capitalize(rng.pick(NOUNS));
	switch (rng.int(0, 2)) {
		case 0:
			return `${capitalize(rng.pick(ADJECTIVES))} ${noun}`;
		case 1:
			return `Why the ${noun} Matters`;
		default:
			return `${noun} and ${capitalize(rng.pick(NOUNS))}`;
	}
}

function capitalize(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** YouTube's description timestamp style: `m:ss` below an hour, `h:mm:ss` above. */
export function formatChapterTimestamp(seconds: number): string {
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = Math.floor(seconds % 60);
	const ss = String(s).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A video description with some prose, a valid chapter list ("0:00 Intro", ...) and a trailing link line. */
export function syntheticChaptersDescription(durationSeconds: number, count: number, seed = 1): string {
	const lines = syntheticChapters(durationSeconds, count, seed).map(
		(chapter) => `${formatChapterTimestamp(chapter.startSeconds)} ${chapter.title}`,
	);
	return [
		'A synthetic walkthrough generated for automated tests. No real video has this description.',
		'',
		'Chapters:',
		...lines,
		'',
		'More synthetic notes: https://example.com/synthetic',
	].join('\n');
}
