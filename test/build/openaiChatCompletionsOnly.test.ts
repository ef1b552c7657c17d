import * as esbuild from 'esbuild';
import * as path from 'node:path';
import {
	openaiChatCompletionsOnly,
	openaiInsideObsidian,
	stringifyQuery,
	stubbedOpenAIHelpers,
	stubbedOpenAIResources,
} from '../../scripts/openaiChatCompletionsOnly.cjs';
import OpenAIClient from 'openai';
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

/** `openai/client` bundled as cli.js bundles it (`insideObsidian`: as main.js does): its `OpenAI` class. */
async function bundledClientClass(insideObsidian = false): Promise<typeof OpenAIClient> {
	const result = await esbuild.build({
		stdin: { contents: `export { OpenAI } from 'openai/client';`, resolveDir: ROOT },
		bundle: true,
		write: false,
		format: 'cjs',
		platform: 'node',
		plugins: insideObsidian ? [openaiChatCompletionsOnly, openaiInsideObsidian] : [openaiChatCompletionsOnly],
		logLevel: 'silent',
	});
	const module = { exports: {} as { OpenAI: typeof OpenAIClient } };
	new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
	return module.exports.OpenAI;
}

/** The SDK's own `stringifyQuery` (its copy of qs), which the stand-in replaces. */
async function sdkStringifyQuery(): Promise<(query: object) => string> {
	const result = await esbuild.build({
		entryPoints: [path.join(ROOT, 'node_modules/openai/internal/utils/query.mjs')],
		bundle: true,
		write: false,
		format: 'cjs',
		platform: 'node',
		logLevel: 'silent',
	});
	const module = { exports: {} as { stringifyQuery: (query: object) => string } };
	new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
	return module.exports.stringifyQuery;
}

