import { App, parseFrontMatterAliases } from 'obsidian';
import { ExistingNote } from '../core/web/entityLinks';
import { indexedDigest, IndexedDigest, VaultIndex } from '../core/web/vaultIndex';

/** The vault as Obsidian's metadata cache knows it: digests by their properties, notes by name and alias. */
export function obsidianVaultIndex(app: App): VaultIndex {
	const files = () => app.vault.getMarkdownFiles();
	return {
		digests: () =>
			files()
				.map((file) => indexedDigest(file.path, app.metadataCache.getFileCache(file)?.frontmatter))
				.filter((digest): digest is IndexedDigest => digest !== null),
		notes: (): ExistingNote[] =>
			files().map((file) => ({
				path: file.path,
				basename: file.basename,
				aliases: parseFrontMatterAliases(app.metadataCache.getFileCache(file)?.frontmatter ?? null) ?? [],
			})),
	};
}
