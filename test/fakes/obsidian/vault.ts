/**
 * The vault: an in-memory tree of TFile/TFolder with Obsidian's semantics.
 *
 * Faithfulness notes:
 * - `create` throws 'File already exists.' for an existing path and, like Obsidian on desktop, does
 *   NOT create missing parent folders: it fails with the ENOENT error the filesystem raises. Create
 *   the folder first (`createFolder`, which does create missing ancestors, like `mkdir -p`).
 * - Paths are normalised with normalizePath; lookups are case-sensitive (Linux desktop).
 * - Writes are synchronous under the hood; the 'create'/'modify'/'delete'/'rename' events fire before
 *   the returned promise settles. mtime strictly increases on every write (never two equal mtimes).
 * - The metadata cache re-indexes a written note asynchronously, as Obsidian's worker does: right after
 *   `await vault.modify(...)` getFileCache still returns the previous metadata (see metadataCache.ts).
 * - Dot-paths (config dir, .trash) are not part of the tree; they live in `vault.adapter`.
 * - Operating on a TFile that is no longer in the vault (deleted) throws ENOENT.
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import {
	contentSize,
	contentToBuffer,
	contentToText,
	FileSystemAdapter,
	type Content,
	type VisibleStore,
} from './adapter';
import { Events } from './events';
import { fsError, isHiddenPath, joinPath, parentPath, TAbstractFile, TFile, TFolder } from './files';
import { normalizePath } from './util';

/** The user settings the fake consults (Obsidian keeps them in `.obsidian/app.json`, read via vault.getConfig). */
export interface VaultConfig {
	/** "Use [[Wikilinks]]" off = Markdown links. Default false. */
	useMarkdownLinks: boolean;
	/** "New link format". Default 'shortest'. */
	newLinkFormat: 'shortest' | 'relative' | 'absolute';
	/** "Default location for new notes". Default 'root'. */
	newFileLocation: 'root' | 'current' | 'folder';
	newFileFolderPath: string;
	/**
	 * "Default location for new attachments": '/' root, './' same folder as note, './sub' subfolder, or a folder
	 * path.
	 */
	attachmentFolderPath: string;
	/** "Automatically update internal links" (FileManager.renameFile). Default true. */
	alwaysUpdateLinks: boolean;
	/** "Deleted files": 'system' | 'local' (.trash) | 'none' (permanent). Default 'system'. */
	trashOption: 'system' | 'local' | 'none';
	[key: string]: unknown;
}

export const DEFAULT_CONFIG: VaultConfig = {
	useMarkdownLinks: false,
	newLinkFormat: 'shortest',
	newFileLocation: 'root',
	newFileFolderPath: '',
	attachmentFolderPath: '/',
	alwaysUpdateLinks: true,
	trashOption: 'system',
};

/** Internal listeners (metadata cache, open editors) run before the public vault events. */
export interface VaultHooks {
	create(file: TAbstractFile): void;
	modify(file: TFile): void;
	delete(file: TAbstractFile): void;
	rename(file: TAbstractFile, oldPath: string): void;
}

export class Vault extends Events implements Faithful<Omit<O.Vault, 'adapter'>>, VisibleStore {
	/** Typed as Obsidian's DataAdapter; at runtime a FileSystemAdapter (desktop). */
	adapter: O.DataAdapter;
	configDir = '.obsidian';
	/** The same adapter with the fake's synchronous helpers. */
	readonly fakeAdapter: FileSystemAdapter;
	private readonly entries = new Map<string, TAbstractFile>();
	private readonly contents = new Map<string, Content>();
	private readonly root: TFolder;
	private readonly hooks: VaultHooks[] = [];
	private lastTime = 0;
	config: VaultConfig = { ...DEFAULT_CONFIG };

	constructor(private readonly vaultName = 'Test Vault') {
		super();
		this.root = new TFolder();
		this.root.vault = this as unknown as O.Vault;
		this.root._setPath('/');
		this.entries.set('/', this.root);
		this.fakeAdapter = new FileSystemAdapter(
			this,
			`/fake-obsidian/${vaultName.replace(/[^\w.-]+/g, '-')}`,
			this.configDir,
		);
		this.adapter = this.fakeAdapter as unknown as O.DataAdapter;
	}

	/** @internal */
	_addHooks(hooks: VaultHooks): void {
		this.hooks.push(hooks);
	}