/** Flat queries from a seeded generator: every ASCII character, reserved ones, Latin-1, CJK, emoji, lone surrogates. */
function flatQueries(count: number): Record<string, unknown>[] {
	let seed = 12;
	const random = (below: number) => {
		seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
		return Math.floor((seed / 2 ** 32) * below);
	};
	const units = [
		() => String.fromCharCode(random(0x80)),
		() => "!*'()~-._&=+?#/[]%,;:@$ \\"[random(25)],
		() => String.fromCharCode(0x80 + random(0x780)),
		() => String.fromCharCode(0x800 + random(0xd000)),
		() => String.fromCodePoint(0x10000 + random(0x100000)),
		() => String.fromCharCode(0xd800 + random(0x800)),
		() => 'aZ9',
	];
	const text = () => {
		// Now and then longer than the 1,024 units qs encodes at a time, where a pair may be cut in two.
		const length = random(8) === 0 ? 1000 + random(60) : random(12);
		let result = '';
		while (result.length < length) result += units[random(units.length)]();
		return result;
	};
	const values = [
		text,
		() => random(2_000_000) - 1_000_000,
		() => [0.5, -0, NaN, Infinity, -Infinity, 1e21, 1e-7, 2 ** 53][random(8)],
		() => random(2) === 0,
		() => null,
		() => undefined,
		() => BigInt(random(1_000_000)) * 10n ** 20n,
		() => '',
	];
	return Array.from({ length: count }, () => {
		const query: Record<string, unknown> = {};
		for (let keys = random(6); keys > 0; keys--)
			query[random(4) === 0 ? String(random(20)) : text()] = values[random(values.length)]();
		return query;
	});
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
			'Messages',
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
	// events, exchanges a workload identity or makes files to upload, fails here: check that the plugin still
	// uses none of them (it calls `create`, never `parse`, `stream` or `runTools`, never streams, passes an API
	// key and uploads nothing; `toFile` and `toStreamingFile` are only static members of the client class). Of
	// pagination, only the page with a cursor is left out, which chat.completions.list uses.
	it('leaves out the helpers the plugin never calls, by name', () => {
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
			'internal/uploads.mjs': ['toStreamingFile'],
			'internal/to-file.mjs': ['toFile'],
			'internal/utils/path.mjs': ['path'],
			'internal/provider.mjs': ['configureProvider'],
			'internal/utils/uuid.mjs': ['uuid4'],
			'core/pagination.mjs': ['CursorPage'],
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
		expect([...openaiBytes.keys()].filter((input) => input.startsWith('internal/qs/'))).toEqual([]);
		const total = [...openaiBytes.values()].reduce((sum, bytes) => sum + bytes, 0);
		// About 31 KB minified in openai 6.49.0; all of the SDK was about 190 KB.
		expect(total).toBeLessThan(34_000);
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
		const OpenAI = await bundledClientClass();
		const client = new OpenAI({ apiKey: 'k', baseURL: openai.baseUrl, maxRetries: 0 });
		const body = { model: 'm', messages: [{ role: 'user' as const, content: 'Hi' }] };
		expect(() => client.chat.completions.stream(body)).toThrow('openai: ChatCompletionStream is not bundled');
		expect(() => client.models.retrieve('m')).toThrow('openai: path is not bundled');
		expect(() => client.chat.completions.retrieve('c')).toThrow('openai: path is not bundled');
		const lists = new OpenAI({
			apiKey: 'k',
			baseURL: openai.baseUrl,
			fetch: async () => Response.json({ data: [] }),
		});
		await expect(lists.chat.completions.list()).rejects.toThrow('openai: CursorPage is not bundled');
		for (const resource of [client.audio, client.files, client.chat.completions.messages])
			expect(Object.getOwnPropertyNames(Object.getPrototypeOf(resource))).toEqual(['constructor']);
		const events = async () => new Response('data: {}\n\n', { headers: { 'content-type': 'text/event-stream' } });
		const streaming = new OpenAI({ apiKey: 'k', baseURL: openai.baseUrl, fetch: events });
		await expect(streaming.chat.completions.create({ ...body, stream: true })).rejects.toThrow(
			'openai: Stream is not bundled',
		);
		expect(() => new OpenAI({ workloadIdentity: {} as never })).toThrow(/not bundled/);
		expect(() => new OpenAI({ provider: {} as never })).toThrow('openai: configureProvider is not bundled');
		expect(() => (client as unknown as { defaultIdempotencyKey(): string }).defaultIdempotencyKey()).toThrow(
			'openai: uuid4 is not bundled',
		);
		await expect(async () => OpenAI.toFile(new Uint8Array(1), 'a.txt')).rejects.toThrow('toFile is not bundled');
		expect(() => OpenAI.toStreamingFile(new Uint8Array(1) as never, 'a.txt')).toThrow(
			'toStreamingFile is not bundled',
		);
		expect((await client.chat.completions.create(body)).choices[0].message.content).toBe('{"answer":42}');
	});

	// A base URL with a query (`?api-version=…`) gives every request a query, which the SDK writes with qs.
	it('writes a flat query as the SDK’s qs does, character for character', async () => {
		const qs = await sdkStringifyQuery();
		const queries = [{}, { a: undefined }, { '': '' }, { a: null, b: true, c: 0 }, ...flatQueries(5000)];
		const unequal = queries.filter((query) => stringifyQuery(query) !== qs(query));
		expect(unequal.map((query) => [query, stringifyQuery(query), qs(query)])).toEqual([]);
		expect(stringifyQuery({ 'api-version': '2024-10-21', q: 'ä ö/ü?&=' })).toBe(
			'api-version=2024-10-21&q=%C3%A4%20%C3%B6%2F%C3%BC%3F%26%3D',
		);
	});

	it('says so rather than writing a nested query', () => {
		for (const value of [{ b: 1 }, [1, 2], new Date(0), () => 1])
			expect(() => stringifyQuery({ a: value })).toThrow(
				'openai: this plugin\'s query stand-in writes flat values only, not the object in "a"',
			);
	});

	it('sends what the whole SDK sends, also when the base URL or the client has a query', async () => {
		const OpenAI = await bundledClientClass();
		const sent = async (Client: typeof OpenAIClient, options: { baseURL: string; defaultQuery?: object }) => {
			const requests: unknown[] = [];
			const fetch = async (url: string | URL | Request, init?: RequestInit) => {
				const headers = Object.fromEntries(new Headers(init?.headers));
				requests.push({ url: String(url), method: init?.method, headers, body: init?.body });
				const reply = { object: 'list', data: [{ id: 'm' }], choices: [] };
				return new Response(JSON.stringify(reply), { headers: { 'content-type': 'application/json' } });
			};
			const client = new Client({ apiKey: 'k', maxRetries: 0, fetch, ...options } as never);
			for await (const model of client.models.list()) expect(model.id).toBe('m');
			await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] });
			return requests;
		};
		for (const options of [
			{ baseURL: 'https://example.test/v1' },
			{ baseURL: 'https://example.test/openai/v1?api-version=2024-10-21' },
			{ baseURL: 'https://example.test/v1/', defaultQuery: { 'api-version': '2024-10-21', n: 1, x: 'ä /&=?' } },
			{ baseURL: 'https://example.test/v1?a=1&b=%E2%9C%93+x', defaultQuery: { b: 'c', d: undefined, e: null } },
		])
			expect(await sent(OpenAI, options)).toEqual(await sent(OpenAIClient, options));
		const nested = new OpenAI({
			apiKey: 'k',
			baseURL: 'https://example.test/v1',
			defaultQuery: { a: { b: '1' } } as never,
		});
		await expect(nested.models.list()).rejects.toThrow('query stand-in writes flat values only');
	});

	it('writes nothing to any logger in the plugin, as the CLI does for OPENAI_LOG', async () => {
		const logged = async (Client: typeof OpenAIClient) => {
			const calls: string[] = [];
			const logger = Object.fromEntries(
				(['error', 'warn', 'info', 'debug'] as const).map((level) => [level, () => void calls.push(level)]),
			);
			const fetch = async () => new Response('{"error":{"message":"busy"}}', { status: 500 });
			const client = new Client({ apiKey: 'k', maxRetries: 1, fetch, logger, logLevel: 'debug' } as never);
			await expect(client.models.list()).rejects.toThrow();
			return calls;
		};
		expect(await logged(await bundledClientClass())).toEqual(expect.arrayContaining(['debug', 'info']));
		expect(await logged(await bundledClientClass(true))).toEqual([]);
	});

	it("tells the model server the SDK's language and version in the plugin, not the user's machine", async () => {
		const headersSent = async (Client: typeof OpenAIClient) => {
			let headers: Record<string, string> = {};
			const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
				headers = Object.fromEntries(new Headers(init?.headers));
				return new Response('{"object":"list","data":[]}', { headers: { 'content-type': 'application/json' } });
			};
			const client = new Client({ apiKey: 'k', maxRetries: 0, fetch } as never);
			for await (const model of client.models.list()) expect(model).toBeUndefined();
			return headers;
		};
		const cli = await headersSent(await bundledClientClass());
		const plugin = await headersSent(await bundledClientClass(true));
		const describesMachine = [
			'x-stainless-os',
			'x-stainless-arch',
			'x-stainless-runtime',
			'x-stainless-runtime-version',
		];
		for (const name of describesMachine) expect(cli[name]).toEqual(expect.any(String));
		for (const name of describesMachine) expect(plugin[name]).toBeUndefined();
		const others = Object.fromEntries(Object.entries(cli).filter(([name]) => !describesMachine.includes(name)));
		expect(plugin).toEqual(others);
		expect(plugin['x-stainless-package-version']).toMatch(/^\d+\.\d+\.\d+$/);
	});
});
