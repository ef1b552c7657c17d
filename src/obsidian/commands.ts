import { MarkdownView, Notice, Plugin, TFile } from 'obsidian';
import { DigestError, userMessage } from '../core/errors';
import { parseVideoInput } from '../core/youtube/videoUrl';
import { onActiveVideoLink } from './activeVideoLink';
import { summarizeLinksIn } from './batchCommands';
import { confirm } from './confirmModal';
import { createDigestIndex } from './digestIndex';
import { listTemplates } from './templates';
import { TemplateSuggestModal } from './templateSuggestModal';
import { TextPromptModal } from './textPromptModal';
import { registerTranscriptCommands } from './transcriptCommands';

import type { CommandHost } from './commandHost';

export type { CommandHost };

export function registerCommands(plugin: Plugin, host: CommandHost): void {
	const { app } = host;
	plugin.addCommand({
		id: 'summarize-current-note',
		name: 'Summarize YouTube video',
		checkCallback: onActiveVideoLink(app, (link, source) => void host.runner().run(link.ref, source)),
	});
	plugin.addCommand({
		id: 'summarize-url',
		name: 'Summarize YouTube video from URL',
		callback: () => askForLink(host),
	});
	plugin.addCommand({
		id: 'summarize-with-template',
		name: 'Summarize YouTube video with template…',
		checkCallback: onActiveVideoLink(app, (link, source) => {
			new TemplateSuggestModal(app, listTemplates(app, host.settings), (choice) => {
				void host.runner().run(link.ref, source, { templateId: choice.id });
			}).open();
		}),
	});
	registerTranscriptCommands(plugin, host);
	plugin.addCommand({
		id: 'rerender-digest',
		name: 'Re-render digest',
		checkCallback: onDigestNote(host, (file) => void host.digestNotes().rerender(file)),
	});
	plugin.addCommand({
		id: 'translate-digest',
		name: 'Translate digest…',
		checkCallback: onDigestNote(host, (file) => askForLanguage(host, file)),
	});
	plugin.addCommand({
		id: 'ask-video',
		name: 'Ask this video…',
		checkCallback: onDigestNote(host, (file) => askQuestion(host, file)),
	});
	plugin.addCommand({
		id: 'clear-cache',
		name: 'Clear digest cache',
		callback: () => void clearCache(host),
	});
	plugin.addCommand({
		id: 'summarize-all-in-note',
		name: 'Summarize all YouTube links in this note',
		checkCallback: (checking) => {
			const file = app.workspace.getActiveFile();
			if (!file || file.extension !== 'md') return false;
			if (!checking) void summarizeLinksIn(app, host.runner(), [file]);
			return true;
		},
	});
	plugin.addCommand({
		id: 'create-digest-index',
		name: 'Create digest index',
		callback: () => void createDigestIndex(app, host.settings.outputFolder),
	});
}

/** A command available only while a digest note is active. */
function onDigestNote(host: CommandHost, action: (file: TFile) => void): (checking: boolean) => boolean {
	return (checking) => {
		const file = host.app.workspace.getActiveFile();
		if (!host.digestNotes().isDigestNote(file)) return false;
		if (!checking) action(file);
		return true;
	};
}

function askForLink(host: CommandHost): void {
	const prompt = { title: 'Summarize YouTube video', label: 'Video link', placeholder: 'Paste a YouTube link' };
	new TextPromptModal(host.app, { ...prompt, button: 'Summarize' }, (input) => {
		const ref = parseVideoInput(input);
		if (ref) void host.runner().run(ref);
		else new Notice(userMessage(new DigestError('invalid-link')));
	}).open();
}

function askForLanguage(host: CommandHost, file: TFile): void {
	const prompt = { title: 'Translate digest', label: 'Language', placeholder: 'For example German, fr or Japanese' };
	new TextPromptModal(host.app, { ...prompt, button: 'Translate' }, (language) => {
		void host.digestNotes().translate(file, language);
	}).open();
}

/** The selected text is the question (one written in the note); without a selection, a dialog asks. */
function askQuestion(host: CommandHost, file: TFile): void {
	const view = host.app.workspace.getActiveViewOfType(MarkdownView);
	const selection = view?.file === file && view.getMode() === 'source' ? view.editor.getSelection().trim() : '';
	if (selection) {
		void host.digestNotes().ask(file, selection);
		return;
	}
	const prompt = { title: 'Ask this video', label: 'Question', placeholder: 'What does the video say about…?' };
	new TextPromptModal(host.app, { ...prompt, button: 'Ask' }, (question) => {
		void host.digestNotes().ask(file, question);
	}).open();
}

/** Clearing is permanent for the digests already made, so it asks first and says what it takes away. */
async function clearCache(host: CommandHost): Promise<void> {
	const yes = await confirm(
		host.app,
		'Clear digest cache?',
		'The cache keeps each video’s transcript and digest. Without it, digests made so far can no longer be ' +
			're-rendered, translated or asked about, and summarizing them again fetches the transcript and calls ' +
			'the model again.',
		'Clear cache',
	);
	if (!yes) return;
	const removed = await host.archive.clear();
	new Notice(
		`Digest cache cleared (${removed} ${removed === 1 ? 'file' : 'files'}). ` +
			'Digests made before cannot be re-rendered, translated or asked about now.',
	);
}
