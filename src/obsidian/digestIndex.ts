import { App, normalizePath, Notice } from 'obsidian';
import { safeFolderPath } from '../core/notes/fileName';
import { digestIndexBase } from '../core/web/basesIndex';

/** An Obsidian Bases file listing every digest, in the digest folder; an existing one is opened, not replaced. */
export async function createDigestIndex(app: App, outputFolder: string): Promise<void> {
	const folder = safeFolderPath(outputFolder);
	const path = normalizePath(`${folder ? `${folder}/` : ''}YouTube digests.base`);
	let file = app.vault.getFileByPath(path);
	if (!file) {
		if (folder && !app.vault.getFolderByPath(folder)) await app.vault.createFolder(folder);
		file = await app.vault.create(path, digestIndexBase({ folder }));
		new Notice(`Digest index created: ${path}`);
	} else {
		new Notice(`The digest index already exists: ${path}`);
	}
	await app.workspace.getLeaf('tab').openFile(file);
}
