import { testConnection } from '../../../src/core/llm/testConnection';
import { errorReply, FakeOpenAI, startFakeOpenAI, textReply } from '../../support/fakeOpenAIServer';
import { routedHttp } from '../../support/routedHttp';

const KEY = 'sk-connection-test-0123456789';

let openai: FakeOpenAI;
beforeAll(async () => {
	openai = await startFakeOpenAI({ apiKey: KEY });
});
afterAll(() => openai.close());
beforeEach(() => {
	openai.reset();
	openai.set({ respond: textReply('OK') });
});

const host = () => new URL(openai.baseUrl).host;

function connection(overrides: { apiKey?: string; model?: string; baseUrl?: string } = {}) {
	return { baseUrl: openai.baseUrl, model: 'test-model', apiKey: KEY, ...overrides };
}

describe('testConnection', () => {
	it('says what works after one tiny chat completion through the real SDK', async () => {
		const { http } = routedHttp({});
		const check = await testConnection(http, connection());
		expect(check).toEqual({ ok: true, message: `Connected to ${host()}: model test-model answered.` });
		expect(openai.requests).toHaveLength(1);
		const [request] = openai.requests;
		expect(request.model).toBe('test-model');
		expect(request.messages).toEqual([{ role: 'user', content: 'Reply with the single word OK.' }]);
		expect(request.response_format).toBeUndefined();
		expect(request.authorization).toBe(`Bearer ${KEY}`);
		expect(openai.httpLog.map((entry) => entry.path)).toEqual(['/v1/chat/completions']);
	});

	it('gives the key-rejected sentence for a wrong key, without the key', async () => {
		const wrong = 'sk-wrong-key-that-must-not-show-9876543210';
		const check = await testConnection(routedHttp({}).http, connection({ apiKey: wrong }));
		expect(check).toEqual({ ok: false, message: 'The API key was rejected: check it in the plugin settings.' });
		expect(check.message).not.toContain(wrong);
		expect(openai.requests).toHaveLength(1);
	});

	it('names a model the server does not have', async () => {
		openai.set({ respond: errorReply(404) });
		const check = await testConnection(routedHttp({}).http, connection({ model: 'no-such-model' }));
		expect(check.ok).toBe(false);
		expect(check.message).toMatch(/^The model was not found on the server: check the model name in the settings\./);
		expect(check.message).toContain('no-such-model');
	});

	it('says the server is not running when nothing listens at its address', async () => {
		const closed = await startFakeOpenAI();
		const baseUrl = closed.baseUrl;
		await closed.close();
		const check = await testConnection(routedHttp({}).http, connection({ baseUrl, apiKey: '' }));
		expect(check.ok).toBe(false);
		expect(check.message).toMatch(/^Could not connect to the language model server; check that it is running/);
	});

	it('sends nothing when a hosted server needs a key and none is set, or no model is set', async () => {
		const { http, log } = routedHttp({});
		expect(await testConnection(http, connection({ baseUrl: 'https://api.openai.com/v1', apiKey: '' }))).toEqual({
			ok: false,
			message: 'api.openai.com needs an API key, and none is set: choose one under API key.',
		});
		expect(await testConnection(http, connection({ model: ' ' }))).toEqual({
			ok: false,
			message: 'No model is set: type its name under Model.',
		});
		expect(log).toHaveLength(0);
	});

	it('never shows a key the server quotes back', async () => {
		openai.set({ respond: errorReply(400, { message: `Bad request from ${KEY}`, shouldRetry: false }) });
		const check = await testConnection(routedHttp({}).http, connection());
		expect(check.ok).toBe(false);
		expect(check.message).not.toContain(KEY);
	});
});
