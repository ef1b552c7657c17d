import { ChatModel, ChatRequest } from '../../src/core/llm/chatModel';
import { RecordedChatRequest } from './fakeOpenAIServer';

/**
 * A chat model in process for core tests: each call is answered by `answer` with JSON, as a server in
 * JSON mode would, and recorded. For the SDK and HTTP path, use the fake OpenAI server instead.
 */
export function scriptedChatModel(
	answer: (request: RecordedChatRequest) => unknown,
	model = 'scripted-model',
): ChatModel & { calls: ChatRequest[] } {
	const calls: ChatRequest[] = [];
	return {
		model,
		baseUrl: 'https://models.example/v1',
		calls,
		async complete(request) {
			calls.push(request);
			const recorded = { messages: request.messages, model } as unknown as RecordedChatRequest;
			return {
				content: JSON.stringify(answer(recorded)),
				refusal: null,
				finishReason: 'stop',
				usage: { inputTokens: 1000, outputTokens: 200 },
				model,
			};
		},
	};
}
