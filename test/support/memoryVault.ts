import { notePathKey } from '../../src/core/notes/fileName';
import { NoteStore } from '../../src/core/notes/noteStore';
import { ExistingNote } from '../../src/core/web/entityLinks';
import { indexedDigest, VaultIndex } from '../../src/core/web/vaultIndex';
import { propertiesFromFrontmatter } from '../../src/cli/frontmatterProperties';

export type NoteOperation = 'create' | 'update' | 'remove';

/**
 * An in-memory vault for core tests: the NoteStore port with the same contract as the adapters (create
 * refuses a taken path, read and update refuse a missing one), an index read from the notes' properties,
 * and a switch that makes one operation on one path fail, for rollback tests.
 */
export interface MemoryVault {
	notes: NoteStore;
	index: VaultIndex;
	files: Map<string, string>;
	failNext(operation: NoteOperation, path: string): void;
}

export function memoryVault(initial: Record<string, string> = {}): MemoryVault {
	const files = new Map(Object.entries(initial));
	const failures = new Set<string>();
	const check = (operation: NoteOperation, path: string) => {
		if (failures.delete(`${operation} ${path}`)) throw new Error(`${operation} of ${path} failed`);
	};
	const existing = (path: string) => {
		const text = files.get(path);
		if (text === undefined) throw new Error(`${path} does not exist`);
		return text;
	};
	const name = (path: string) => path.replace(/\.md$/, '').split('/').pop() ?? path;
	const notes: NoteStore = {
		exists: (path) => files.has(path),
		existsIgnoringCase: (path) => [...files.keys()].some((file) => notePathKey(file) === notePathKey(path)),
		read: async (path) => existing(path),
		async create(path, content) {
			check('create', path);
			if (files.has(path)) throw new Error(`${path} already exists`);
			files.set(path, content);
		},
		async remove(path) {
			check('remove', path);
			files.delete(path);
		},
		async update(path, edit) {
			const text = existing(path);
			check('update', path);
			files.set(path, edit(text));
		},
		markdownLink: (target) => `[[${name(target)}]]`,
		propertyLink: (target) => `[[${name(target)}]]`,
	};
	const index: VaultIndex = {
		digests: () => [...files].flatMap(([path, text]) => indexedDigest(path, propertiesFromFrontmatter(text)) ?? []),
		notes: () => [...files.keys()].map((path): ExistingNote => ({ path, basename: name(path), aliases: [] })),
	};
	return { notes, index, files, failNext: (operation, path) => failures.add(`${operation} ${path}`) };
}
