import { DIGEST_SPEC } from '../../../src/core/llm/digestSchema';
import { createOpenAIChatModel, listModels, StructuredMode } from '../../../src/core/llm/openaiChatModel';
import { PROVIDERS } from '../../../src/core/llm/providers';
import { requestStructured } from '../../../src/core/llm/structuredRequest';
import {
	errorReply,
	FakeOpenAI,
	jsonReply,
	RecordedChatRequest,
	sequence,
	startFakeOpenAI,
	textReply,
} from '../../support/fakeOpenAIServer';
import { instantWaits, InstantWaits } from '../../support/instantWaits';
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

function model(options: { structuredMode?: StructuredMode; onStructuredMode?: (mode: StructuredMode) => void } = {}) {
	return createOpenAIChatModel({
		http: routedHttp({}).http,
		baseUrl: openai.baseUrl,
		apiKey: 'k',
		model: 'test-model',
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
	let sdkSleeps: InstantWaits;
	beforeEach(() => {
		sdkSleeps = instantWaits();
	});
	afterEach(() => sdkSleeps.restore());

	it('waits as long as Retry-After says, then retries', async () => {
		openai.set({
			respond: sequence([
				errorReply(429, { message: 'Rate limit reached', retryAfterSeconds: 1 }),
				jsonReply(scriptedDigest({ messages } as unknown as RecordedChatRequest)),
			]),
		});
		const result = await requestStructured(model(), messages, DIGEST_SPEC);
		expect(result.value.tldr).toBeTruthy();
		expect(openai.requests).toHaveLength(2);
		expect(sdkSleeps.waits).toEqual([1000]);
	});

	it('gives up after the retries with one sentence that says how long to wait', async () => {
		openai.set({ respond: errorReply(429, { message: 'Rate limit reached', retryAfterSeconds: 0 }) });
		await expect(requestStructured(model(), messages, DIGEST_SPEC)).rejects.toMatchObject({
			kind: 'llm-rate-limited',
			detail: 'try again in 0 seconds',
		});
		expect(openai.requests).toHaveLength(3);
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
				}),
				messages,
				DIGEST_SPEC,
			),
		).rejects.toMatchObject({
			kind: 'llm-unavailable',
		});
		expect(openai.requests).toHaveLength(2);
		// One backoff before the single retry: half a second, less up to a quarter of jitter.
		expect(sdkSleeps.waits).toHaveLength(1);
		expect(sdkSleeps.waits[0]).toBeGreaterThanOrEqual(375);
		expect(sdkSleeps.waits[0]).toBeLessThanOrEqual(500);
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

	it("lists no models, after the SDK's retries, when the server cannot be reached", async () => {
		const sdkSleeps = instantWaits();
		try {
			const unreachable = { http: routedHttp({}).http, baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k' };
			expect(await listModels(unreachable)).toEqual([]);
			expect(sdkSleeps.waits).toHaveLength(2);
		} finally {
			sdkSleeps.restore();
		}
	});
});
