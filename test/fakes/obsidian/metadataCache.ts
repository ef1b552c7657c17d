/**
 * Obsidian's metadata cache over the fake vault.
 *
 * Like Obsidian (which indexes in a worker), a written note is re-indexed asynchronously: the new
 * CachedMetadata, the 'changed' event, 'resolve' and 'resolved' arrive on a later macrotask, not before
 * `vault.modify()` resolves. Code that reads getFileCache right after writing sees the old metadata, as
 * it would in Obsidian. Tests wait with `waitForMetadata(app)` (testing.ts). The timer used is the real
 * setTimeout captured at load, so Jest fake timers do not stall indexing.
 *
 * Link resolution (getFirstLinkpathDest): exact vault path (with or without '.md'), then relative to the
 * source note's folder ('./', '../' or a plain relative path), then by name anywhere in the vault
 * (case-insensitive, matching the end of the path); among several name matches the shortest path wins,
 * then alphabetical order. Obsidian's own tie-breaking among same-named files is not documented.
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { Events } from './events';
import { joinPath, parentPath, TAbstractFile, TFile } from './files';
import { parseMarkdown } from './markdown';
import { getLinkpath, normalizePath } from './util';
import type { Vault } from './vault';

const realSetTimeout = globalThis.setTimeout;

export class MetadataCache extends Events implements Faithful<O.MetadataCache> {
	resolvedLinks: Record<string, Record<string, number>> = {};
	unresolvedLinks: Record<string, Record<string, number>> = {};
	private readonly caches = new Map<string, O.CachedMetadata>();
	private readonly pending = new Map<string, TFile>();
	private relinkAll = false;
	private scheduled = false;
	private waiters: (() => void)[] = [];

	constructor(private readonly vault: Vault) {
		super();
		vault._addHooks({
			create: (file) => {
				if (file instanceof TFile && file.extension === 'md') this.pending.set(file.path, file);
				this.relinkAll = true;
				this.schedule();
			},
			modify: (file) => {
				if (file.extension === 'md') {
					this.pending.set(file.path, file);
					this.schedule();
				}
			},
			delete: (file) => this.onDelete(file),
			rename: (file, oldPath) => this.onRename(file, oldPath),
		});
	}

	// ----- public API -----

	getFileCache(file: O.TFile): O.CachedMetadata | null {
		return this.caches.get(file.path) ?? null;
	}

	getCache(path: string): O.CachedMetadata | null {
		return this.caches.get(path) ?? null;
	}

	getFirstLinkpathDest(linkpath: string, sourcePath: string): O.TFile | null {
		const file = (p: string): TFile | null => {
			const f = this.vault.getAbstractFileByPath(p);
			return f instanceof TFile ? f : null;
		};
		const exact = (p: string) => file(p) ?? (p.toLowerCase().endsWith('.md') ? null : file(`${p}.md`));
		if (linkpath === '') return file(sourcePath) as O.TFile | null;
		const folder = parentPath(sourcePath);
		if (linkpath.startsWith('./') || linkpath.startsWith('../')) {
			const resolved = resolveRelative(folder, linkpath);
			return (resolved === null ? null : exact(resolved)) as O.TFile | null;
		}
		const absolute = normalizePath(linkpath);
		const direct = exact(absolute) ?? (folder === '/' ? null : exact(joinPath(folder, absolute)));
		if (direct) return direct as unknown as O.TFile;
		const lower = absolute.toLowerCase();
		const wanted = lower.endsWith('.md') ? [lower] : [lower, `${lower}.md`];
		const matches = (this.vault.getFiles() as unknown as TFile[]).filter((f) => {
			const p = f.path.toLowerCase();
			return wanted.some((w) => p === w || p.endsWith(`/${w}`));
		});
		matches.sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
		return (matches[0] ?? null) as O.TFile | null;
	}

	/**
	 * The file's name when no other file has the same name (case-insensitive), else its full path; '.md' is omitted
	 * by default.
	 */
	fileToLinktext(file: O.TFile, _sourcePath: string, omitMdExtension = true): string {
		const name = file.name.toLowerCase();
		const unique = this.vault.getFiles().filter((f) => f.name.toLowerCase() === name).length <= 1;
		const omit = omitMdExtension && file.extension === 'md';
		if (unique) return omit ? file.basename : file.name;
		return omit ? file.path.slice(0, -3) : file.path;
	}

	// ----- indexing -----

	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		realSetTimeout(() => this.flush(), 0);
	}

	/**
	 * @internal Time spent parsing and resolving notes (the fake's own work, done by a worker in Obsidian),
	 * for the benchmark to leave out of the plugin's figures; the event handlers it calls are not in it.
	 */
	indexingMs = 0;

	/** True while writes are waiting to be indexed. */
	get isIndexing(): boolean {
		return this.scheduled || this.pending.size > 0 || this.relinkAll;
	}

	/** Resolves once every pending write has been indexed and 'resolved' has fired. */
	whenIdle(): Promise<void> {
		if (!this.isIndexing) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	/**
	 * @internal Indexes pending notes now, firing the same events. The fake uses it where Obsidian relies
	 * on an up-to-date cache (renameFile) and to index seed notes before a test starts.
	 */
	flush(): void {
		this.scheduled = false;
		const batch = [...this.pending.values()];
		this.pending.clear();
		const relinkAll = this.relinkAll;
		this.relinkAll = false;
		for (const file of batch) {
			if (this.vault.getAbstractFileByPath(file.path) !== (file as unknown as O.TAbstractFile)) continue;
			const data = this.vault.readTextSync(file as unknown as O.TFile);
			const parsing = performance.now();
			const cache = parseMarkdown(data);
			this.indexingMs += performance.now() - parsing;
			this.caches.set(file.path, cache);
			this.trigger('changed', file, data, cache);
			if (!relinkAll) {
				const resolving = performance.now();
				this.resolveFile(file);
				this.indexingMs += performance.now() - resolving;
				this.trigger('resolve', file);
			}
		}
		if (relinkAll) {
			this.resolvedLinks = {};
			this.unresolvedLinks = {};
			for (const file of this.vault.getMarkdownFiles() as unknown as TFile[]) {
				const resolving = performance.now();
				this.resolveFile(file);
				this.indexingMs += performance.now() - resolving;
				this.trigger('resolve', file);
			}
		}
		if (batch.length > 0 || relinkAll) this.trigger('resolved');
		if (!this.isIndexing) {
			const waiters = this.waiters;
			this.waiters = [];
			for (const w of waiters) w();
		}
	}

	private resolveFile(file: TFile): void {
		const cache = this.caches.get(file.path);
		const resolved: Record<string, number> = {};
		const unresolved: Record<string, number> = {};
		const refs: O.Reference[] = [
			...(cache?.links ?? []),
			...(cache?.embeds ?? []),
			...(cache?.frontmatterLinks ?? []),
		];
		for (const ref of refs) {
			const linkpath = getLinkpath(ref.link);
			const dest = this.getFirstLinkpathDest(linkpath, file.path);
			if (dest) resolved[dest.path] = (resolved[dest.path] ?? 0) + 1;
			else unresolved[linkpath] = (unresolved[linkpath] ?? 0) + 1;
		}
		this.resolvedLinks[file.path] = resolved;
		this.unresolvedLinks[file.path] = unresolved;
	}

	private onDelete(entry: TAbstractFile): void {
		if (!(entry instanceof TFile)) return;
		const previous = this.caches.get(entry.path) ?? null;
		this.caches.delete(entry.path);
		this.pending.delete(entry.path);
		delete this.resolvedLinks[entry.path];
		delete this.unresolvedLinks[entry.path];
		if (entry.extension === 'md') this.trigger('deleted', entry, previous);
		this.relinkAll = true;
		this.schedule();
	}

	private onRename(entry: TAbstractFile, oldPath: string): void {
		if (entry instanceof TFile) {
			const cache = this.caches.get(oldPath);
			this.caches.delete(oldPath);
			if (cache) this.caches.set(entry.path, cache);
			if (this.pending.delete(oldPath)) this.pending.set(entry.path, entry);
			if (entry.extension === 'md' && !cache) this.pending.set(entry.path, entry);
		}
		this.relinkAll = true;
		this.schedule();
	}
}

/** Resolves './x' and '../x' against a folder; null when it climbs above the vault root. */
function resolveRelative(folder: string, relative: string): string | null {
	const parts = folder === '/' ? [] : folder.split('/');
	for (const segment of relative.split('/')) {
		if (segment === '' || segment === '.') continue;
		if (segment === '..') {
			if (parts.length === 0) return null;
			parts.pop();
		} else parts.push(segment);
	}
	return parts.join('/') || null;
}
