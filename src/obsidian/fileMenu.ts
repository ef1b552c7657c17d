import { Editor, MarkdownFileInfo, Menu, Plugin, TFile, TFolder } from 'obsidian';
import { findVideoLinks } from '../core/youtube/videoUrl';
import { notesIn, summarizeLinksIn } from './batchCommands';
import type { CommandHost } from './commandHost';
import { YouTubeLinkIndex } from './youtubeLinkIndex';

/**
 * "Summarize YouTube links" on the file menu of notes and folders that hold YouTube links, and
 * "Summarize YouTube video" on the editor's menu when the selection or the cursor is on such a link.
 */
export function registerFileMenu(plugin: Plugin, host: CommandHost): void {
	const index = new YouTubeLinkIndex(host.app);
	index.register(plugin);
	const addItem = (menu: Menu, title: string, notes: () => TFile[]) =>
		menu.addItem((item) =>
			item
				.setTitle(title)
				.setIcon('youtube')
				.onClick(() => void summarizeLinksIn(host.app, host.runner(), notes())),
		);
	plugin.registerEvent(
		host.app.workspace.on('file-menu', (menu, file) => {
			if (file instanceof TFolder && index.folderHasLinks(file))
				addItem(menu, 'Summarize YouTube links in this folder', () => notesIn(file));
			else if (file instanceof TFile && index.hasLinks(file))
				addItem(menu, 'Summarize all YouTube links in this note', () => [file]);
		}),
	);
	plugin.registerEvent(
		host.app.workspace.on('editor-menu', (menu, editor, info) => addLinkItem(host, menu, editor, info)),
	);
}

function addLinkItem(host: CommandHost, menu: Menu, editor: Editor, info: MarkdownFileInfo): void {
	const cursor = editor.getCursor();
	const onLine = findVideoLinks(editor.getLine(cursor.line));
	const link =
		findVideoLinks(editor.getSelection())[0] ??
		onLine.find((candidate) => candidate.from <= cursor.ch && cursor.ch <= candidate.to);
	if (!link) return;
	const file = info.file;
	menu.addItem((item) =>
		item
			.setTitle('Summarize YouTube video')
			.setIcon('youtube')
			.onClick(() => void host.runner().run(link.ref, file ? { file, linkText: link.text } : undefined)),
	);
}
