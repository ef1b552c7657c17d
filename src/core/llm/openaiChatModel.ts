import type { OpenAI } from 'openai/client';
import { DigestError } from '../errors';
import { fetchOverHttp, HttpClient } from '../http';
import { redactSecrets } from '../redact';
import { sleep, Sleep } from '../timing';
import { asIndex, asRecord, asString } from '../youtube/coerce';
import { ChatMessage, ChatModel, ChatRequest, ChatResult } from './chatModel';

/**
 * How a server is asked for JSON, from strictest to loosest: a strict JSON schema, JSON mode with the
 * schema in the instructions, or the instructions alone (the answer is validated locally either way).
 */
export type StructuredMode = 'json_schema' | 'json_object' | 'instructions';
const MODES: StructuredMode[] = ['json_schema', 'json_object', 'instructions'];

export interface OpenAIChatOptions {
	http: HttpClient;
	baseUrl: string;
	apiKey: string;
	model: string;
	/** Longest wait for one answer; a timed-out call is not repeated (the wait was already spent). */
	timeoutMs?: number;
	/** Repeats after a rate limit or a server error. */
	maxRetries?: number;
	/** Waits between attempts; tests pass an instant one. */
	sleep?: Sleep;
	/** The mode that worked with this server last time; tried first. */
	structuredMode?: StructuredMode;
	/** Told when the server needed a looser mode, so it can be remembered per server. */
	onStructuredMode?: (mode: StructuredMode) => void;
}

/**
 * The client class from `openai/client` (the package's index would bring the Azure and Bedrock clients too);
 * it also carries the SDK's error classes.
 */
type OpenAISdk = typeof OpenAI;

/** A server that asks for a longer pause than this is not waited for: the run ends and says when to try again. */
const LONGEST_RETRY_WAIT_MS = 60_000;

/**
 * A ChatModel over the openai SDK, for OpenAI and any OpenAI-compatible server. The SDK is loaded on the
 * first call, not when the plugin loads, and all its traffic goes through the HttpClient port. Retries
 * are ours, not the SDK's, so that every wait is capped and Cancel interrupts it at once.
 */
export function createOpenAIChatModel(options: OpenAIChatOptions): ChatModel {
	let mode = options.structuredMode ?? 'json_schema';
	const load = sdkLoader(options);
	const maxRetries = options.maxRetries ?? 2;
	const completeInMode = async (sdk: OpenAISdk, client: OpenAI, request: ChatRequest): Promise<ChatResult> => {
		for (let index = MODES.indexOf(mode); ; index++) {
			try {
				const result = await completeOnce(
					client,
					options.model,
					request,
					request.jsonSchema ? MODES[index] : null,
				);
				if (request.jsonSchema && MODES[index] !== mode) {
					mode = MODES[index];
					options.onStructuredMode?.(mode);
				}
				return result;
			} catch (error) {
				const canLoosen = request.jsonSchema && index < MODES.length - 1 && rejectsResponseFormat(sdk, error);
				if (!canLoosen) throw error;
			}
		}
	};
	return {
		model: options.model,
		baseUrl: options.baseUrl,
		async complete(request: ChatRequest): Promise<ChatResult> {
			const { sdk, client } = await load();
			for (let attempt = 0; ; attempt++) {
				try {
					return await completeInMode(sdk, client, request);
				} catch (error) {
					const wait = attempt < maxRetries ? retryWait(sdk, error, attempt) : null;
					if (wait === null || request.signal?.aborted)
						throw toDigestError(sdk, error, request.signal, options);
					await (options.sleep ?? sleep)(wait, request.signal).catch(() => {
						throw new DigestError('cancelled');
					});
				}
			}
		},
	};
}

/** Milliseconds to wait before trying again, or null when this failure is not worth another attempt. */
function retryWait(sdk: OpenAISdk, error: unknown, attempt: number): number | null {
	// A network that is down or a local server that is not running is not back in seconds: say so at once.
	const transient =
		(error instanceof sdk.RateLimitError && !outOfQuota(sdk, error)) || error instanceof sdk.InternalServerError;
	if (!transient) return null;
	const asked = retryAfterMs(error.headers);
	if (asked !== null) return asked <= LONGEST_RETRY_WAIT_MS ? asked : null;
	return 1000 * 2 ** attempt;
}

/** The models the server lists (`GET /models`), sorted; empty when it does not answer that. */
export async function listModels(options: Pick<OpenAIChatOptions, 'http' | 'baseUrl' | 'apiKey'>): Promise<string[]> {
	const { client } = await sdkLoader({ ...options, model: '' })();
	try {
		const ids: string[] = [];
		for await (const model of client.models.list()) ids.push(model.id);
		return ids.sort((a, b) => a.localeCompare(b));
	} catch {
		return [];
	}
}

function sdkLoader(options: OpenAIChatOptions): () => Promise<{ sdk: OpenAISdk; client: OpenAI }> {
	let loading: Promise<{ sdk: OpenAISdk; client: OpenAI }> | null = null;
	return () => {
		loading ??= Promise.all([import('openai/client'), import('openai/version')]).then(
			([{ OpenAI: sdk }, { VERSION }]) => ({
				sdk,
				client: new sdk({
					apiKey: options.apiKey || 'no-key',
					baseURL: options.baseUrl,
					fetch: fetchOverHttp(options.http),
					// Obsidian is a browser to the SDK; the key stays on the user's machine and goes only to
					// their server.
					dangerouslyAllowBrowser: true,
					timeout: options.timeoutMs ?? 180_000,
					maxRetries: 0,
					// The SDK names itself by its class's name, which minifying shortens to a letter or two.
					defaultHeaders: { 'User-Agent': `OpenAI/JS ${VERSION}` },
				}),
			}),
		);
		return loading;
	};
}

