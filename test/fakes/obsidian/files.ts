import type * as O from 'obsidian';
import type { Faithful } from './conformance';

/** A file or folder of the vault tree. Paths are vault-relative without a leading slash; the root is '/'. */
export abstract class TAbstractFile implements Faithful<O.TAbstractFile> {
	vault!: O.Vault;
	path = '';
	name = '';
	parent: O.TFolder | null = null;

	/** Sets path and the names derived from it (used on creation and rename). */
	_setPath(path: string): void {
		this.path = path;
		this.name = path === '/' ? '' : path.slice(path.lastIndexOf('/') + 1);
	}
}

export class TFile extends TAbstractFile implements Faithful<O.TFile> {
	stat: O.FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename = '';
	extension = '';

	override _setPath(path: string): void {
		super._setPath(path);
		const dot = this.name.lastIndexOf('.');
		// 'a.b.md' -> ('a.b', 'md'); 'README' -> ('README', '').
		if (dot > 0) {
			this.basename = this.name.slice(0, dot);
			this.extension = this.name.slice(dot + 1);
		} else {
			this.basename = this.name;
			this.extension = '';
		}
	}
}

export class TFolder extends TAbstractFile implements Faithful<O.TFolder> {
	children: O.TAbstractFile[] = [];

	isRoot(): boolean {
		return this.path === '/';
	}
}

/** Parent folder path of a normalised path ('a/b.md' -> 'a', 'b.md' -> '/'). */
export function parentPath(path: string): string {
	const slash = path.lastIndexOf('/');
	return slash <= 0 ? '/' : path.slice(0, slash);
}

/** Joins a folder path and a name, treating '/' (and '') as the root. */
export function joinPath(folder: string, name: string): string {
	return folder === '/' || folder === '' ? name : `${folder}/${name}`;
}

/** Obsidian does not index dot-files/dot-folders (its config dir, .trash, .git): they live only in the adapter. */
export function isHiddenPath(path: string): boolean {
	return path.split('/').some((segment) => segment.startsWith('.'));
}

/** A Node-style filesystem error, as Electron surfaces them from Obsidian's adapter. */
export function fsError(
	code: 'ENOENT' | 'EEXIST' | 'ENOTEMPTY' | 'ENOTDIR' | 'EISDIR',
	syscall: string,
	fullPath: string,
): Error {
	const text: Record<string, string> = {
		ENOENT: 'no such file or directory',
		EEXIST: 'file already exists',
		ENOTEMPTY: 'directory not empty',
		ENOTDIR: 'not a directory',
		EISDIR: 'illegal operation on a directory',
	};
	const error = new Error(`${code}: ${text[code]}, ${syscall} '${fullPath}'`) as Error & {
		code: string;
		syscall: string;
		path: string;
	};
	error.code = code;
	error.syscall = syscall;
	error.path = fullPath;
	return error;
}
