import { DIGEST_SPEC, ModelDigest } from '../../../src/core/llm/digestSchema';
import { validateJson } from '../../../src/core/llm/jsonSchema';
import { requestStructured } from '../../../src/core/llm/structuredRequest';
import { scriptedChatModel } from '../../support/scriptedChatModel';

const messages = [{ role: 'user' as const, content: 'Summarize the video.' }];

const good: ModelDigest = {
	tldr: 'Tomatoes need sun.',
	summary: 'A talk on growing tomatoes.',
	insights: [{ emoji: '🍅', text: 'Sun matters most.', at: '0:31' }],
	questions: [{ question: 'How much sun?', answer: 'Six hours.', at: '1:02' }],
	sections: [{ title: 'Sun', at: '0:00', summary: 'Why sun.', questions: [] }],
	takeaways: ['Plant in the sun.'],
	tags: ['gardening'],
	entities: [{ name: 'Tomato', type: 'concept' }],
};

describe('an answer that misses the schema twice', () => {
	it('keeps what follows the schema and leaves out each part that does not', async () => {
		const broken = {
			...good,
			tags: 'gardening',
			insights: [...good.insights, { emoji: '💡', text: 'Water at dawn.', at: 75 }],
			entities: [{ name: 'Dog', type: 'animal' }, ...good.entities],
			questions: [...good.questions, 'Why?'],
			mood: 'cheerful',
		};
		const model = scriptedChatModel(() => broken);
		const result = await requestStructured(model, messages, DIGEST_SPEC);
		expect(model.calls).toHaveLength(2);
		expect(result.value).toEqual({ ...good, tags: [] });
		expect(validateJson(result.value, DIGEST_SPEC.schema)).toEqual([]);
		expect([...(result.salvaged ?? [])].sort()).toEqual(
			['$.mood', '$.insights[1].at', '$.questions[1]', '$.tags', '$.entities[0].type'].sort(),
		);
	});

	it('fills a missing or wrong text with nothing when the digest can do without it', async () => {
		const model = scriptedChatModel(() => ({ ...good, summary: 42, takeaways: undefined }));
		const result = await requestStructured(model, messages, DIGEST_SPEC);
		expect(result.value).toEqual({ ...good, summary: '', takeaways: [] });
	});

	it.each([
		['a TL;DR that is not text', { ...good, tldr: 5 }],
		['a sentence, not a JSON object', 'Tomatoes need sun.'],
		['nothing of a digest', { answer: 'Tomatoes need sun.' }],
	])('is output-invalid with %s, which a digest cannot do without', async (_, answer) => {
		const model = scriptedChatModel(() => answer);
		await expect(requestStructured(model, messages, DIGEST_SPEC)).rejects.toMatchObject({
			kind: 'output-invalid',
		});
		expect(model.calls).toHaveLength(2);
	});

	it('asks again before leaving anything out, and keeps a right second answer whole', async () => {
		let call = 0;
		const model = scriptedChatModel(() => (call++ === 0 ? { ...good, tags: 'gardening' } : good));
		const result = await requestStructured(model, messages, DIGEST_SPEC);
		expect(result.value).toEqual(good);
		expect(result.salvaged).toBeUndefined();
		expect(String(model.calls[1].messages.at(-1)?.content)).toContain('$.tags expected an array');
	});
});
