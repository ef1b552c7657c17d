import { App } from 'obsidian';
import { ChatModel } from '../core/llm/chatModel';
import { connectChatModel, listServerModels, ModelConnection } from '../core/llm/modelConnection';
import { ConnectionCheck, testConnection } from '../core/llm/testConnection';
import { requestUrlHttp } from './requestUrlHttp';
import { SettingsHost, YouTubeDigestSettings } from './settings';

/** The API key from Obsidian's secret storage ('' when none is chosen or stored). */
function apiKeyFor(app: App, settings: YouTubeDigestSettings): string {
	return settings.apiKeySecret ? (app.secretStorage.getSecret(settings.apiKeySecret) ?? '') : '';
}

/** The connection the settings describe; a structured-output mode the server needed is remembered. */
function connectionFor(app: App, host: SettingsHost): ModelConnection {
	const { settings } = host;
	return {
		baseUrl: settings.baseUrl,
		model: settings.model,
		apiKey: apiKeyFor(app, settings),
		structuredMode: settings.structuredModes[settings.baseUrl],
		onStructuredMode: (mode) => {
			settings.structuredModes = { ...settings.structuredModes, [settings.baseUrl]: mode };
			void host.saveSettings();
		},
	};
}

/** The model to summarize with, or null (a transcript digest) when the server needs a key and none is set. */
export function chatModelFromSettings(app: App, host: SettingsHost): ChatModel | null {
	return connectChatModel(requestUrlHttp, connectionFor(app, host));
}

export function listModelsFromSettings(app: App, settings: YouTubeDigestSettings): Promise<string[]> {
	return listServerModels(requestUrlHttp, { baseUrl: settings.baseUrl, apiKey: apiKeyFor(app, settings) });
}

/** One tiny request with the settings as they are, through the same connection the runs use. */
export function testConnectionFromSettings(app: App, host: SettingsHost): Promise<ConnectionCheck> {
	return testConnection(requestUrlHttp, connectionFor(app, host));
}
