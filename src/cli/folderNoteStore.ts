import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { notePathKey } from '../core/notes/fileName';
import { NoteStore } from '../core/notes/noteStore';
import { listVaultNotes } from './vaultNotes';

/**
 * A folder on disk used as a vault, with links as Obsidian writes them by default: wikilinks by the
 * shortest name that is unique in the vault.
 */
export async function folderNoteStore(root: string): Promise<NoteStore> {
	const notes = new Set(await listVaultNotes(root));
	const absolute = (path: string) => join(root, ...path.split('/'));
	const linkText = (targetPath: string) => {
		const withoutExtension = targetPath.replace(/\.md$/, '');
		const baseName = withoutExtension.split('/').pop() ?? withoutExtension;
		const sameName = [...notes].filter((note) => note.replace(/\.md$/, '').split('/').pop() === baseName);
		return sameName.length > 1 ? withoutExtension : baseName;
	};
	return {
		exists: (path) => notes.has(path) || existsSync(absolute(path)),
		existsIgnoringCase: (path) => [...notes].some((note) => notePathKey(note) === notePathKey(path)),
		read: (path) => readFile(absolute(path), 'utf8'),
		async create(path, content) {
			await mkdir(dirname(absolute(path)), { recursive: true });
			await writeFile(absolute(path), content, { encoding: 'utf8', flag: 'wx' });
			notes.add(path);
		},
		async remove(path) {
			await rm(absolute(path), { force: true });
			notes.delete(path);
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
