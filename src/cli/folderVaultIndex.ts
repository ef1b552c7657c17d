import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { indexedDigest, IndexedDigest, VaultIndex } from '../core/web/vaultIndex';
import { ExistingNote } from '../core/web/entityLinks';
import { propertiesFromFrontmatter } from './frontmatterProperties';

/**
 * The notes of a folder vault, read once at start: their names, aliases, and which are digests. A note that
 * cannot be read still counts as a note (its name can be linked), just without properties.
 */
export async function folderVaultIndex(root: string, vaultNotes: readonly string[]): Promise<VaultIndex> {
	const digests: IndexedDigest[] = [];
	const notes: ExistingNote[] = [];
	for (const path of vaultNotes) {
		const text = await readFile(join(root, path), 'utf8').catch(() => '');
		const properties = propertiesFromFrontmatter(text);
		const digest = indexedDigest(path, properties);
		if (digest) digests.push(digest);
		const aliases = ([] as unknown[])
			.concat(properties?.aliases ?? [])
			.filter((alias): alias is string => typeof alias === 'string');
		notes.push({ path, basename: path.replace(/^.*\//, '').replace(/\.md$/, ''), aliases });
	}
	return { digests: () => digests, notes: () => notes };
}