	/** A clock that never returns the same value twice, so every write changes mtime. */
	_now(): number {
		this.lastTime = Math.max(Date.now(), this.lastTime + 1);
		return this.lastTime;
	}

	getName(): string {
		return this.vaultName;
	}

	/** Obsidian's (non-public but widely used) accessor for the user settings in app.json. */
	getConfig(key: string): unknown {
		return this.config[key];
	}

	setConfig(key: string, value: unknown): void {
		this.config[key] = value;
	}

	// ----- lookups -----

	getAbstractFileByPath(path: string): O.TAbstractFile | null {
		return (this.entries.get(normalizePath(path)) ?? null) as O.TAbstractFile | null;
	}

	getFileByPath(path: string): O.TFile | null {
		const f = this.entries.get(normalizePath(path));
		return f instanceof TFile ? (f as unknown as O.TFile) : null;
	}

	getFolderByPath(path: string): O.TFolder | null {
		const f = this.entries.get(normalizePath(path));
		return f instanceof TFolder ? (f as unknown as O.TFolder) : null;
	}

	getRoot(): O.TFolder {
		return this.root as unknown as O.TFolder;
	}

	getFiles(): O.TFile[] {
		return [...this.entries.values()].filter((f) => f instanceof TFile) as unknown as O.TFile[];
	}

	getAllFolders(includeRoot = false): O.TFolder[] {
		const folders = [...this.entries.values()].filter((f) => f instanceof TFolder);
		return (includeRoot ? folders : folders.filter((f) => f !== this.root)) as unknown as O.TFolder[];
	}

	getMarkdownFiles(): O.TFile[] {
		return this.getFiles().filter((f) => f.extension === 'md');
	}

	static recurseChildren(root: O.TFolder, cb: (file: O.TAbstractFile) => unknown): void {
		cb(root);
		for (const child of root.children) {
			if (child instanceof TFolder) Vault.recurseChildren(child as unknown as O.TFolder, cb);
			else cb(child);
		}
	}

	getResourcePath(file: O.TFile): string {
		return this.fakeAdapter.getResourcePath(file.path);
	}

	// ----- create -----

	async create(path: string, data: string, options?: O.DataWriteOptions): Promise<O.TFile> {
		return this.createFileSync(path, String(data), options);
	}

	/** @internal Synchronous create, used by create() and by test seeding. */
	createFileSync(path: string, data: Content, options?: O.DataWriteOptions): O.TFile {
		const p = normalizePath(path);
		if (p === '/') throw new Error('File already exists.');
		if (isHiddenPath(p)) {
			// Obsidian writes it but never indexes it: the returned TFile is not in the vault tree.
			if (this.fakeAdapter.kind(p) !== null) throw new Error('File already exists.');
			this.fakeAdapter.writeSync(p, data, options);
			const detached = new TFile();
			detached.vault = this as unknown as O.Vault;
			detached._setPath(p);
			return detached as unknown as O.TFile;
		}
		if (this.entries.has(p)) throw new Error('File already exists.');
		const parent = this.entries.get(parentPath(p));
		if (!(parent instanceof TFolder)) throw fsError('ENOENT', 'open', this.fakeAdapter.getFullPath(p));
		const file = new TFile();
		file.vault = this as unknown as O.Vault;
		file._setPath(p);
		const now = this._now();
		file.stat = { ctime: options?.ctime ?? now, mtime: options?.mtime ?? now, size: contentSize(data) };
		this.attach(file, parent);
		this.contents.set(p, data);
		for (const h of this.hooks) h.create(file);
		this.trigger('create', file);
		return file as unknown as O.TFile;
	}

	async createFolder(path: string): Promise<O.TFolder> {
		const p = normalizePath(path);
		if (this.fakeAdapter.kind(p) !== null) throw new Error('Folder already exists.');
		this._mkdirs(p);
		if (isHiddenPath(p)) {
			const detached = new TFolder();
			detached.vault = this as unknown as O.Vault;
			detached._setPath(p);
			return detached as unknown as O.TFolder;
		}
		return this.entries.get(p) as unknown as O.TFolder;
	}

	private attach(entry: TAbstractFile, parent: TFolder): void {
		entry.parent = parent as unknown as O.TFolder;
		parent.children.push(entry as unknown as O.TAbstractFile);
		this.entries.set(entry.path, entry);
	}

