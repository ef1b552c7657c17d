import { Notice, Plugin } from 'obsidian';
import { DigestError, userMessage } from '../core/errors';
import { listCaptionTracks } from '../core/youtube/fetchVideo';
import { onActiveVideoLink } from './activeVideoLink';
import { ChoiceModal } from './choiceModal';
import type { CommandHost } from './commandHost';
import { requestUrlHttp } from './requestUrlHttp';
import { activeClients } from './settings';
import { readTranscriptFile, transcriptFilesFor } from './vaultTranscriptFile';

/** The two commands that let the user say which transcript to summarize: a subtitle file, or a caption track. */
export function registerTranscriptCommands(plugin: Plugin, host: CommandHost): void {
	const { app } = host;
	plugin.addCommand({
		id: 'summarize-with-transcript-file',
		name: 'Summarize YouTube video with a transcript file…',
		checkCallback: onActiveVideoLink(app, (link, source) => {
			const files = transcriptFilesFor(app, link.ref.id);
			if (files.length === 0) {
				new Notice('There is no subtitle file (.srt, .vtt or .txt) in the vault to summarize from.');
				return;
			}
			new ChoiceModal(
				app,
				'Choose the transcript file',
				files,
				(file) => file.path,
				(file) => {
					readTranscriptFile(app, file).then(
						(transcriptFile) =>
							host.runner().run(link.ref, source, { transcript: { file: transcriptFile } }),
						(error: unknown) => new Notice(userMessage(error)),
					);
				},
			).open();
		}),
	});
	plugin.addCommand({
		id: 'summarize-with-captions',
		name: 'Summarize YouTube video with captions…',
		checkCallback: onActiveVideoLink(app, (link, source) => {
			void listCaptionTracks(requestUrlHttp, link.ref.id, {
				clients: activeClients(host.settings),
				preferredClient: host.settings.lastWorkingClient || undefined,
			}).then(
				({ tracks }) => {
					if (tracks.length === 0) {
						new Notice(userMessage(new DigestError('no-captions')));
						return;
					}
					new ChoiceModal(
						app,
						'Choose the captions',
						tracks,
						(track) => track.label,
						(track) => {
							const pick = { languageCode: track.languageCode, generated: track.generated };
							void host.runner().run(link.ref, source, { transcript: { track: pick } });
						},
					).open();
				},
				(error: unknown) => new Notice(userMessage(error)),
			);
		}),
	});
}
