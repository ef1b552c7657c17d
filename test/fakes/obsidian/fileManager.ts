/**
 * FileManager: link generation per the user's link settings, frontmatter processing, trash, rename with
 * link updates.
 *
 * generateMarkdownLink honours `vault.getConfig('useMarkdownLinks')` and `'newLinkFormat'`:
 * - wikilinks: `[[linktext#subpath|alias]]`, linktext without '.md';
 * - Markdown links: `[alias or basename](path#subpath)`, path with its extension, URL-encoded with
 *   encodeURI (spaces become %20).
 * linktext is fileToLinktext for 'shortest', the vault path for 'absolute', and the path relative to
 * the source note's folder for 'relative'. (Obsidian may prefix '!' for attachments; the fake does not.)
 *
 * processFrontMatter runs inside vault.process, so the read-modify-write is atomic; `fn` must mutate
 * the object synchronously. The YAML is re-serialised with stringifyYaml (the `yaml` package, like
 * Obsidian); a missing block is created at the top; when every key is removed an empty `---\n---` block
 * is kept.
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { TAbstractFile, TFile, TFolder, parentPath } from './files';
import { getFrontMatterInfo, parseYaml, stringifyYaml } from './frontmatter';
import type { MetadataCache } from './metadataCache';
import { parseLinktext } from './util';
import type { Vault } from './vault';

export interface FileManagerHost {
	vault: Vault;
	metadataCache: MetadataCache;
	activeFilePath(): string | null;
	/** Opens a yes/no prompt; resolves with the user's answer (see Modal helpers in testing.ts). */
	confirm(title: string, message: string, confirmText: string): Promise<boolean>;
}

export class FileManager implements Faithful<O.FileManager> {
	constructor(private readonly host: FileManagerHost) {}

	private get vault(): Vault {
		return this.host.vault;
	}

	async renameFile(file: O.TAbstractFile, newPath: string): Promise<void> {
		const entry = file as unknown as TAbstractFile;
		const updateLinks = this.vault.getConfig('alwaysUpdateLinks') !== false && entry instanceof TFile;
		const edits: { source: TFile; refs: O.Reference[] }[] = [];
		if (updateLinks) {
			const cache = this.host.metadataCache;
			cache.flush();
			const oldPath = entry.path;
			for (const source of this.vault.getMarkdownFiles() as unknown as TFile[]) {
				if (!cache.resolvedLinks[source.path]?.[oldPath]) continue;
				const meta = cache.getCache(source.path);
				const refs = [
					...(meta?.links ?? []),
					...(meta?.embeds ?? []),
					...(meta?.frontmatterLinks ?? []),
				].filter(
					(ref) => cache.getFirstLinkpathDest(parseLinktext(ref.link).path, source.path)?.path === oldPath,
				);
				if (refs.length > 0) edits.push({ source, refs });
			}
		}
		await this.vault.rename(file, newPath);
		for (const { source, refs } of edits) {
			this.vault.processSync(source as unknown as O.TFile, (text) => {
				let out = text;
				const positioned = refs
					.filter((r): r is O.ReferenceCache => 'position' in r)
					.sort((a, b) => b.position.start.offset - a.position.start.offset);
				for (const ref of positioned) {
					const { start, end } = ref.position;
					out =
						out.slice(0, start.offset) +
						this.relink(ref.original, entry as TFile, source.path) +
						out.slice(end.offset);
				}
				for (const ref of refs.filter((r) => !('position' in r)))
					out = out.replace(ref.original, this.relink(ref.original, entry as TFile, source.path));
				return out;
			});
		}
	}

	/** Rewrites one link (wikilink or Markdown link, embed or not) to point at the file's new path. */
	private relink(original: string, file: TFile, sourcePath: string): string {
		const wiki = /^(!?)\[\[([^\]|]*?)(\|[^\]]*)?\]\]$/.exec(original);
		if (wiki) {
			const { subpath } = parseLinktext(wiki[2]);
			return `${wiki[1]}[[${this.linktext(file, sourcePath, true)}${subpath}${wiki[3] ?? ''}]]`;
		}
		const md = /^(!?)\[([^\]]*)\]\((.*)\)$/.exec(original);
		if (md) {
			const dest = md[3].replace(/^<|>$/g, '');
			const hash = dest.indexOf('#');
			const subpath = hash === -1 ? '' : dest.slice(hash);
			return `${md[1]}[${md[2]}](${encodeURI(this.linktext(file, sourcePath, false))}${subpath})`;
		}
		return original;
	}

	private linktext(file: TFile, sourcePath: string, omitMd: boolean): string {
		const format = this.vault.getConfig('newLinkFormat');
		const strip = (p: string) => (omitMd && file.extension === 'md' ? p.slice(0, -3) : p);
		if (format === 'absolute') return strip(file.path);
		if (format === 'relative') return strip(relativePath(parentPath(sourcePath), file.path));
		return this.host.metadataCache.fileToLinktext(file as unknown as O.TFile, sourcePath, omitMd);
	}

	generateMarkdownLink(file: O.TFile, sourcePath: string, subpath?: string, alias?: string): string {
		const f = file as unknown as TFile;
		const sub = subpath ?? '';
		if (this.vault.getConfig('useMarkdownLinks') === true) {
			const text = alias || (f.extension === 'md' ? f.basename : f.name);
			return `[${text}](${encodeURI(this.linktext(f, sourcePath, false))}${encodeURI(sub)})`;
		}
		return `[[${this.linktext(f, sourcePath, true)}${sub}${alias ? `|${alias}` : ''}]]`;
	}

	async processFrontMatter(
		file: O.TFile,
		fn: (frontmatter: any) => void,
		options?: O.DataWriteOptions,
	): Promise<void> {
		this.vault.processSync(
			file,
			(text) => {
				const info = getFrontMatterInfo(text);
				const parsed: unknown = info.exists ? parseYaml(info.frontmatter) : null;
				if (parsed !== null && parsed !== undefined && (typeof parsed !== 'object' || Array.isArray(parsed))) {
					throw new Error(`processFrontMatter: the frontmatter of ${file.path} is not a YAML mapping`);
				}
				const data = (parsed ?? {}) as Record<string, unknown>;
				fn(data);
				const yaml = Object.keys(data).length > 0 ? stringifyYaml(data) : '';
				if (!info.exists) return yaml ? `---\n${yaml}---\n${text}` : text;
				return `---\n${yaml}---\n${text.slice(info.contentStart)}`;
			},
			options,
		);
	}

	async trashFile(file: O.TAbstractFile): Promise<void> {
		const option = this.vault.getConfig('trashOption');
		if (option === 'none') await this.vault.delete(file, true);
		else await this.vault.trash(file, option !== 'local');
	}

	async promptForDeletion(file: O.TAbstractFile): Promise<boolean> {
		const kind = file instanceof TFolder ? 'folder' : 'file';
		const confirmed = await this.host.confirm(
			`Delete ${kind}`,
			`Are you sure you want to delete "${file.name}"?`,
			'Delete',
		);
		if (confirmed) await this.trashFile(file);
		return confirmed;
	}
}

/** Path of `target` relative to `fromFolder` ('/' is the root). */
export function relativePath(fromFolder: string, target: string): string {
	const from = fromFolder === '/' ? [] : fromFolder.split('/');
	const to = target.split('/');
	let common = 0;
	while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
	const ups = from.length - common;
	return [...Array<string>(ups).fill('..'), ...to.slice(common)].join('/');
}
