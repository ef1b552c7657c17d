import { DIGEST_SPEC } from '../../../src/core/llm/digestSchema';
import { createOpenAIChatModel, listModels, StructuredMode } from '../../../src/core/llm/openaiChatModel';
import { PROVIDERS } from '../../../src/core/llm/providers';
import { requestStructured } from '../../../src/core/llm/structuredRequest';
import { userMessage } from '../../../src/core/errors';
import {
	errorReply,
	FakeOpenAI,
	jsonReply,
	RecordedChatRequest,
	sequence,
	startFakeOpenAI,
	textReply,
} from '../../support/fakeOpenAIServer';
import { routedHttp } from '../../support/routedHttp';
import { scriptedDigest } from '../../support/scriptedDigest';

let openai: FakeOpenAI;
beforeAll(async () => {
	openai = await startFakeOpenAI({ models: ['model-b', 'model-a'] });
});
afterAll(() => openai.close());
beforeEach(() => openai.reset());

const messages = [
	{ role: 'system' as const, content: 'Digest this.' },
	{ role: 'user' as const, content: 'Transcript:\n[0:00] hello\n[0:30] world' },
];

/** Waits that are recorded and skipped, so retry tests take no wall time. */
const waits: number[] = [];
const recordedSleep = async (ms: number) => {
	waits.push(ms);
};
beforeEach(() => {
	waits.length = 0;
});

function model(options: Partial<Parameters<typeof createOpenAIChatModel>[0]> = {}) {
	return createOpenAIChatModel({
		http: routedHttp({}).http,
		baseUrl: openai.baseUrl,
		apiKey: 'k',
		model: 'test-model',
		sleep: recordedSleep,
		...options,
	});
}

/** A server that takes only the response formats listed. */
function acceptsOnly(formats: (string | undefined)[]) {
	return (request: RecordedChatRequest) => {
		const format = (request.response_format as { type?: string } | undefined)?.type;
		if (!formats.includes(format))
			return errorReply(400, {
				message: `response_format ${format} is not supported by this server`,
				param: 'response_format',
			});
		return jsonReply(scriptedDigest(request));
	};
}

describe('structured output on servers that refuse a JSON schema', () => {
	it('falls back to JSON mode with the schema in the instructions, and says so to be remembered', async () => {
		openai.set({ respond: acceptsOnly(['json_object']) });
		const learnt: StructuredMode[] = [];
		const result = await requestStructured(
			model({ onStructuredMode: (mode) => learnt.push(mode) }),
			messages,
			DIGEST_SPEC,
		);
		expect(result.value.tldr).toBe('A scripted TL;DR about the video.');
		expect(learnt).toEqual(['json_object']);
		expect(openai.requests.map((request) => (request.response_format as { type: string }).type)).toEqual([
			'json_schema',
			'json_object',
		]);
		expect(String(openai.requests[1].messages[0].content)).toContain('follows this JSON schema');
	});

	it('falls back to plain instructions plus local validation, with one repair attempt', async () => {
		let calls = 0;
		openai.set({
			respond: (request) => {
				if (request.response_format) return errorReply(400, { message: 'response_format is not supported' });
				return calls++ === 0 ? textReply('Here it is: {"tldr": "no"}') : jsonReply(scriptedDigest(request));
			},
		});
		const learnt: StructuredMode[] = [];
		const result = await requestStructured(
			model({ onStructuredMode: (mode) => learnt.push(mode) }),
			messages,
			DIGEST_SPEC,
		);
		expect(result.calls).toBe(2);
		expect(learnt).toEqual(['instructions']);
		expect(String(openai.requests.at(-1)?.messages.at(-1)?.content)).toContain('$.summary is missing');
	});

	it('starts with the mode remembered for the server', async () => {
		openai.set({ respond: acceptsOnly([undefined]) });
		await requestStructured(model({ structuredMode: 'instructions' }), messages, DIGEST_SPEC);
		expect(openai.requests).toHaveLength(1);
		expect(openai.requests[0].response_format).toBeUndefined();
	});

	it('does not mistake a context-length error for a format refusal', async () => {
		openai.set({ respond: errorReply(400, { message: "This model's maximum context length is 8192 tokens" }) });
		await expect(requestStructured(model(), messages, DIGEST_SPEC)).rejects.toMatchObject({
			kind: 'llm-unavailable',
		});
		expect(openai.requests).toHaveLength(1);
	});
});

