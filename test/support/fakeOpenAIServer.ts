/**
 * A loopback OpenAI-compatible server for the non-streaming Chat Completions path the plugin uses. Replies are
 * scripted per call with small builders (JSON content, raw text, refusal, API errors, latency, sequences) and are
 * shaped like api.openai.com's, so the REAL `openai` SDK parses them and maps errors to its own classes
 * (AuthenticationError, RateLimitError, InternalServerError, ...).
 */
import {
	startLoopbackServer,
	type IncomingTestRequest,
	type OutgoingTestResponse,
	type WrittenResponse,
} from './loopbackServer';

type MaybePromise<T> = T | Promise<T>;

export interface ChatMessage {
	role: string;
	/** A string, an array of content parts, or null (assistant messages with tool calls). */
	content: string | { type: string; text?: string }[] | null;
	[key: string]: unknown;
}

/** The request body fields the fake reads; anything else the client sends is kept in `body` as-is. */
export interface ChatRequestBody {
	model?: string;
	messages?: ChatMessage[];
	response_format?: unknown;
	stream?: boolean;
	[key: string]: unknown;
}

/** One POST /v1/chat/completions as the fake saw it (recorded even when rejected). */
export interface RecordedChatRequest {
	headers: Record<string, string>;
	/** Parsed JSON body; `{}` when the body was not JSON. */
	body: ChatRequestBody;
	/** The raw Authorization header, e.g. `Bearer sk-test`. */
	authorization: string | undefined;
	model: string;
	messages: ChatMessage[];
	response_format: unknown;
	/** 0-based index among requests that reached `respond`; -1 when rejected before (auth, validation). */
	callIndex: number;
	/** Response status; 0 until the response has been written. */
	status: number;
}

/** Every request to the fake (chat, models, unknown paths), with its status. */
export interface RecordedHttpRequest extends IncomingTestRequest {
	status: number;
	bytesSent: number;
}

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls';

export interface Usage {
	prompt_tokens: number;
	completion_tokens: number;
	total_tokens: number;
}

export interface CompletionReplyOptions {
	/** Override token counts (missing ones are estimated); `null` omits `usage`, as some compatible servers do. */
	usage?: Partial<Usage> | null;
	finishReason?: FinishReason;
}

export interface ErrorReplyOptions {
	message?: string;
	type?: string;
	code?: string | null;
	param?: string | null;
	/** Sends `retry-after` (seconds; fractions allowed, the SDK parses floats). */
	retryAfterSeconds?: number;
	/** Sends `x-should-retry`, which the SDK obeys over its own rules. Default: `true` for 429 and 5xx, else absent. */
	shouldRetry?: boolean;
}

/** A scripted answer to one chat call. Build with the reply helpers below, not by hand. */
export type ChatReply =
	| { kind: 'completion'; content: string | null; refusal: string | null; options: CompletionReplyOptions }
	| { kind: 'error'; status: number; options: ErrorReplyOptions }
	| { kind: 'delayed'; ms: number; reply: ChatReply };

export type ChatResponder = (request: RecordedChatRequest, callIndex: number) => MaybePromise<ChatReply>;

export interface ModelSpec {
	id: string;
	owned_by?: string;
	created?: number;
}

export interface FakeOpenAIOptions {
	/** When set, requests must send `Authorization: Bearer <apiKey>` or get OpenAI's 401. */
	apiKey?: string;
	/** The answer for every chat call, or a function choosing it per call. Default: a 500 "no reply scripted". */
	respond?: ChatResponder | ChatReply;
	/** GET /v1/models. Default: a few well-known chat model ids. */
	models?: (string | ModelSpec)[];
	/** Delay before every response, ms. Default 0. */
	latencyMs?: number;
}

