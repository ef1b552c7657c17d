/**
 * The vault's DataAdapter (desktop: a FileSystemAdapter) over memory.
 *
 * Paths under a dot-folder (the config dir `.obsidian`, `.trash`, ...) live only here, because Obsidian
 * never indexes them into the vault tree. Other paths are the vault's own files: the adapter reads and
 * writes them through the vault, which fires the vault events Obsidian's file watcher would fire.
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { fsError, isHiddenPath, joinPath, parentPath } from './files';
import { normalizePath, toArrayBuffer } from './util';

export type Content = string | Uint8Array;

/** What the adapter needs from the vault for non-hidden paths (implemented by Vault). */
export interface VisibleStore {
	_kind(path: string): 'file' | 'folder' | null;
	_stat(path: string): O.Stat | null;
	_children(path: string): { files: string[]; folders: string[] };
	_readContent(path: string): Content;
	_writeContent(path: string, data: Content, options?: O.DataWriteOptions): void;
	_mkdirs(path: string): void;
	_remove(path: string): void;
	_move(path: string, newPath: string): void;
	_now(): number;
	getName(): string;
}

interface HiddenEntry {
	data: Content;
	ctime: number;
	mtime: number;
}

export function contentToText(data: Content): string {
	return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
}

export function contentToBuffer(data: Content): ArrayBuffer {
	return toArrayBuffer(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
}

export function contentSize(data: Content): number {
	return typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
}

export class FileSystemAdapter implements Faithful<O.DataAdapter> {
	private readonly hiddenFiles = new Map<string, HiddenEntry>();
	private readonly hiddenFolders = new Map<string, number>();

	constructor(
		private readonly vault: VisibleStore,
		private readonly basePath: string,
		configDir: string,
	) {
		this.mkdirSync(configDir);
	}

	getName(): string {
		return this.vault.getName();
	}

	getFullPath(normalizedPath: string): string {
		return normalizedPath === '/' || normalizedPath === '' ? this.basePath : `${this.basePath}/${normalizedPath}`;
	}

	getResourcePath(normalizedPath: string): string {
		const stat = this.statSync(normalizedPath);
		return `app://fake-obsidian${this.getFullPath(normalizedPath)}${stat ? `?${stat.mtime}` : ''}`;
	}

	// ----- synchronous core (used by the async API and by the fake's own plumbing) -----

	kind(path: string): 'file' | 'folder' | null {
		const p = normalizePath(path);
		if (p === '/') return 'folder';
		if (!isHiddenPath(p)) return this.vault._kind(p);
		if (this.hiddenFiles.has(p)) return 'file';
		if (this.hiddenFolders.has(p)) return 'folder';
		return null;
	}

	private folderExists(path: string): boolean {
		return this.kind(path) === 'folder';
	}

	statSync(path: string): O.Stat | null {
		const p = normalizePath(path);
		if (!isHiddenPath(p)) return this.vault._stat(p);
		const file = this.hiddenFiles.get(p);
		if (file) return { type: 'file', ctime: file.ctime, mtime: file.mtime, size: contentSize(file.data) };
		const folder = this.hiddenFolders.get(p);
		return folder === undefined ? null : { type: 'folder', ctime: folder, mtime: folder, size: 0 };
	}

	readSync(path: string): Content {
		const p = normalizePath(path);
		const kind = this.kind(p);
		if (kind === 'folder') throw fsError('EISDIR', 'read', this.getFullPath(p));
		if (kind === null) throw fsError('ENOENT', 'open', this.getFullPath(p));
		if (!isHiddenPath(p)) return this.vault._readContent(p);
		return (this.hiddenFiles.get(p) as HiddenEntry).data;
	}

	/** Writes a file; its folder must exist (like fs.writeFile: no parent folders are created). */
	writeSync(path: string, data: Content, options?: O.DataWriteOptions): void {
		const p = normalizePath(path);
		if (this.kind(p) === 'folder') throw fsError('EISDIR', 'open', this.getFullPath(p));
		if (!this.folderExists(parentPath(p))) throw fsError('ENOENT', 'open', this.getFullPath(p));
		if (!isHiddenPath(p)) {
			this.vault._writeContent(p, data, options);
			return;
		}
		const now = this.vault._now();
		const existing = this.hiddenFiles.get(p);
		this.hiddenFiles.set(p, {
			data: typeof data === 'string' ? data : new Uint8Array(data),
			ctime: options?.ctime ?? existing?.ctime ?? now,
			mtime: options?.mtime ?? now,
		});
	}

	/** Creates a folder and its missing ancestors; an existing folder is fine (mkdir -p). */
	mkdirSync(path: string): void {
		const p = normalizePath(path);
		if (p === '/') return;
		const kind = this.kind(p);
		if (kind === 'folder') return;
		if (kind === 'file') throw fsError('EEXIST', 'mkdir', this.getFullPath(p));
		if (!isHiddenPath(p)) {
			this.vault._mkdirs(p);
			return;
		}
		const parent = parentPath(p);
		if (parent !== '/') this.mkdirSync(parent);
		this.hiddenFolders.set(p, this.vault._now());
	}

	listSync(path: string): O.ListedFiles {
		const p = normalizePath(path);
		if (!this.folderExists(p)) throw fsError('ENOENT', 'scandir', this.getFullPath(p));
		const files: string[] = [];
		const folders: string[] = [];
		if (!isHiddenPath(p)) {
			const visible = this.vault._children(p);
			files.push(...visible.files);
			folders.push(...visible.folders);
		}
		const isChild = (candidate: string) => parentPath(candidate) === p;
		for (const f of this.hiddenFiles.keys()) if (isChild(f)) files.push(f);
		for (const f of this.hiddenFolders.keys()) if (isChild(f)) folders.push(f);
		return { files, folders };
	}

	removeSync(path: string): void {
		const p = normalizePath(path);
		const kind = this.kind(p);
		if (kind === null) throw fsError('ENOENT', 'unlink', this.getFullPath(p));
		if (kind === 'folder') throw fsError('EISDIR', 'unlink', this.getFullPath(p));
		if (!isHiddenPath(p)) this.vault._remove(p);
		else this.hiddenFiles.delete(p);
	}

	rmdirSync(path: string, recursive: boolean): void {
		const p = normalizePath(path);
		const kind = this.kind(p);
		if (kind === null) throw fsError('ENOENT', 'rmdir', this.getFullPath(p));
		if (kind === 'file') throw fsError('ENOTDIR', 'rmdir', this.getFullPath(p));
		const listed = this.listSync(p);
		if (!recursive && listed.files.length + listed.folders.length > 0)
			throw fsError('ENOTEMPTY', 'rmdir', this.getFullPath(p));
		for (const f of listed.files) this.removeSync(f);
		for (const f of listed.folders) this.rmdirSync(f, true);
		if (!isHiddenPath(p)) this.vault._remove(p);
		else this.hiddenFolders.delete(p);
	}

	renameSync(path: string, newPath: string): void {
		const from = normalizePath(path);
		const to = normalizePath(newPath);
		const kind = this.kind(from);
		if (kind === null) throw fsError('ENOENT', 'rename', this.getFullPath(from));
		if (!this.folderExists(parentPath(to))) throw fsError('ENOENT', 'rename', this.getFullPath(to));
		if (this.kind(to) !== null) throw new Error('Destination file already exists!');
		if (!isHiddenPath(from) && !isHiddenPath(to)) {
			this.vault._move(from, to);
			return;
		}
		// Crossing between the vault and a hidden folder: copy then delete.
		this.copyTree(from, to);
		if (kind === 'file') this.removeSync(from);
		else this.rmdirSync(from, true);
	}

	private copyTree(from: string, to: string): void {
		if (this.kind(from) === 'file') {
			this.writeSync(to, this.readSync(from));
			return;
		}
		this.mkdirSync(to);
		const listed = this.listSync(from);
		for (const f of [...listed.files, ...listed.folders])
			this.copyTree(f, joinPath(to, f.slice(f.lastIndexOf('/') + 1)));
	}

	copySync(path: string, newPath: string): void {
		const from = normalizePath(path);
		const to = normalizePath(newPath);
		if (this.kind(from) === null) throw fsError('ENOENT', 'copyfile', this.getFullPath(from));
		if (this.kind(to) !== null) throw fsError('EEXIST', 'copyfile', this.getFullPath(to));
		if (!this.folderExists(parentPath(to))) throw fsError('ENOENT', 'copyfile', this.getFullPath(to));
		this.copyTree(from, to);
	}

	/** Obsidian's local trash: `.trash/<name>`, deduplicated with a numeric suffix. */
	trashLocalSync(path: string): string {
		const p = normalizePath(path);
		if (this.kind(p) === null) throw fsError('ENOENT', 'rename', this.getFullPath(p));
		this.mkdirSync('.trash');
		const name = p.slice(p.lastIndexOf('/') + 1);
		const dot = name.lastIndexOf('.');
		const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
		let target = `.trash/${name}`;
		for (let i = 1; this.kind(target) !== null; i++) target = `.trash/${stem} ${i}${ext}`;
		this.renameSync(p, target);
		return target;
	}

	// ----- DataAdapter -----

	async exists(normalizedPath: string, sensitive?: boolean): Promise<boolean> {
		if (sensitive !== false) return this.kind(normalizedPath) !== null;
		const lower = normalizePath(normalizedPath).toLowerCase();
		const parent = parentPath(lower);
		if (this.kind(parent) !== 'folder' && parent !== '/') return this.kind(normalizedPath) !== null;
		const listed = this.listSync(parentPath(normalizePath(normalizedPath)));
		return [...listed.files, ...listed.folders].some((f) => f.toLowerCase() === lower);
	}

	async stat(normalizedPath: string): Promise<O.Stat | null> {
		return this.statSync(normalizedPath);
	}

	async list(normalizedPath: string): Promise<O.ListedFiles> {
		return this.listSync(normalizedPath);
	}

	async read(normalizedPath: string): Promise<string> {
		return contentToText(this.readSync(normalizedPath));
	}

	async readBinary(normalizedPath: string): Promise<ArrayBuffer> {
		return contentToBuffer(this.readSync(normalizedPath));
	}

	async write(normalizedPath: string, data: string, options?: O.DataWriteOptions): Promise<void> {
		this.writeSync(normalizedPath, String(data), options);
	}

	async append(normalizedPath: string, data: string, options?: O.DataWriteOptions): Promise<void> {
		const existing = this.kind(normalizedPath) === 'file' ? contentToText(this.readSync(normalizedPath)) : '';
		this.writeSync(normalizedPath, existing + data, options);
	}

	async appendBinary(normalizedPath: string, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> {
		const existing =
			this.kind(normalizedPath) === 'file'
				? new Uint8Array(contentToBuffer(this.readSync(normalizedPath)))
				: new Uint8Array();
		const merged = new Uint8Array(existing.byteLength + data.byteLength);
		merged.set(existing);
		merged.set(new Uint8Array(data), existing.byteLength);
		this.writeSync(normalizedPath, merged, options);
	}

	async process(normalizedPath: string, fn: (data: string) => string, options?: O.DataWriteOptions): Promise<string> {
		const next = fn(contentToText(this.readSync(normalizedPath)));
		if (typeof next !== 'string') throw new TypeError('process: the callback must return a string');
		this.writeSync(normalizedPath, next, options);
		return next;
	}

	async mkdir(normalizedPath: string): Promise<void> {
		this.mkdirSync(normalizedPath);
	}

	async rmdir(normalizedPath: string, recursive: boolean): Promise<void> {
		this.rmdirSync(normalizedPath, recursive);
	}

	async remove(normalizedPath: string): Promise<void> {
		this.removeSync(normalizedPath);
	}

	async rename(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		this.renameSync(normalizedPath, normalizedNewPath);
	}

	async copy(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		this.copySync(normalizedPath, normalizedNewPath);
	}

	static async readLocalFile(): Promise<ArrayBuffer> {
		throw new Error('FileSystemAdapter.readLocalFile: the fake has no disk');
	}

	static async mkdir(): Promise<void> {
		throw new Error('FileSystemAdapter.mkdir: the fake has no disk');
	}
}

/** Mobile adapter class, exported for `instanceof` checks only; the fake vault is a desktop one. */
export class CapacitorAdapter {}
