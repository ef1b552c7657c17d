import * as esbuild from 'esbuild';
import * as path from 'node:path';
import {
	openaiChatCompletionsOnly,
	stubbedOpenAIHelpers,
	stubbedOpenAIResources,
} from '../../scripts/openaiChatCompletionsOnly.cjs';
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

	// An SDK update that changes what chat completions import from the SDK's lib/ fails here: check that the
	// plugin still calls none of them (it calls `create`, never `parse`, `stream` or `runTools`).
	it('leaves out the helpers of parse, stream and runTools, by name', () => {
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
		const helpers = [...openaiBytes].filter(([input]) => /^(lib|_vendor)\//.test(input));
		expect(helpers.reduce((sum, [, bytes]) => sum + bytes, 0)).toBeLessThan(2_000);
		const total = [...openaiBytes.values()].reduce((sum, bytes) => sum + bytes, 0);
		// About 50 KB minified in openai 6.49.0; all of the SDK was about 190 KB.
		expect(total).toBeLessThan(60_000);
	});

	it('still completes a chat and lists the models', async () => {
		const { module } = await bundledChatModel();
		const http = routedHttp({}).http;
		const model = module.createOpenAIChatModel({ http, baseUrl: openai.baseUrl, apiKey: 'k', model: 'm' });
		const result = await model.complete({ messages: [{ role: 'user', content: 'Hi' }] });
		expect(result.content).toBe('{"answer":42}');
		expect(await module.listModels({ http, baseUrl: openai.baseUrl, apiKey: 'k' })).not.toEqual([]);
	});
});
