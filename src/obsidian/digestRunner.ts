import { App, Notice, TFile } from 'obsidian';
import { createDigest, DigestStage } from '../core/digestPipeline';
import { DigestError, isCancellation, userMessage } from '../core/errors';
import { ChatModel } from '../core/llm/chatModel';
import { createOpenAIChatModel } from '../core/llm/openaiChatModel';
import { VideoRef } from '../core/youtube/videoUrl';
import digestTemplate from '../../templates/digest.hbs';
import transcriptTemplate from '../../templates/transcript.hbs';
import { ProgressNotice } from './progressNotice';
import { requestUrlHttp } from './requestUrlHttp';
import { needsApiKey } from '../core/llm/apiKeyPolicy';
import { activeClients, YouTubeDigestSettings } from './settings';
import { vaultNoteStore } from './vaultNoteStore';

export interface DigestRunnerHost {
	app: App;
	settings: YouTubeDigestSettings;
	saveSettings(): Promise<void>;
}

const STAGE_MESSAGES: Record<DigestStage, (model: string) => string> = {
	fetching: () => 'Fetching transcript…',
	summarizing: (model) => `Summarizing with ${model}…`,
	writing: () => 'Writing the digest note…',
};

const TRANSCRIPT_ONLY =
	'No API key is set, so this digest holds the transcript without a summary. Add a key in the plugin settings for the full digest.';

/** Runs one digest with a progress notice, and tells the user how it ended in one sentence. */
export class DigestRunner {
	private readonly running = new Set<string>();

	constructor(private readonly host: DigestRunnerHost) {}

	async run(video: VideoRef, source?: { file: TFile; linkText?: string }): Promise<void> {
		const { app, settings } = this.host;
		if (this.running.has(video.id)) {
			new Notice('This video is already being summarized.');
			return;
		}
		const chatModel = this.chatModel();
		this.running.add(video.id);
		const progress = new ProgressNotice(STAGE_MESSAGES.fetching(settings.model));
		try {
			const outcome = await createDigest(
				{
					video,
					source: source ? { path: source.file.path, linkText: source.linkText } : undefined,
					options: {
						outputFolder: settings.outputFolder,
						transcriptLanguages: settings.transcriptLanguages,
						outputLanguage: settings.outputLanguage,
						timestampStyle: settings.timestampStyle,
						template: chatModel ? digestTemplate : transcriptTemplate,
						innertubeClients: activeClients(settings),
						preferredClient: settings.lastWorkingClient,
					},
				},
				{
					http: requestUrlHttp,
					chatModel,
					notes: vaultNoteStore(app),
					now: () => new Date(),
					onProgress: (stage) => progress.setMessage(STAGE_MESSAGES[stage](settings.model)),
					signal: progress.signal,
				},
			);
			progress.finish(chatModel ? `Digest written: ${outcome.path}` : `Transcript digest written: ${outcome.path}. ${TRANSCRIPT_ONLY}`);
			await this.remember(outcome.clientName);
			if (settings.openDigest) await this.open(outcome.path);
		} catch (error) {
			if (!(error instanceof DigestError) && !isCancellation(error)) console.error('YouTube Digest:', error);
			progress.finish(userMessage(error));
		} finally {
			this.running.delete(video.id);
		}
	}

	/** The model to summarize with, or null (a transcript digest) when the server needs a key and none is set. */
	private chatModel(): ChatModel | null {
		const { app, settings } = this.host;
		const apiKey = settings.apiKeySecret ? (app.secretStorage.getSecret(settings.apiKeySecret) ?? '') : '';
		if (!apiKey && needsApiKey(settings.baseUrl)) return null;
		return createOpenAIChatModel({ http: requestUrlHttp, baseUrl: settings.baseUrl, apiKey, model: settings.model });
	}

	private async remember(clientName: string): Promise<void> {
		if (this.host.settings.lastWorkingClient === clientName) return;
		this.host.settings.lastWorkingClient = clientName;
		await this.host.saveSettings();
	}

	private async open(path: string): Promise<void> {
		const file = this.host.app.vault.getFileByPath(path);
		if (file) await this.host.app.workspace.getLeaf('tab').openFile(file);
	}
}
