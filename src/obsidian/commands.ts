import { App, Editor, MarkdownFileInfo, MarkdownView, Notice, Plugin, TFile } from 'obsidian';
import { DigestArchive } from '../core/digestArchive';
import { DigestError, userMessage } from '../core/errors';
import { chooseVideoLink, ChosenVideoLink } from '../core/notes/linkInNote';
import { parseVideoInput } from '../core/youtube/videoUrl';
import { summarizeLinksIn } from './batchCommands';
import { createDigestIndex } from './digestIndex';
import { DigestNoteActions } from './digestNoteActions';
import { DigestRunner } from './digestRunner';
import { SettingsHost } from './settings';
import { listTemplates } from './templates';
import { TemplateSuggestModal } from './templateSuggestModal';
import { TextPromptModal } from './textPromptModal';

/** What the commands work with; the runner and note actions are made on first use, not at load. */
export interface CommandHost extends SettingsHost {
	app: App;
	archive: DigestArchive;
	runner(): DigestRunner;
	digestNotes(): DigestNoteActions;
}

export function registerCommands(plugin: Plugin, host: CommandHost): void {
	const { app } = host;
	plugin.addCommand({
		id: 'summarize-current-note',
		name: 'Summarize YouTube video',
		editorCallback: (editor, context) => {
			const link = linkInNote(app, editor, context);
			if (link) void host.runner().run(link.ref, sourceOf(context, link));
		},
	});
	plugin.addCommand({
		id: 'summarize-url',
		name: 'Summarize YouTube video from URL',
		callback: () => askForLink(host),
	});
	plugin.addCommand({
		id: 'summarize-with-template',
		name: 'Summarize YouTube video with template…',
		editorCallback: (editor, context) => {
			const link = linkInNote(app, editor, context);
			if (!link) return;
			new TemplateSuggestModal(app, listTemplates(app, host.settings), (choice) => {
				void host.runner().run(link.ref, sourceOf(context, link), choice.id);
			}).open();
		},
	});
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
		id: 'clear-cache',
		name: 'Clear digest cache',
		callback: async () => {
			const removed = await host.archive.clear();
			new Notice(
				`Digest cache cleared (${removed} ${removed === 1 ? 'file' : 'files'}). ` +
					'Digests made before cannot be re-rendered or translated now.',
			);
		},
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

function sourceOf(context: MarkdownView | MarkdownFileInfo, link: ChosenVideoLink) {
	return context.file ? { file: context.file, linkText: link.linkText } : undefined;
}

/** The video link of the note in the editor, or null after telling the user there is none. */
function linkInNote(app: App, editor: Editor, context: MarkdownView | MarkdownFileInfo): ChosenVideoLink | null {
	const file = context.file;
	const cursor = editor.getCursor();
	const link = chooseVideoLink({
		selection: editor.getSelection(),
		cursorLine: editor.getLine(cursor.line),
		cursorColumn: cursor.ch,
		cursorLineNumber: cursor.line,
		properties: file ? (app.metadataCache.getFileCache(file)?.frontmatter ?? null) : null,
		text: editor.getValue(),
	});
	if (!link) new Notice(userMessage(new DigestError('no-link')));
	return link;
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
