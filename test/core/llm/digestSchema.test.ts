import { DIGEST_SCHEMA, validateDigest } from '../../../src/core/llm/digestSchema';
import { describeProblems } from '../../../src/core/llm/jsonSchema';

const valid = {
	tldr: 'Short.',
	summary: 'Para.',
	insights: [{ emoji: '🤔', text: 'Point', at: '0:10' }],
	questions: [{ question: 'Q?', answer: 'A.', at: '0:20' }],
	sections: [
		{ title: 'S', at: '0:00', summary: 'Sum.', questions: [{ question: 'Q2?', answer: 'A2.', at: '0:30' }] },
	],
	takeaways: ['Do'],
	tags: ['t'],
	entities: [{ name: 'Ada', type: 'person' }],
};

describe('the digest schema', () => {
	it('follows the strict structured-output rules: every property required, nothing extra allowed', () => {
		const objects: Record<string, unknown>[] = [];
		const walk = (node: unknown) => {
			if (typeof node !== 'object' || node === null) return;
			const record = node as Record<string, unknown>;
			if (record.type === 'object') objects.push(record);
			Object.values(record).forEach(walk);
		};
		walk(DIGEST_SCHEMA);
		expect(objects.length).toBe(5);
		for (const schema of objects) {
			expect(schema.additionalProperties).toBe(false);
			expect(schema.required).toEqual(Object.keys(schema.properties as object));
		}
	});

	it('accepts a complete digest', () => {
		expect(validateDigest(valid)).toEqual([]);
	});

	it('names every problem with its path, through shared definitions too', () => {
		const broken = {
			...valid,
			tldr: 42,
			extra: true,
			insights: [{ emoji: '🤔', text: 'Point' }],
			sections: [{ ...valid.sections[0], questions: [{ question: 'Q2?', answer: null, at: '0:30' }] }],
			entities: [{ name: 'Ada', type: 'alien' }],
		};
		expect(describeProblems(validateDigest(broken))).toBe(
			'$.extra is not allowed; $.tldr expected a string, got number; $.insights[0].at is missing; ' +
				'$.sections[0].questions[0].answer expected a string, got null; ' +
				'$.entities[0].type expected one of person, organization, work, concept, place, product',
		);
	});

	it('refuses a digest without a TL;DR or with an empty insight', () => {
		expect(
			describeProblems(validateDigest({ ...valid, tldr: ' ', insights: [{ emoji: '🤔', text: '', at: '' }] })),
		).toBe('$.tldr is empty; $.insights[0].text is empty');
	});

	it('refuses something that is not an object at all', () => {
		expect(describeProblems(validateDigest(['not', 'an', 'object']))).toBe('$ expected an object, got an array');
	});
});
