import { App } from 'obsidian';

/** Opens a note the plugin just wrote in a new tab. */
export async function openNote(app: App, path: string): Promise<void> {
	const file = app.vault.getFileByPath(path);
	if (file) await app.workspace.getLeaf('tab').openFile(file);
}