describe('rate limits and failures', () => {
	it('waits as long as Retry-After says, then retries', async () => {
		openai.set({
			respond: sequence([
				errorReply(429, { message: 'Rate limit reached', retryAfterSeconds: 7 }),
				jsonReply(scriptedDigest({ messages } as unknown as RecordedChatRequest)),
			]),
		});
		const result = await requestStructured(model(), messages, DIGEST_SPEC);
		expect(result.value.tldr).toBeTruthy();
		expect(openai.requests).toHaveLength(2);
		expect(waits).toEqual([7000]);
	});

	it('gives up after the retries with one sentence that says how long to wait', async () => {
		openai.set({ respond: errorReply(429, { message: 'Rate limit reached', retryAfterSeconds: 20 }) });
		await expect(requestStructured(model(), messages, DIGEST_SPEC)).rejects.toMatchObject({
			kind: 'llm-rate-limited',
			detail: 'try again in 20 seconds',
		});
		expect(openai.requests).toHaveLength(3);
		expect(waits).toEqual([20_000, 20_000]);
	});

	it('does not wait a day when Retry-After asks for one: it stops and says when to come back', async () => {
		openai.set({ respond: errorReply(429, { message: 'Quota exhausted', retryAfterSeconds: 86_400 }) });
		await expect(requestStructured(model(), messages, DIGEST_SPEC)).rejects.toMatchObject({
			kind: 'llm-rate-limited',
			detail: 'try again in 24 hours',
		});
		expect(openai.requests).toHaveLength(1);
		expect(waits).toEqual([]);
	});

	it('backs off on its own when Retry-After is negative or unreadable, and never says a negative time', async () => {
		openai.set({ respond: errorReply(429, { message: 'Slow down', retryAfterSeconds: -30 }) });
		const error = await requestStructured(model(), messages, DIGEST_SPEC).catch((caught: unknown) => caught);
		expect(error).toMatchObject({ kind: 'llm-rate-limited', detail: undefined });
		expect(waits).toEqual([1000, 2000]);
	});

	it('stops waiting at once when cancelled during a retry wait', async () => {
		openai.set({ respond: errorReply(429, { message: 'Rate limit reached', retryAfterSeconds: 50 }) });
		const controller = new AbortController();
		const started = Date.now();
		const run = requestStructured(model({ sleep: undefined }), messages, DIGEST_SPEC, controller.signal);
		setTimeout(() => controller.abort(), 50);
		await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('says the account is out of credit, without retrying, when a 429 says insufficient_quota', async () => {
		const message = 'You exceeded your current quota, please check your plan and billing details.';
		openai.set({ respond: errorReply(429, { message, code: 'insufficient_quota', type: 'insufficient_quota' }) });
		const error = await requestStructured(model(), messages, DIGEST_SPEC).catch((caught: unknown) => caught);
		expect(error).toMatchObject({ kind: 'llm-quota' });
		expect(userMessage(error)).toContain('used up its credit or quota');
		expect(openai.requests).toHaveLength(1);
		expect(waits).toEqual([]);
	});

	it('never shows the API key a server quotes back in its error', async () => {
		// One key shaped like OpenAI's, one a local server's own (nothing about it looks like a key).
		for (const apiKey of ['sk-proj-Abc123Def456Ghi789Jkl012', 'Abc123-home-server']) {
			for (const status of [400, 404, 500]) {
				openai.set({ respond: errorReply(status, { message: `Incorrect API key provided: ${apiKey}.` }) });
				const error = await requestStructured(model({ apiKey, maxRetries: 0 }), messages, DIGEST_SPEC).catch(
					(caught: unknown) => caught,
				);
				expect(userMessage(error)).not.toContain('Abc123');
				expect(String((error as Error).message)).not.toContain('Abc123');
			}
		}
	});

	it('retries a server error, then reports the service as failing', async () => {
		openai.set({ respond: errorReply(500, { message: 'boom' }) });
		await expect(
			requestStructured(
				createOpenAIChatModel({
					http: routedHttp({}).http,
					baseUrl: openai.baseUrl,
					apiKey: 'k',
					model: 'm',
					maxRetries: 1,
					sleep: recordedSleep,
				}),
				messages,
				DIGEST_SPEC,
			),
		).rejects.toMatchObject({
			kind: 'llm-unavailable',
		});
		expect(openai.requests).toHaveLength(2);
		// One backoff of a second before the single retry.
		expect(waits).toEqual([1000]);
	});

	it('reports a refusal', async () => {
		openai.set({
			respond: { kind: 'completion', content: null, refusal: 'I cannot help with that.', options: {} },
		});
		await expect(requestStructured(model(), messages, DIGEST_SPEC)).rejects.toMatchObject({
			kind: 'model-refused',
		});
	});
});

describe('provider presets', () => {
	it.each(PROVIDERS.map((provider) => [provider.name, provider]))(
		'%s: the preset URL and model reach the chat endpoint',
		async (_name, provider) => {
			openai.set({ respond: (request) => jsonReply(scriptedDigest(request)) });
			const http = routedHttp({ [provider.baseUrl]: openai.baseUrl }).http;
			const chat = createOpenAIChatModel({
				http,
				baseUrl: provider.baseUrl,
				apiKey: 'provider-key',
				model: provider.model,
			});
			await requestStructured(chat, messages, DIGEST_SPEC);
			expect(openai.requests[0]).toMatchObject({ model: provider.model, authorization: 'Bearer provider-key' });
		},
	);

	it('lists the models a server offers, sorted', async () => {
		expect(await listModels({ http: routedHttp({}).http, baseUrl: openai.baseUrl, apiKey: 'k' })).toEqual([
			'model-a',
			'model-b',
		]);
	});

	it('lists no models when the server cannot be reached', async () => {
		const unreachable = { http: routedHttp({}).http, baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k' };
		expect(await listModels(unreachable)).toEqual([]);
	});
});

describe('answers of the wrong shape from a compatible server', () => {
	/** A server that answers every call with this body (status 200 unless told). */
	function answering(body: unknown, contentType = 'application/json') {
		return createOpenAIChatModel({
			http: async () => ({
				status: 200,
				headers: { 'content-type': contentType },
				text: typeof body === 'string' ? body : JSON.stringify(body),
			}),
			baseUrl: 'http://127.0.0.1:9/v1',
			apiKey: 'k',
			model: 'm',
			maxRetries: 0,
		});
	}

	it.each([
		['no choices', {}],
		['choices null', { choices: null }],
		['a JSON string', 'null'],
		['an HTML page', '<html><body>Gateway says hello</body></html>'],
	])('%s: the service failed, in one sentence without the body or a JavaScript error', async (_name, body) => {
		const error = await requestStructured(answering(body), messages, DIGEST_SPEC).catch(
			(caught: unknown) => caught,
		);
		expect(error).toMatchObject({ kind: 'llm-unavailable' });
		expect(userMessage(error)).not.toMatch(/Cannot read|undefined|null|Gateway|<html/);
	});

	it.each([
		['content a number', { content: 42 }],
		['content an object', { content: { summary: 'x' } }],
		['refusal an object', { content: null, refusal: { reason: 'x' } }],
		['no message', undefined],
	])('%s: an unusable answer (output-invalid), not a crash', async (_name, message) => {
		const completion = { choices: [{ message, finish_reason: 'stop' }], model: 'm' };
		await expect(requestStructured(answering(completion), messages, DIGEST_SPEC)).rejects.toMatchObject({
			kind: 'output-invalid',
		});
	});

	it('a content filter that stops the answer is a refusal, not an invalid answer asked again', async () => {
		const completion = { choices: [{ message: { content: null }, finish_reason: 'content_filter' }] };
		await expect(requestStructured(answering(completion), messages, DIGEST_SPEC)).rejects.toMatchObject({
			kind: 'model-refused',
		});
	});

	it('reads a token count given as text, and a negative one as 0', async () => {
		const content = JSON.stringify({ hello: 1 });
		const usage = { prompt_tokens: -500, completion_tokens: '12' };
		const result = await answering({ choices: [{ message: { content }, finish_reason: 'stop' }], usage }).complete({
			messages,
		});
		expect(result.usage).toEqual({ inputTokens: 0, outputTokens: 12 });
	});
});