async function completeOnce(
	client: OpenAI,
	model: string,
	request: ChatRequest,
	mode: StructuredMode | null,
): Promise<ChatResult> {
	const schema = request.jsonSchema;
	const completion = await client.chat.completions.create(
		{
			model,
			messages:
				mode && mode !== 'json_schema' && schema
					? withSchemaInstructions(request.messages, schema.schema)
					: request.messages,
			...(mode === 'json_schema' && schema
				? {
						response_format: {
							type: 'json_schema' as const,
							json_schema: {
								name: schema.name,
								strict: true,
								schema: schema.schema as Record<string, unknown>,
							},
						},
					}
				: {}),
			...(mode === 'json_object' ? { response_format: { type: 'json_object' as const } } : {}),
		},
		{ signal: request.signal },
	);
	// Compatible servers send anything: a field of the wrong type reads as absent; no list of choices at all
	// (`{}`, `null`, an HTML page) throws here and ends as llm-unavailable in toDigestError.
	const choice = asRecord(completion.choices[0]);
	const message = asRecord(choice?.message);
	const usage = asRecord(completion.usage);
	return {
		content: asString(message?.content) ?? null,
		refusal: asString(message?.refusal) ?? null,
		finishReason: asString(choice?.finish_reason) ?? null,
		usage: usage
			? { inputTokens: tokens(usage.prompt_tokens), outputTokens: tokens(usage.completion_tokens) }
			: null,
		model: asString(completion.model) || model,
	};
}

/** A token count: a whole number from 0 up, else 0 (a negative or missing count must not lower the cost). */
function tokens(value: unknown): number {
	return asIndex(value) ?? 0;
}

/** Without a schema-enforcing response format, the schema has to be in the instructions. */
function withSchemaInstructions(messages: ChatMessage[], schema: object): ChatMessage[] {
	const instruction = `Answer with only a JSON object that follows this JSON schema:\n${JSON.stringify(schema)}`;
	const [first, ...rest] = messages;
	return first?.role === 'system'
		? [{ ...first, content: `${first.content}\n${instruction}` }, ...rest]
		: [{ role: 'system', content: instruction }, ...messages];
}

/** A 400 or 422 about the request's format, not about its size: the server does not take this response format. */
function rejectsResponseFormat(sdk: OpenAISdk, error: unknown): boolean {
	const rejected = error instanceof sdk.BadRequestError || error instanceof sdk.UnprocessableEntityError;
	return rejected && !/context|too long|maximum|token/i.test(error.message);
}

function toDigestError(sdk: OpenAISdk, error: unknown, signal: AbortSignal | undefined, options: OpenAIChatOptions) {
	if (error instanceof DigestError) return error;
	if (signal?.aborted || error instanceof sdk.APIUserAbortError) return new DigestError('cancelled');
	// Servers quote the key back in some errors; nothing of it may reach a notice or a log.
	const said = (text: string) => redactSecrets(text, [options.apiKey]).slice(0, 200);
	if (error instanceof sdk.APIConnectionTimeoutError)
		return new DigestError('llm-unavailable', 'the request timed out');
	if (error instanceof sdk.APIConnectionError)
		return new DigestError('llm-unreachable', said(options.baseUrl), { cause: error });
	if (error instanceof sdk.AuthenticationError || error instanceof sdk.PermissionDeniedError)
		return new DigestError('bad-api-key');
	if (error instanceof sdk.NotFoundError) return new DigestError('model-not-found', said(error.message));
	if (outOfQuota(sdk, error)) return new DigestError('llm-quota', said(error.message));
	if (error instanceof sdk.RateLimitError) return new DigestError('llm-rate-limited', tryAgainIn(error.headers));
	if (error instanceof sdk.APIError) return new DigestError('llm-unavailable', said(error.message));
	// Anything else is the SDK failing on the answer (an HTML page, cut-off JSON): its text quotes the body.
	return new DigestError('llm-unavailable', 'not a chat completion');
}

/** OpenAI answers 429 also for an account without credit: waiting does not help, and the user must know. */
function outOfQuota(sdk: OpenAISdk, error: unknown): error is InstanceType<OpenAISdk['RateLimitError']> {
	return error instanceof sdk.RateLimitError && error.code === 'insufficient_quota';
}

/** What `Retry-After` (seconds or a date) or `retry-after-ms` asks for; null when absent, negative or unreadable. */
function retryAfterMs(headers: Headers | undefined): number | null {
	const ms = Number(headers?.get('retry-after-ms') ?? NaN);
	if (Number.isFinite(ms) && ms >= 0) return ms;
	const value = headers?.get('retry-after')?.trim();
	if (!value) return null;
	const seconds = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
	return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

function tryAgainIn(headers: Headers | undefined): string | undefined {
	const ms = retryAfterMs(headers);
	if (ms === null || ms <= 0) return undefined;
	const seconds = Math.ceil(ms / 1000);
	if (seconds < 120) return `try again in ${seconds} seconds`;
	const minutes = Math.ceil(seconds / 60);
	return minutes < 120 ? `try again in ${minutes} minutes` : `try again in ${Math.ceil(minutes / 60)} hours`;
}
