import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The Markdown notes of a folder vault as vault paths; hidden folders (`.obsidian`, `.git`) are not notes.
 * A folder that cannot be read (no permission, removed meanwhile) is skipped: one such folder anywhere in
 * the vault must not stop a run that only needs to know which notes exist.
 */
export async function listVaultNotes(root: string): Promise<string[]> {
	const notes: string[] = [];
	const walk = async (folder: string, prefix: string): Promise<void> => {
		let entries: Dirent[];
		try {
			entries = await readdir(folder, { withFileTypes: true });
		} catch {
			return;
		}
		for (const entry of entries) {
			if (entry.name.startsWith('.')) continue;
			const path = prefix ? `${prefix}/${entry.name}` : entry.name;
			if (entry.isDirectory()) await walk(join(folder, entry.name), path);
			else if (entry.isFile() && entry.name.endsWith('.md')) notes.push(path);
		}
	};
	await walk(root, '');
	return notes;
}
