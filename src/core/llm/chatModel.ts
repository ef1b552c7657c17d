/** The language-model port: one chat completion, with an optional JSON schema the answer must follow. */
export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

export interface ChatRequest {
	messages: ChatMessage[];
	/** When set, the answer must be a JSON object following this schema. */
	jsonSchema?: { name: string; schema: object };
	signal?: AbortSignal;
}

export interface TokenUsage {
	inputTokens: number;
	outputTokens: number;
}

export interface ChatResult {
	content: string | null;
	refusal: string | null;
	/** `length` means the answer was cut off. */
	finishReason: string | null;
	usage: TokenUsage | null;
	model: string;
}

export interface ChatModel {
	readonly model: string;
	/** The server it talks to (local servers cost nothing and get a smaller input budget). */
	readonly baseUrl: string;
	complete(request: ChatRequest): Promise<ChatResult>;
}
