import { HttpClient } from '../http';
import { needsApiKey } from './apiKeyPolicy';
import { ChatModel } from './chatModel';
import { createOpenAIChatModel, listModels, StructuredMode } from './openaiChatModel';

/** What it takes to reach a model, from the plugin's settings or the command line's flags. */
export interface ModelConnection {
	baseUrl: string;
	model: string;
	/** '' when none is set. */
	apiKey: string;
	/** The structured-output mode that worked with this server last time. */
	structuredMode?: StructuredMode;
	/** Told when the server needed a looser mode, so it is remembered per server. */
	onStructuredMode?: (mode: StructuredMode) => void;
}

/** The one place a chat model is made: null (a transcript digest) when the server needs a key and none is set. */
export function connectChatModel(http: HttpClient, connection: ModelConnection): ChatModel | null {
	if (!connection.apiKey && needsApiKey(connection.baseUrl)) return null;
	return createOpenAIChatModel({ http, ...connection });
}

/** The models the server lists, sorted; empty when it does not answer. */
export function listServerModels(http: HttpClient, connection: Pick<ModelConnection, 'baseUrl' | 'apiKey'>) {
	return listModels({ http, baseUrl: connection.baseUrl, apiKey: connection.apiKey });
}
