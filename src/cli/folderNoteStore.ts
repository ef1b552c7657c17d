import { mkdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { notePathKey } from '../core/notes/fileName';
import { NoteStore } from '../core/notes/noteStore';

/**
 * A folder on disk used as a vault, with links as Obsidian writes them by default: wikilinks by the
 * shortest name that is unique in the vault (`vaultNotes`, the notes there at start). Folders are made only
 * when a note is written into them, and removing a note also removes the folders made for it, so a run
 * that is rolled back leaves no empty folders behind.
 */
export function folderNoteStore(root: string, vaultNotes: readonly string[]): NoteStore {
	const notes = new Set(vaultNotes);
	const madeFolders = new Set<string>();
	const absolute = (path: string) => join(root, ...path.split('/'));
	const linkText = (targetPath: string) => {
		const withoutExtension = targetPath.replace(/\.md$/, '');
		const baseName = withoutExtension.split('/').pop() ?? withoutExtension;
		const sameName = [...notes].filter((note) => note.replace(/\.md$/, '').split('/').pop() === baseName);
		return sameName.length > 1 ? withoutExtension : baseName;
	};
	/** The folders above a note, outermost first: `a/b/n.md` → `a`, `a/b`. */
	const foldersAbove = (path: string) =>
		path
			.split('/')
			.slice(0, -1)
			.map((_, index, segments) => segments.slice(0, index + 1).join('/'));
	const makeFoldersFor = async (path: string) => {
		for (const folder of foldersAbove(path)) {
			const made = await mkdir(absolute(folder), { recursive: true });
			if (made) madeFolders.add(folder);
		}
	};
	const removeEmptyFoldersMadeFor = async (path: string) => {
		for (const folder of foldersAbove(path).reverse()) {
			if (!madeFolders.has(folder)) return;
			// rmdir refuses a folder that is not empty, which is exactly when it must stay.
			const removed = await rmdir(absolute(folder)).then(
				() => true,
				() => false,
			);
			if (!removed) return;
			madeFolders.delete(folder);
		}
	};
	return {
		exists: (path) => notes.has(path) || existsSync(absolute(path)),
		existsIgnoringCase: (path) => [...notes].some((note) => notePathKey(note) === notePathKey(path)),
		read: (path) => readFile(absolute(path), 'utf8'),
		async create(path, content) {
			await makeFoldersFor(path);
			try {
				await writeFile(absolute(path), content, { encoding: 'utf8', flag: 'wx' });
			} catch (error) {
				await removeEmptyFoldersMadeFor(path);
				throw error;
			}
			notes.add(path);
		},
		async remove(path) {
			await rm(absolute(path), { force: true });
			notes.delete(path);
			await removeEmptyFoldersMadeFor(path);
		},
		async update(path, edit) {
			const text = await readFile(absolute(path), 'utf8');
			const next = edit(text);
			if (next !== text) await writeFile(absolute(path), next, 'utf8');
		},
		markdownLink: (targetPath) => `[[${linkText(targetPath)}]]`,
		propertyLink: (targetPath) => `[[${linkText(targetPath)}]]`,
	};
}
