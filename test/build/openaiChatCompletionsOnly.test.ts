import * as esbuild from 'esbuild';
import * as path from 'node:path';
import {
	openaiChatCompletionsOnly,
	stubbedOpenAIHelpers,
	stubbedOpenAIResources,
} from '../../scripts/openaiChatCompletionsOnly.cjs';
import type OpenAIClient from 'openai';
import type * as OpenAIChatModel from '../../src/core/llm/openaiChatModel';
import { FakeOpenAI, jsonReply, startFakeOpenAI } from '../support/fakeOpenAIServer';
import { routedHttp } from '../support/routedHttp';

const ROOT = path.resolve(__dirname, '../..');

/** openaiChatModel.ts bundled as main.js bundles it. */
async function bundledChatModel(): Promise<{ module: typeof OpenAIChatModel; openaiBytes: Map<string, number> }> {
	const result = await esbuild.build({
		entryPoints: [path.join(ROOT, 'src/core/llm/openaiChatModel.ts')],
		bundle: true,
		write: false,
		metafile: true,
		format: 'cjs',
		platform: 'node',
		minify: true,
		plugins: [openaiChatCompletionsOnly],
		logLevel: 'silent',
	});
	const module = { exports: {} as typeof OpenAIChatModel };
	new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
	const [output] = Object.values(result.metafile.outputs);
	const openaiBytes = new Map(
		Object.entries(output.inputs)
			.filter(([input]) => input.includes('node_modules/openai/'))
			.map(([input, { bytesInOutput }]) => [input.replace(/^.*node_modules\/openai\//, ''), bytesInOutput]),
	);
	return { module: module.exports, openaiBytes };
}

describe('the openai SDK in the bundle', () => {
	let openai: FakeOpenAI;
	beforeAll(async () => {
		openai = await startFakeOpenAI({ respond: () => jsonReply({ answer: 42 }) });
	});
	afterAll(() => openai.close());

	// An SDK update that adds, removes or renames a resource fails here: check that the plugin still
	// uses none of the stubbed ones, then update the list.
	it('leaves out every resource but chat and models, by name', () => {
		expect([...stubbedOpenAIResources().values()].sort()).toEqual([
			'Admin',
			'Audio',
			'Batches',
			'Beta',
			'Completions',
			'Containers',
			'Conversations',
			'Embeddings',
			'Evals',
			'Files',
			'FineTuning',
			'Graders',
			'Images',
			'Moderations',
			'Realtime',
			'Responses',
			'Skills',
			'Uploads',
			'VectorStores',
			'Videos',
			'Webhooks',
		]);
	});

	// An SDK update that changes what chat completions import from the SDK's lib/, or who reads server-sent
	// events or exchanges a workload identity, fails here: check that the plugin still uses none of them (it
	// calls `create`, never `parse`, `stream` or `runTools`, never streams, and passes an API key).
	it('leaves out the helpers of parse, stream and runTools, streaming and workload identity, by name', () => {
		const helpers = [...stubbedOpenAIHelpers()].map(([module, names]) => [
			module.replace(/^.*node_modules\/openai\//, ''),
			names,
		]);
		expect(Object.fromEntries(helpers)).toEqual({
			'lib/ChatCompletionRunner.mjs': ['ChatCompletionRunner'],
			'lib/ChatCompletionStream.mjs': ['ChatCompletionStream'],
			'lib/ChatCompletionStreamingRunner.mjs': ['ChatCompletionStreamingRunner'],
			'lib/RunnableFunction.mjs': ['ParsingToolFunction'],
			'lib/parser.mjs': ['parseChatCompletion', 'validateInputTools'],
			'core/streaming.mjs': ['Stream'],
			'auth/workload-identity-auth.mjs': ['WorkloadIdentityAuth'],
		});
	});

	it('keeps the client, chat completions and models, and little else', async () => {
		const { openaiBytes } = await bundledChatModel();
		expect(openaiBytes.get('client.mjs')).toBeGreaterThan(0);
		expect(openaiBytes.get('resources/chat/completions/completions.mjs')).toBeGreaterThan(0);
		expect(openaiBytes.get('resources/models.mjs')).toBeGreaterThan(0);
		for (const stub of stubbedOpenAIResources().keys())
			expect(openaiBytes.get(stub.replace(/^.*node_modules\/openai\//, ''))).toBeLessThan(400);
		expect([...openaiBytes.keys()].filter((input) => input.includes('resources/beta/threads'))).toEqual([]);
		const helpers = [...openaiBytes].filter(([input]) => /^(lib\/|_vendor\/|core\/streaming|auth\/)/.test(input));
		expect(helpers.reduce((sum, [, bytes]) => sum + bytes, 0)).toBeLessThan(2_500);
		expect(openaiBytes.get('internal/decoders/line.mjs')).toBeUndefined();
		const total = [...openaiBytes.values()].reduce((sum, bytes) => sum + bytes, 0);
		// About 45 KB minified in openai 6.49.0; all of the SDK was about 190 KB.
		expect(total).toBeLessThan(50_000);
	});

	it('still completes a chat and lists the models', async () => {
		const { module } = await bundledChatModel();
		const http = routedHttp({}).http;
		const model = module.createOpenAIChatModel({ http, baseUrl: openai.baseUrl, apiKey: 'k', model: 'm' });
		const result = await model.complete({ messages: [{ role: 'user', content: 'Hi' }] });
		expect(result.content).toBe('{"answer":42}');
		expect(await module.listModels({ http, baseUrl: openai.baseUrl, apiKey: 'k' })).not.toEqual([]);
	});

	it('says what is missing when a left-out helper is used', async () => {
		const result = await esbuild.build({
			stdin: {
				contents: `import { OpenAI } from 'openai/client';\nexport const client = (o) => new OpenAI(o);`,
				resolveDir: ROOT,
			},
			bundle: true,
			write: false,
			format: 'cjs',
			platform: 'node',
			plugins: [openaiChatCompletionsOnly],
			logLevel: 'silent',
		});
		const module = { exports: {} as { client: (options: object) => OpenAIClient } };
		new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
		const client = module.exports.client({ apiKey: 'k', baseURL: openai.baseUrl, maxRetries: 0 });
		const body = { model: 'm', messages: [{ role: 'user' as const, content: 'Hi' }] };
		expect(() => client.chat.completions.stream(body)).toThrow('openai: ChatCompletionStream is not bundled');
		const events = async () => new Response('data: {}\n\n', { headers: { 'content-type': 'text/event-stream' } });
		const streaming = module.exports.client({ apiKey: 'k', baseURL: openai.baseUrl, fetch: events });
		await expect(streaming.chat.completions.create({ ...body, stream: true })).rejects.toThrow(
			'openai: Stream is not bundled',
		);
		expect(() => module.exports.client({ workloadIdentity: {} })).toThrow(/not bundled/);
		expect((await client.chat.completions.create(body)).choices[0].message.content).toBe('{"answer":42}');
	});
});
