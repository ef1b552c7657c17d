/** How many items each list of the digest should hold: asked for in the prompt, checked in the answer. */
export interface CountRange {
	min: number;
	max: number;
}

export const FIELD_RANGES = {
	insights: { min: 5, max: 9 },
	questions: { min: 3, max: 6 },
	takeaways: { min: 3, max: 7 },
	tags: { min: 3, max: 8 },
	sectionQuestions: { min: 0, max: 2 },
} satisfies Record<string, CountRange>;

export type RangedField = keyof typeof FIELD_RANGES;

/** `5-9` */
export function rangeText(range: CountRange): string {
	return `${range.min}-${range.max}`;
}