export interface FakeOpenAI {
	/** `http://127.0.0.1:PORT/v1`, ready for `new OpenAI({ baseURL })`. */
	baseUrl: string;
	/** Chat completion requests in arrival order (never replaced; cleared by `reset()`). */
	requests: RecordedChatRequest[];
	/** Every HTTP request, including /v1/models and unknown paths. */
	httpLog: RecordedHttpRequest[];
	reset(): void;
	set(options: Partial<FakeOpenAIOptions>): void;
	close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Reply builders

/** A `chat.completion` whose message content is `JSON.stringify(object)` (what a json_schema call returns). */
export function jsonReply(object: unknown, options: CompletionReplyOptions = {}): ChatReply {
	return { kind: 'completion', content: JSON.stringify(object), refusal: null, options };
}

/** A `chat.completion` with arbitrary content, e.g. malformed JSON or prose around JSON. */
export function textReply(content: string, options: CompletionReplyOptions = {}): ChatReply {
	return { kind: 'completion', content, refusal: null, options };
}

/** A structured-outputs refusal: `content: null`, `refusal: text`. */
export function refusalReply(text: string, options: CompletionReplyOptions = {}): ChatReply {
	return { kind: 'completion', content: null, refusal: text, options };
}

/** An OpenAI error response (`{"error":{message,type,param,code}}`); defaults mimic the real messages per status. */
export function errorReply(status: number, options: ErrorReplyOptions = {}): ChatReply {
	return { kind: 'error', status, options };
}

/** Answer with `reply` after `ms` (for timeout and abort tests). */
export function delayed(ms: number, reply: ChatReply): ChatReply {
	return { kind: 'delayed', ms, reply };
}

/**
 * Successive calls get successive replies. Counts its own calls (not the server's callIndex), so it can be installed
 * mid-test with `set()`. Calls past the end get a 500 naming the overrun, so an unexpected extra call fails loudly.
 */
export function sequence(replies: readonly ChatReply[]): ChatResponder {
	let call = 0;
	return () => {
		const index = call++;
		return (
			replies[index] ??
			errorReply(500, {
				message: `fake OpenAI: scripted sequence exhausted (call ${index + 1} of ${replies.length})`,
				shouldRetry: false,
			})
		);
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering replies as HTTP responses

interface ErrorBody {
	message: string;
	type: string;
	param: string | null;
	code: string | null;
}

function apiError(status: number, error: ErrorBody, headers: Record<string, string> = {}): OutgoingTestResponse {
	return { status, json: { error }, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
}

/** OpenAI's usual wording for each status, so tests and error-message code see realistic text. */
function defaultError(status: number, model: string): ErrorBody {
	switch (status) {
		case 400:
			return { message: 'Invalid request.', type: 'invalid_request_error', param: null, code: null };
		case 401:
			return {
				message: 'Incorrect API key provided.',
				type: 'invalid_request_error',
				param: null,
				code: 'invalid_api_key',
			};
		case 403:
			return {
				message: 'You are not allowed to sample from this model.',
				type: 'invalid_request_error',
				param: null,
				code: null,
			};
		case 404:
			return {
				message: `The model \`${model}\` does not exist or you do not have access to it.`,
				type: 'invalid_request_error',
				param: null,
				code: 'model_not_found',
			};
		case 429:
			return {
				message:
					`Rate limit reached for ${model} in organization org-fake on requests per ` +
					`min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.`,
				type: 'requests',
				param: null,
				code: 'rate_limit_exceeded',
			};
		default:
			return status >= 500
				? {
						message: 'The server had an error while processing your request. Sorry about that!',
						type: 'server_error',
						param: null,
						code: null,
					}
				: {
						message: `Request failed with status ${status}.`,
						type: 'invalid_request_error',
						param: null,
						code: null,
					};
	}
}

function renderError(status: number, options: ErrorReplyOptions, model: string): OutgoingTestResponse {
	const fallback = defaultError(status, model);
	const headers: Record<string, string> = {};
	if (options.retryAfterSeconds !== undefined) headers['retry-after'] = String(options.retryAfterSeconds);
	const shouldRetry = options.shouldRetry ?? (status === 429 || status >= 500 ? true : undefined);
	if (shouldRetry !== undefined) headers['x-should-retry'] = String(shouldRetry);
	return apiError(
		status,
		{
			message: options.message ?? fallback.message,
			type: options.type ?? fallback.type,
			param: options.param !== undefined ? options.param : fallback.param,
			code: options.code !== undefined ? options.code : fallback.code,
		},
		headers,
	);
}

/** Rough token count (~4 characters per token), good enough for plausible `usage` numbers. */
function estimateTokens(text: string): number {
	return Math.ceil(text.length / 4);
}

function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content)) return message.content.map((part) => part.text ?? '').join('');
	return '';
}

/** Prompt tokens like OpenAI counts them: content plus a few tokens of framing per message, plus the schema. */
function estimatePromptTokens(request: RecordedChatRequest): number {
	const messages = request.messages.reduce((sum, message) => sum + 4 + estimateTokens(messageText(message)), 3);
	const format = request.response_format === undefined ? 0 : estimateTokens(JSON.stringify(request.response_format));
	return messages + format;
}

function renderCompletion(
	reply: Extract<ChatReply, { kind: 'completion' }>,
	request: RecordedChatRequest,
): OutgoingTestResponse {
	const { usage, finishReason = 'stop' } = reply.options;
	const promptTokens = usage?.prompt_tokens ?? estimatePromptTokens(request);
	const completionTokens = usage?.completion_tokens ?? estimateTokens(reply.content ?? reply.refusal ?? '');
	const completion = {
		id: `chatcmpl-fake${String(request.callIndex).padStart(6, '0')}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: request.model,
		choices: [
			{
				index: 0,
				message: { role: 'assistant', content: reply.content, refusal: reply.refusal, annotations: [] },
				logprobs: null,
				finish_reason: finishReason,
			},
		],
		...(usage === null
			? {}
			: {
					usage: {
						prompt_tokens: promptTokens,
						completion_tokens: completionTokens,
						total_tokens: usage?.total_tokens ?? promptTokens + completionTokens,
						prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
						completion_tokens_details: {
							reasoning_tokens: 0,
							audio_tokens: 0,
							accepted_prediction_tokens: 0,
							rejected_prediction_tokens: 0,
						},
					},
				}),
		service_tier: 'default',
		system_fingerprint: 'fp_fake000000',
	};
	return { json: completion, headers: { 'content-type': 'application/json', 'openai-processing-ms': '1' } };
}

// ---------------------------------------------------------------------------------------------------------------
// The server

const DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini'];
const MODEL_CREATED = 1721172741; // a fixed timestamp keeps /v1/models deterministic

/** OpenAI shows short keys whole and masks the middle of long ones. */
function maskKey(key: string): string {
	return key.length <= 12 ? key : `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`;
}

function authError(authorization: string | undefined, apiKey: string): OutgoingTestResponse | undefined {
	if (authorization === `Bearer ${apiKey}`) return undefined;
	if (!authorization) {
		return apiError(401, {
			message:
				"You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.",
			type: 'invalid_request_error',
			param: null,
			code: null,
		});
	}
	const sent = authorization.replace(/^Bearer\s+/i, '');
	return apiError(401, {
		message: `Incorrect API key provided: ${maskKey(sent)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
		type: 'invalid_request_error',
		param: null,
		code: 'invalid_api_key',
	});
}

function invalidRequest(
	message: string,
	param: string | null = null,
	code: string | null = null,
): OutgoingTestResponse {
	return apiError(400, { message, type: 'invalid_request_error', param, code });
}

function modelObject(spec: string | ModelSpec): { id: string; object: 'model'; created: number; owned_by: string } {
	const model = typeof spec === 'string' ? { id: spec } : spec;
	return {
		id: model.id,
		object: 'model',
		created: model.created ?? MODEL_CREATED,
		owned_by: model.owned_by ?? 'system',
	};
}

export async function startFakeOpenAI(initial: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
	const options: FakeOpenAIOptions = { ...initial };
	const requests: RecordedChatRequest[] = [];
	const httpLog: RecordedHttpRequest[] = [];
	let callCount = 0;

	const parseBody = (text: string): ChatRequestBody | undefined => {
		try {
			const parsed: unknown = JSON.parse(text);
			return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
				? (parsed as ChatRequestBody)
				: undefined;
		} catch {
			return undefined;
		}
	};

	const chat = async (request: IncomingTestRequest, recorded: RecordedChatRequest): Promise<OutgoingTestResponse> => {
		// OpenAI authenticates before it validates, so a bad key wins over a bad body.
		const unauthorized =
			options.apiKey === undefined ? undefined : authError(recorded.authorization, options.apiKey);
		if (unauthorized) return unauthorized;
		const body = parseBody(request.body);
		if (!body) {
			return invalidRequest(
				'We could not parse the JSON body of your request. (HINT: This likely means you ' +
					"aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was " +
					'sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us ' +
					'through our help center at help.openai.com.)',
			);
		}
		if (body.stream === true) {
			return invalidRequest(
				'This fake OpenAI server does not support stream: true (the plugin never streams).',
				'stream',
			);
		}
		if (typeof body.model !== 'string' || body.model === '')
			return invalidRequest('you must provide a model parameter');
		if (!Array.isArray(body.messages)) {
			return invalidRequest("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
		}
		recorded.callIndex = callCount++;
		const respond =
			options.respond ?? errorReply(500, { message: 'fake OpenAI: no reply scripted', shouldRetry: false });
		let reply = typeof respond === 'function' ? await respond(recorded, recorded.callIndex) : respond;
		while (reply.kind === 'delayed') {
			await server.sleep(reply.ms);
			reply = reply.reply;
		}
		return reply.kind === 'error'
			? renderError(reply.status, reply.options, recorded.model)
			: renderCompletion(reply, recorded);
	};

	const models = (request: IncomingTestRequest): OutgoingTestResponse => {
		const unauthorized =
			options.apiKey === undefined ? undefined : authError(request.headers.authorization, options.apiKey);
		if (unauthorized) return unauthorized;
		const list = (options.models ?? DEFAULT_MODELS).map(modelObject);
		if (request.path === '/v1/models') return { json: { object: 'list', data: list } };
		const id = decodeURIComponent(request.path.slice('/v1/models/'.length));
		const found = list.find((model) => model.id === id);
		return found
			? { json: found }
			: apiError(404, {
					message: `The model '${id}' does not exist`,
					type: 'invalid_request_error',
					param: 'model',
					code: 'model_not_found',
				});
	};

	const pendingChat = new WeakMap<IncomingTestRequest, RecordedChatRequest>();

	const server = await startLoopbackServer(
		async (request) => {
			let response: OutgoingTestResponse;
			const recorded = pendingChat.get(request);
			if (recorded) response = await chat(request, recorded);
			else if (
				request.method === 'GET' &&
				(request.path === '/v1/models' || request.path.startsWith('/v1/models/'))
			)
				response = models(request);
			else
				response = apiError(404, {
					message: `Invalid URL (${request.method} ${request.path})`,
					type: 'invalid_request_error',
					param: null,
					code: null,
				});
			await server.sleep(options.latencyMs ?? 0);
			return { ...response, headers: { 'x-request-id': `req_fake${httpLog.length}`, ...response.headers } };
		},
		(request) => {
			const logged: RecordedHttpRequest = { ...request, status: 0, bytesSent: 0 };
			httpLog.push(logged);
			let recorded: RecordedChatRequest | undefined;
			if (request.method === 'POST' && request.path === '/v1/chat/completions') {
				const body = parseBody(request.body) ?? {};
				recorded = {
					headers: request.headers,
					body,
					authorization: request.headers.authorization,
					model: typeof body.model === 'string' ? body.model : '',
					messages: Array.isArray(body.messages) ? body.messages : [],
					response_format: body.response_format,
					callIndex: -1,
					status: 0,
				};
				requests.push(recorded);
				pendingChat.set(request, recorded);
			}
			return (written: WrittenResponse) => {
				logged.status = written.status;
				logged.bytesSent = written.bytesSent;
				if (recorded) recorded.status = written.status;
			};
		},
	);

	return {
		baseUrl: `${server.origin}/v1`,
		requests,
		httpLog,
		reset: () => {
			requests.length = 0;
			httpLog.length = 0;
		},
		set: (partial) => {
			Object.assign(options, partial);
		},
		close: () => server.close(),
	};
}
