import { userMessage } from '../errors';
import { HttpClient } from '../http';
import { redactSecrets } from '../redact';
import { connectChatModel, ModelConnection } from './modelConnection';

/** What the settings' Test connection button found: whether a run would reach the model, in one sentence. */
export interface ConnectionCheck {
	ok: boolean;
	message: string;
}

/**
 * A one-line question the model answers in a word or two: a few tokens each way, and no `max_tokens`,
 * which reasoning models reject (they want `max_completion_tokens`, which older compatible servers do not know).
 */
const PROBE = [{ role: 'user' as const, content: 'Reply with the single word OK.' }];

/**
 * Makes one tiny chat completion through the same factory the runs use, so that server, key and model are
 * checked together, and the errors are the runs' own. The model list is not enough: it says nothing of the
 * model name, and some servers list their models without checking the key.
 */
export async function testConnection(
	http: HttpClient,
	connection: ModelConnection,
	signal?: AbortSignal,
): Promise<ConnectionCheck> {
	const server = serverName(connection.baseUrl);
	if (!connection.model.trim()) return { ok: false, message: 'No model is set: type its name under Model.' };
	const model = connectChatModel(http, connection);
	if (!model) {
		return {
			ok: false,
			message: `${server} needs an API key, and none is set: choose one under API key.`,
		};
	}
	try {
		await model.complete({ messages: PROBE, signal });
		return { ok: true, message: `Connected to ${server}: model ${connection.model} answered.` };
	} catch (error) {
		// The errors are redacted already; the key itself is taken out once more, whatever its shape.
		return { ok: false, message: redactSecrets(userMessage(error), [connection.apiKey]) };
	}
}

/** The server as people name it: its host (and port), or the URL as typed when it is not one. */
function serverName(baseUrl: string): string {
	try {
		return new URL(baseUrl).host || baseUrl;
	} catch {
		return baseUrl;
	}
}