	// ----- read -----

	/** @internal The live TFile for an API argument, or ENOENT if it was deleted/replaced. */
	liveFile(file: O.TFile): TFile {
		const entry = this.entries.get(file?.path);
		if (!(entry instanceof TFile) || entry !== (file as unknown as TFile)) {
			throw fsError('ENOENT', 'open', this.fakeAdapter.getFullPath(file?.path ?? ''));
		}
		return entry;
	}

	/** @internal */
	readTextSync(file: O.TFile): string {
		return contentToText(this.contents.get(this.liveFile(file).path) as Content);
	}

	async read(file: O.TFile): Promise<string> {
		return this.readTextSync(file);
	}

	async cachedRead(file: O.TFile): Promise<string> {
		return this.readTextSync(file);
	}

	async readBinary(file: O.TFile): Promise<ArrayBuffer> {
		return contentToBuffer(this.contents.get(this.liveFile(file).path) as Content);
	}

	// ----- write -----

	/** @internal Writes the content of a live file: updates stat, runs hooks, fires 'modify'. */
	writeSync(file: O.TFile, data: Content, options?: O.DataWriteOptions): void {
		const live = this.liveFile(file);
		this.contents.set(live.path, data);
		live.stat = {
			ctime: options?.ctime ?? live.stat.ctime,
			mtime: options?.mtime ?? this._now(),
			size: contentSize(data),
		};
		for (const h of this.hooks) h.modify(live);
		this.trigger('modify', live);
	}

	async modify(file: O.TFile, data: string, options?: O.DataWriteOptions): Promise<void> {
		this.writeSync(file, String(data), options);
	}

	async append(file: O.TFile, data: string, options?: O.DataWriteOptions): Promise<void> {
		this.writeSync(file, this.readTextSync(file) + data, options);
	}

