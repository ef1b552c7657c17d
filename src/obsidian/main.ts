import { MarkdownFileInfo, MarkdownView, Editor, Notice, Plugin } from 'obsidian';
import { DigestError, userMessage } from '../core/errors';
import { chooseVideoLink } from '../core/youtube/linkInNote';
import { parseVideoInput } from '../core/youtube/videoUrl';
import { DigestRunner } from './digestRunner';
import { readSettings, YouTubeDigestSettings } from './settings';
import { YouTubeDigestSettingTab } from './settingsTab';
import { VideoLinkModal } from './videoLinkModal';

export default class YouTubeDigestPlugin extends Plugin {
	settings!: YouTubeDigestSettings;
	private runner!: DigestRunner;

	async onload(): Promise<void> {
		this.settings = readSettings(await this.loadData());
		this.runner = new DigestRunner(this);
		this.addCommand({
			id: 'summarize-current-note',
			name: 'Summarize YouTube video',
			editorCallback: (editor, context) => this.summarizeFromNote(editor, context),
		});
		this.addCommand({
			id: 'summarize-url',
			name: 'Summarize YouTube video from URL',
			callback: () => new VideoLinkModal(this.app, (input) => this.summarizeInput(input)).open(),
		});
		this.addSettingTab(new YouTubeDigestSettingTab(this.app, this));
	}

	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
	}

	private summarizeFromNote(editor: Editor, context: MarkdownView | MarkdownFileInfo): void {
		const file = context.file;
		const cursor = editor.getCursor();
		const link = chooseVideoLink({
			selection: editor.getSelection(),
			cursorLine: editor.getLine(cursor.line),
			cursorColumn: cursor.ch,
			properties: file ? (this.app.metadataCache.getFileCache(file)?.frontmatter ?? null) : null,
			text: editor.getValue(),
		});
		if (!link) {
			new Notice(userMessage(new DigestError('no-link')));
			return;
		}
		void this.runner.run(link.ref, file ? { file, linkText: link.linkText } : undefined);
	}

	private summarizeInput(input: string): void {
		const ref = parseVideoInput(input);
		if (!ref) {
			new Notice(userMessage(new DigestError('invalid-link')));
			return;
		}
		void this.runner.run(ref);
	}
}
