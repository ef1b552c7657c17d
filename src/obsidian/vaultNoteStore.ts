import { App, MarkdownView, normalizePath, TFile } from 'obsidian';
import { notePathKey } from '../core/notes/fileName';
import { NoteStore } from '../core/notes/noteStore';

/**
 * The core's vault port over Obsidian's Vault and FileManager, so links follow the user's link settings.
 * Made per run: it remembers the folders it created, so that a rolled-back run leaves none behind.
 */
export function vaultNoteStore(app: App): NoteStore {
	const madeFolders: string[] = [];
	const fileAt = (path: string): TFile => {
		const file = app.vault.getFileByPath(normalizePath(path));
		if (!file) throw new Error(`${path} does not exist`);
		return file;
	};
	/** Creates each missing folder of the path, outermost first, and remembers it. */
	const makeFolder = async (folder: string) => {
		const segments = folder.split('/');
		for (let depth = 1; depth <= segments.length; depth++) {
			const path = segments.slice(0, depth).join('/');
			if (app.vault.getAbstractFileByPath(path)) continue;
			// Another run may make the same folder at the same moment: then it is there, and not ours to remove.
			const made = await app.vault.createFolder(path).then(
				() => true,
				(error: unknown) => {
					if (app.vault.getFolderByPath(path)) return false;
					throw error;
				},
			);
			if (made) madeFolders.push(path);
		}
	};
	return {
		exists: (path) => app.vault.getAbstractFileByPath(normalizePath(path)) !== null,
		existsIgnoringCase: (path) => {
			const key = notePathKey(normalizePath(path));
			return app.vault.getFiles().some((file) => notePathKey(file.path) === key);
		},
		read: (path) => app.vault.read(fileAt(path)),
		async create(path, content) {
			const normalized = normalizePath(path);
			const folder = normalized.includes('/') ? normalized.slice(0, normalized.lastIndexOf('/')) : '';
			if (folder && !app.vault.getFolderByPath(folder)) await makeFolder(folder);
			await app.vault.create(normalized, content);
		},
		async remove(path) {
			// Only notes this run created moments ago come here: they go for good, not to the trash.
			const normalized = normalizePath(path);
			if (app.vault.getFileByPath(normalized)) await app.vault.adapter.remove(normalized);
			for (const folder of [...madeFolders].reverse()) {
				if (app.vault.getFolderByPath(folder)?.children.length !== 0) continue;
				await app.vault.adapter.rmdir(folder, false);
				madeFolders.splice(madeFolders.indexOf(folder), 1);
			}
		},
		async update(path, edit) {
			await app.vault.process(fileAt(path), edit);
		},
		markdownLink: (targetPath, fromPath) =>
			app.fileManager.generateMarkdownLink(fileAt(targetPath), normalizePath(fromPath)),
		propertyLink: (targetPath, fromPath) =>
			`[[${app.metadataCache.fileToLinktext(fileAt(targetPath), normalizePath(fromPath))}]]`,
		insertAtCursor(path, text) {
			const view = app.workspace.getActiveViewOfType(MarkdownView);
			if (!view || view.file?.path !== normalizePath(path)) return false;
			const cursor = view.editor.getCursor();
			const lineStart = cursor.ch === 0 ? '' : '\n';
			view.editor.replaceRange(`${lineStart}${text}`, cursor);
			return true;
		},
	};
}
