import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { NoteStore } from '../core/notes/noteStore';

/**
 * A folder on disk used as a vault, with links as Obsidian writes them by default: wikilinks by the
 * shortest name that is unique in the vault.
 */
export async function folderNoteStore(root: string): Promise<NoteStore> {
	const notes = new Set(await listNotes(root));
	const absolute = (path: string) => join(root, ...path.split('/'));
	const linkText = (targetPath: string) => {
		const withoutExtension = targetPath.replace(/\.md$/, '');
		const baseName = withoutExtension.split('/').pop() ?? withoutExtension;
		const sameName = [...notes].filter((note) => note.replace(/\.md$/, '').split('/').pop() === baseName);
		return sameName.length > 1 ? withoutExtension : baseName;
	};
	return {
		exists: (path) => notes.has(path) || existsSync(absolute(path)),
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

async function listNotes(root: string): Promise<string[]> {
	if (!existsSync(root)) return [];
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
		.map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.filter((path) => !path.split('/').some((segment) => segment.startsWith('.')));
}