	async appendBinary(file: O.TFile, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> {
		const existing = new Uint8Array(await this.readBinary(file));
		const merged = new Uint8Array(existing.byteLength + data.byteLength);
		merged.set(existing);
		merged.set(new Uint8Array(data), existing.byteLength);
		this.writeSync(file, merged, options);
	}

	/**
	 * Atomic read-modify-write: `fn` runs synchronously on the current text and nothing else can write
	 * in between. If `fn` throws, nothing is written.
	 */
	async process(file: O.TFile, fn: (data: string) => string, options?: O.DataWriteOptions): Promise<string> {
		return this.processSync(file, fn, options);
	}

	/** @internal */
	processSync(file: O.TFile, fn: (data: string) => string, options?: O.DataWriteOptions): string {
		const next = fn(this.readTextSync(file));
		if (typeof next !== 'string') throw new TypeError('Vault.process: the callback must return a string');
		this.writeSync(file, next, options);
		return next;
	}

	// ----- delete / trash -----

	async delete(file: O.TAbstractFile, _force?: boolean): Promise<void> {
		this.deleteSync(file as unknown as TAbstractFile);
	}

	/** @internal Removes a live entry (recursively for folders): children first, each with a 'delete' event. */
	deleteSync(entry: TAbstractFile): void {
		if (this.entries.get(entry.path) !== entry || entry === this.root)
			throw fsError('ENOENT', 'unlink', this.fakeAdapter.getFullPath(entry.path));
		if (entry instanceof TFolder)
			for (const child of [...entry.children]) this.deleteSync(child as unknown as TAbstractFile);
		const parent = entry.parent as unknown as TFolder | null;
		if (parent) parent.children = parent.children.filter((c) => c !== (entry as unknown as O.TAbstractFile));
		this.entries.delete(entry.path);
		this.contents.delete(entry.path);
		for (const h of this.hooks) h.delete(entry);
		this.trigger('delete', entry);
	}

	/** system=true: the OS trash (gone from the vault); system=false: moved to the hidden `.trash` folder. */
	async trash(file: O.TAbstractFile, system: boolean): Promise<void> {
		const entry = file as unknown as TAbstractFile;
		if (this.entries.get(entry.path) !== entry)
			throw fsError('ENOENT', 'unlink', this.fakeAdapter.getFullPath(entry.path));
		if (system) this.deleteSync(entry);
		else this.fakeAdapter.trashLocalSync(entry.path);
	}

	// ----- rename / copy -----

	/** Throws if the destination exists or its folder does not (no folders are created). */
	async rename(file: O.TAbstractFile, newPath: string): Promise<void> {
		const entry = file as unknown as TAbstractFile;
		const to = normalizePath(newPath);
		if (this.entries.get(entry.path) !== entry)
			throw fsError('ENOENT', 'rename', this.fakeAdapter.getFullPath(entry.path));
		if (to === entry.path) return;
		if (entry instanceof TFolder && (to + '/').startsWith(entry.path + '/'))
			throw new Error('Cannot move a folder into itself.');
		this.fakeAdapter.renameSync(entry.path, to);
	}

	async copy<T extends O.TAbstractFile>(file: T, newPath: string): Promise<T> {
		const entry = file as unknown as TAbstractFile;
		const to = normalizePath(newPath);
		if (this.entries.get(entry.path) !== entry)
			throw fsError('ENOENT', 'copyfile', this.fakeAdapter.getFullPath(entry.path));
		if (this.fakeAdapter.kind(to) !== null) throw new Error('File already exists.');
		this.fakeAdapter.copySync(entry.path, to);
		return (this.entries.get(to) ?? null) as unknown as T;
	}

	// ----- VisibleStore: the adapter's view of the vault tree -----

	_kind(path: string): 'file' | 'folder' | null {
		const entry = this.entries.get(path);
		return entry instanceof TFile ? 'file' : entry instanceof TFolder ? 'folder' : null;
	}

	_stat(path: string): O.Stat | null {
		const entry = this.entries.get(path);
		if (entry instanceof TFile) return { type: 'file', ...entry.stat };
		if (entry instanceof TFolder) return { type: 'folder', ctime: 0, mtime: 0, size: 0 };
		return null;
	}

	_children(path: string): { files: string[]; folders: string[] } {
		const entry = this.entries.get(path);
		const children = entry instanceof TFolder ? entry.children : [];
		return {
			files: children.filter((c) => c instanceof TFile).map((c) => c.path),
			folders: children.filter((c) => c instanceof TFolder).map((c) => c.path),
		};
	}

	_readContent(path: string): Content {
		return this.contents.get(path) as Content;
	}

	_writeContent(path: string, data: Content, options?: O.DataWriteOptions): void {
		const entry = this.entries.get(path);
		if (entry instanceof TFile) this.writeSync(entry as unknown as O.TFile, data, options);
		else this.createFileSync(path, data, options);
	}

	_mkdirs(path: string): void {
		if (path === '/' || this.entries.get(path) instanceof TFolder) return;
		if (this.entries.has(path)) throw fsError('EEXIST', 'mkdir', this.fakeAdapter.getFullPath(path));
		const parent = parentPath(path);
		this._mkdirs(parent);
		const folder = new TFolder();
		folder.vault = this as unknown as O.Vault;
		folder._setPath(path);
		this.attach(folder, this.entries.get(parent) as TFolder);
		for (const h of this.hooks) h.create(folder);
		this.trigger('create', folder);
	}

	_remove(path: string): void {
		const entry = this.entries.get(path);
		if (entry) this.deleteSync(entry);
	}

	/** Moves an entry (and, for a folder, its descendants), then fires 'rename' for each moved entry. */
	_move(path: string, newPath: string): void {
		const entry = this.entries.get(path) as TAbstractFile;
		const newParent = this.entries.get(parentPath(newPath)) as TFolder;
		const moved: [TAbstractFile, string][] = [];
		const relocate = (item: TAbstractFile, to: string) => {
			const old = item.path;
			this.entries.delete(old);
			const content = this.contents.get(old);
			this.contents.delete(old);
			item._setPath(to);
			this.entries.set(to, item);
			if (content !== undefined) this.contents.set(to, content);
			moved.push([item, old]);
			if (item instanceof TFolder)
				for (const child of item.children)
					relocate(child as unknown as TAbstractFile, joinPath(to, child.name));
		};
		const oldParent = entry.parent as unknown as TFolder;
		oldParent.children = oldParent.children.filter((c) => c !== (entry as unknown as O.TAbstractFile));
		relocate(entry, newPath);
		entry.parent = newParent as unknown as O.TFolder;
		newParent.children.push(entry as unknown as O.TAbstractFile);
		for (const [item, old] of moved) {
			for (const h of this.hooks) h.rename(item, old);
			this.trigger('rename', item, old);
		}
	}
}
