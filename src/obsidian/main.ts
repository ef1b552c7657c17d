import { Editor, MarkdownFileInfo, MarkdownView, normalizePath, Notice, Plugin, TFile, TFolder } from 'obsidian';
import { safeFolderPath } from '../core/notes/fileName';
import { digestIndexBase } from '../core/web/basesIndex';
import { notesIn, summarizeLinksIn } from './batchCommands';
import { DigestArchive } from '../core/digestArchive';
import { DigestError, userMessage } from '../core/errors';
import { chooseVideoLink, ChosenVideoLink } from '../core/youtube/linkInNote';
import { parseVideoInput } from '../core/youtube/videoUrl';
import { DigestNoteActions } from './digestNoteActions';
import { DigestRunner } from './digestRunner';
import { readSettings, YouTubeDigestSettings } from './settings';
import { YouTubeDigestSettingTab } from './settingsTab';
import { listTemplates } from './templates';
import { TemplateSuggestModal } from './templateSuggestModal';
import { TextPromptModal } from './textPromptModal';
import { vaultArchive } from './vaultArchive';

export default class YouTubeDigestPlugin extends Plugin {
	settings!: YouTubeDigestSettings;
	// The archive, the runner and the note actions are made on first use, not in onload: loading stays light.
	private madeArchive?: DigestArchive;
	private madeRunner?: DigestRunner;
	private madeDigestNotes?: DigestNoteActions;

	get archive(): DigestArchive {
		return (this.madeArchive ??= vaultArchive(
			this.app,
			this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`,
			() => this.settings.cacheLimitMb * 1024 * 1024,
		));
	}

	private get runner(): DigestRunner {
		return (this.madeRunner ??= new DigestRunner(this));
	}

	private get digestNotes(): DigestNoteActions {
		return (this.madeDigestNotes ??= new DigestNoteActions(this));
	}

	async onload(): Promise<void> {
		this.settings = readSettings(await this.loadData());
		this.addCommand({
			id: 'summarize-current-note',
			name: 'Summarize YouTube video',
			editorCallback: (editor, context) => this.summarizeFromNote(editor, context),
		});
		this.addCommand({
			id: 'summarize-url',
			name: 'Summarize YouTube video from URL',
			callback: () =>
				new TextPromptModal(
					this.app,
					{
						title: 'Summarize YouTube video',
						label: 'Video link',
						placeholder: 'Paste a YouTube link',
						button: 'Summarize',
					},
					(input) => this.summarizeInput(input),
				).open(),
		});
		this.addCommand({
			id: 'summarize-with-template',
			name: 'Summarize YouTube video with template…',
			editorCallback: (editor, context) => {
				const link = this.linkInNote(editor, context);
				if (!link) return;
				new TemplateSuggestModal(this.app, listTemplates(this.app, this.settings), (choice) => {
					void this.runner.run(
						link.ref,
						context.file ? { file: context.file, linkText: link.linkText } : undefined,
						choice.id,
					);
				}).open();
			},
		});
		this.addCommand({
			id: 'rerender-digest',
			name: 'Re-render digest',
			checkCallback: this.onDigestNote((file) => void this.digestNotes.rerender(file)),
		});
		this.addCommand({
			id: 'translate-digest',
			name: 'Translate digest…',
			checkCallback: this.onDigestNote((file) =>
				new TextPromptModal(
					this.app,
					{
						title: 'Translate digest',
						label: 'Language',
						placeholder: 'For example German, fr or Japanese',
						button: 'Translate',
					},
					(language) => void this.digestNotes.translate(file, language),
				).open(),
			),
		});
		this.addCommand({
			id: 'clear-cache',
			name: 'Clear digest cache',
			callback: async () => {
				const removed = await this.archive.clear();
				new Notice(
					`Digest cache cleared (${removed} ${removed === 1 ? 'file' : 'files'}). Digests made before cannot be re-rendered or translated now.`,
				);
			},
		});
		this.addCommand({
			id: 'summarize-all-in-note',
			name: 'Summarize all YouTube links in this note',
			checkCallback: (checking) => {
				const file = this.app.workspace.getActiveFile();
				if (!file || file.extension !== 'md') return false;
				if (!checking) void summarizeLinksIn(this.app, this.runner, [file]);
				return true;
			},
		});
		this.registerEvent(
			this.app.workspace.on('file-menu', (menu, file) => {
				if (file instanceof TFolder) {
					menu.addItem((item) =>
						item
							.setTitle('Summarize YouTube links in this folder')
							.setIcon('youtube')
							.onClick(() => void summarizeLinksIn(this.app, this.runner, notesIn(file))),
					);
				} else if (file instanceof TFile && file.extension === 'md') {
					menu.addItem((item) =>
						item
							.setTitle('Summarize all YouTube links in this note')
							.setIcon('youtube')
							.onClick(() => void summarizeLinksIn(this.app, this.runner, [file])),
					);
				}
			}),
		);
		this.addCommand({
			id: 'create-digest-index',
			name: 'Create digest index',
			callback: () => void this.createIndex(),
		});
		this.addSettingTab(new YouTubeDigestSettingTab(this.app, this));
	}

	/** A command available only while a digest note is active. */
	private onDigestNote(action: (file: TFile) => void): (checking: boolean) => boolean {
		return (checking) => {
			const file = this.app.workspace.getActiveFile();
			if (!this.digestNotes.isDigestNote(file)) return false;
			if (!checking) action(file);
			return true;
		};
	}

	/** An Obsidian Bases file listing every digest, in the digest folder; an existing one is opened, not replaced. */
	private async createIndex(): Promise<void> {
		const folder = safeFolderPath(this.settings.outputFolder);
		const path = normalizePath(`${folder ? `${folder}/` : ''}YouTube digests.base`);
		let file = this.app.vault.getFileByPath(path);
		if (!file) {
			if (folder && !this.app.vault.getFolderByPath(folder)) await this.app.vault.createFolder(folder);
			file = await this.app.vault.create(path, digestIndexBase({ folder }));
			new Notice(`Digest index created: ${path}`);
		} else {
			new Notice(`The digest index already exists: ${path}`);
		}
		await this.app.workspace.getLeaf('tab').openFile(file);
	}

	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
	}

	private summarizeFromNote(editor: Editor, context: MarkdownView | MarkdownFileInfo): void {
		const link = this.linkInNote(editor, context);
		if (link)
			void this.runner.run(link.ref, context.file ? { file: context.file, linkText: link.linkText } : undefined);
	}

	/** The video link of the note in the editor, or null after telling the user there is none. */
	private linkInNote(editor: Editor, context: MarkdownView | MarkdownFileInfo): ChosenVideoLink | null {
		const file = context.file;
		const cursor = editor.getCursor();
		const link = chooseVideoLink({
			selection: editor.getSelection(),
			cursorLine: editor.getLine(cursor.line),
			cursorColumn: cursor.ch,
			properties: file ? (this.app.metadataCache.getFileCache(file)?.frontmatter ?? null) : null,
			text: editor.getValue(),
		});
		if (!link) new Notice(userMessage(new DigestError('no-link')));
		return link;
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
