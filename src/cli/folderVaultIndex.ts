import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { indexedDigest, IndexedDigest, VaultIndex } from '../core/web/vaultIndex';
import { ExistingNote } from '../core/web/entityLinks';
import { propertiesFromFrontmatter } from './frontmatterProperties';

/** The notes of a folder vault, read once at start: their names, aliases, and which are digests. */
export async function folderVaultIndex(root: string): Promise<VaultIndex> {
	const digests: IndexedDigest[] = [];
	const notes: ExistingNote[] = [];
	if (existsSync(root)) {
		for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
			if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
			const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
			if (path.split('/').some((segment) => segment.startsWith('.'))) continue;
			const properties = propertiesFromFrontmatter(await readFile(join(root, path), 'utf8'));
			const digest = indexedDigest(path, properties);
			if (digest) digests.push(digest);
			const aliases = ([] as unknown[])
				.concat(properties?.aliases ?? [])
				.filter((alias): alias is string => typeof alias === 'string');
			notes.push({ path, basename: entry.name.replace(/\.md$/, ''), aliases });
		}
	}
	return { digests: () => digests, notes: () => notes };
}
