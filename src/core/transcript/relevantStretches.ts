import { Paragraph } from './paragraphs';

/**
 * The paragraphs of a long transcript most related to a question, by plain lexical ranking (BM25 over
 * words, no embeddings: nothing to download, nothing sent anywhere), as many as fit the token budget,
 * returned in time order. A transcript that fits whole is returned whole.
 */
export function relevantStretches(
	paragraphs: Paragraph[],
	question: string,
	budgetTokens: number,
	tokensOf: (paragraph: Paragraph) => number,
): { paragraphs: Paragraph[]; excerpt: boolean } {
	const sizes = paragraphs.map(tokensOf);
	if (sizes.reduce((sum, size) => sum + size, 0) <= budgetTokens) return { paragraphs, excerpt: false };
	const scores = bm25(
		paragraphs.map((paragraph) => words(paragraph.text)),
		words(question),
	);
	const ranked = paragraphs.map((_, index) => index).sort((a, b) => scores[b] - scores[a] || a - b);
	const chosen = new Set<number>();
	let used = 0;
	for (const index of ranked) {
		if (used + sizes[index] > budgetTokens) continue;
		chosen.add(index);
		used += sizes[index];
	}
	return { paragraphs: paragraphs.filter((_, index) => chosen.has(index)), excerpt: true };
}

/** Lower-case words of two letters or more; short function words carry no sign of relevance. */
export function words(text: string): string[] {
	return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
		(word) => word.length > 1 && !STOP_WORDS.has(word),
	);
}

const STOP_WORDS = new Set(
	(
		'the and for are but not you your with this that what when where which who why how does did was were ' +
		'is it of to in on at by an be do as or if so its from about into than then there their they them'
	).split(' '),
);

const K1 = 1.2;
const B = 0.75;

function bm25(documents: string[][], query: string[]): number[] {
	const averageLength = documents.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, documents.length);
	const terms = [...new Set(query)];
	const documentFrequency = new Map(
		terms.map((term) => [term, documents.filter((doc) => doc.includes(term)).length]),
	);
	return documents.map((doc) =>
		terms.reduce((score, term) => {
			const frequency = doc.filter((word) => word === term).length;
			if (frequency === 0) return score;
			const df = documentFrequency.get(term) ?? 0;
			const idf = Math.log(1 + (documents.length - df + 0.5) / (df + 0.5));
			const norm = frequency + K1 * (1 - B + (B * doc.length) / (averageLength || 1));
			return score + (idf * frequency * (K1 + 1)) / norm;
		}, 0),
	);
}
