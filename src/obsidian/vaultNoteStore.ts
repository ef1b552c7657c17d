import { App, MarkdownView, normalizePath, TFile } from 'obsidian';
import { notePathKey } from '../core/notes/fileName';
import { NoteStore } from '../core/notes/noteStore';

/** The core's vault port over Obsidian's Vault and FileManager, so links follow the user's link settings. */
export function vaultNoteStore(app: App): NoteStore {
	const fileAt = (path: string): TFile => {
		const file = app.vault.getFileByPath(normalizePath(path));
		if (!file) throw new Error(`${path} does not exist`);
		return file;
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
			if (folder && !app.vault.getFolderByPath(folder)) await app.vault.createFolder(folder);
			await app.vault.create(normalized, content);
		},
		async remove(path) {
			const file = app.vault.getFileByPath(normalizePath(path));
			if (file) await app.fileManager.trashFile(file);
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
