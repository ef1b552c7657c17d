import type OpenAI from 'openai';
import { DigestError } from '../errors';
import { fetchOverHttp, HttpClient } from '../http';
import { ChatModel, ChatRequest, ChatResult } from './chatModel';

export interface OpenAIChatOptions {
	http: HttpClient;
	baseUrl: string;
	apiKey: string;
	model: string;
	timeoutMs?: number;
	maxRetries?: number;
}

type OpenAIModule = typeof import('openai');

/**
 * A ChatModel over the openai SDK, for OpenAI and any OpenAI-compatible server. The SDK is loaded on the
 * first call, not when the plugin loads, and all its traffic goes through the HttpClient port.
 */
export function createOpenAIChatModel(options: OpenAIChatOptions): ChatModel {
	let loading: Promise<{ sdk: OpenAIModule; client: OpenAI }> | null = null;
	const load = () => {
		loading ??= import('openai').then((sdk) => ({
			sdk,
			client: new sdk.OpenAI({
				apiKey: options.apiKey || 'no-key',
				baseURL: options.baseUrl,
				fetch: fetchOverHttp(options.http),
				// Obsidian is a browser to the SDK; the key stays on the user's machine and goes only to their server.
				dangerouslyAllowBrowser: true,
				timeout: options.timeoutMs ?? 180_000,
				maxRetries: options.maxRetries ?? 2,
			}),
		}));
		return loading;
	};
	return {
		model: options.model,
		async complete(request: ChatRequest): Promise<ChatResult> {
			const { sdk, client } = await load();
			try {
				const completion = await client.chat.completions.create(
					{
						model: options.model,
						messages: request.messages,
						...(request.jsonSchema
							? {
									response_format: {
										type: 'json_schema' as const,
										json_schema: { name: request.jsonSchema.name, strict: true, schema: request.jsonSchema.schema as Record<string, unknown> },
									},
								}
							: {}),
					},
					{ signal: request.signal },
				);
				const choice = completion.choices[0];
				return {
					content: choice?.message.content ?? null,
					refusal: choice?.message.refusal ?? null,
					finishReason: choice?.finish_reason ?? null,
					usage: completion.usage
						? { inputTokens: completion.usage.prompt_tokens, outputTokens: completion.usage.completion_tokens }
						: null,
					model: completion.model || options.model,
				};
			} catch (error) {
				throw toDigestError(sdk, error, request.signal);
			}
		},
	};
}

function toDigestError(sdk: OpenAIModule, error: unknown, signal?: AbortSignal): DigestError {
	if (error instanceof DigestError) return error;
	if (signal?.aborted || error instanceof sdk.APIUserAbortError) return new DigestError('cancelled');
	if (error instanceof sdk.APIConnectionTimeoutError) return new DigestError('llm-unavailable', 'the request timed out');
	if (error instanceof sdk.APIConnectionError) return new DigestError('network', error.cause instanceof Error ? error.cause.message : undefined);
	if (error instanceof sdk.AuthenticationError || error instanceof sdk.PermissionDeniedError) return new DigestError('bad-api-key');
	if (error instanceof sdk.NotFoundError) return new DigestError('model-not-found', serverMessage(error));
	if (error instanceof sdk.RateLimitError) return new DigestError('llm-rate-limited', retryAfter(error.headers));
	if (error instanceof sdk.APIError) return new DigestError('llm-unavailable', serverMessage(error));
	return new DigestError('llm-unavailable', error instanceof Error ? error.message : String(error));
}

function serverMessage(error: { status?: number; message: string }): string {
	return error.message.slice(0, 200);
}

function retryAfter(headers: Headers | undefined): string | undefined {
	const value = headers?.get('retry-after');
	const seconds = value ? Number(value) : NaN;
	return Number.isFinite(seconds) ? `try again in ${Math.ceil(seconds)} seconds` : undefined;
}
