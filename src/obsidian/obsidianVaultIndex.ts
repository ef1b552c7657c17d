import { App, parseFrontMatterAliases } from 'obsidian';
import { ExistingNote } from '../core/web/entityLinks';
import { indexedDigest, IndexedDigest, VaultIndex } from '../core/web/vaultIndex';

/**
 * The vault as Obsidian's metadata cache knows it: digests by their properties, notes by name and alias.
 * Made for one run, so each list is read from the cache once however often the writer asks.
 */
export function obsidianVaultIndex(app: App): VaultIndex {
	let digests: IndexedDigest[] | null = null;
	let notes: ExistingNote[] | null = null;
	const frontmatter = (file: { path: string }) => app.metadataCache.getCache(file.path)?.frontmatter ?? null;
	return {
		digests: () =>
			(digests ??= app.vault
				.getMarkdownFiles()
				.map((file) => indexedDigest(file.path, frontmatter(file)))
				.filter((digest): digest is IndexedDigest => digest !== null)),
		notes: () =>
			(notes ??= app.vault.getMarkdownFiles().map((file) => ({
				path: file.path,
				basename: file.basename,
				aliases: parseFrontMatterAliases(frontmatter(file)) ?? [],
			}))),
	};
}
