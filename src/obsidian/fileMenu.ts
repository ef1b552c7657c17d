import { Menu, Plugin, TFile, TFolder } from 'obsidian';
import { notesIn, summarizeLinksIn } from './batchCommands';
import { CommandHost } from './commands';

/** "Summarize YouTube links" on a folder's or a note's file menu. */
export function registerFileMenu(plugin: Plugin, host: CommandHost): void {
	const addItem = (menu: Menu, title: string, notes: () => TFile[]) =>
		menu.addItem((item) =>
			item
				.setTitle(title)
				.setIcon('youtube')
				.onClick(() => void summarizeLinksIn(host.app, host.runner(), notes())),
		);
	plugin.registerEvent(
		host.app.workspace.on('file-menu', (menu, file) => {
			if (file instanceof TFolder) addItem(menu, 'Summarize YouTube links in this folder', () => notesIn(file));
			else if (file instanceof TFile && file.extension === 'md')
				addItem(menu, 'Summarize all YouTube links in this note', () => [file]);
		}),
	);
}
