import { DigestError } from '../errors';
import { NoteStore } from '../notes/noteStore';

/**
 * Runs a use case that changes notes through a journal; when any step fails, the notes it created are
 * removed and the notes it edited get their text back (unless someone edited them since), so the vault is
 * as it was, and the failure reaches the user as a DigestError.
 */
export async function withRollback<T>(notes: NoteStore, work: (journaled: NoteStore) => Promise<T>): Promise<T> {
	const created: string[] = [];
	const edits: { path: string; before: string; after: string }[] = [];
	const journaled: NoteStore = {
		...notes,
		async create(path, content) {
			await notes.create(path, content);
			created.push(path);
		},
		async update(path, edit) {
			await notes.update(path, (before) => {
				const after = edit(before);
				if (after !== before) edits.push({ path, before, after });
				return after;
			});
		},
	};
	try {
		return await work(journaled);
	} catch (error) {
		await undo(notes, created, edits);
		if (error instanceof DigestError) throw error;
		throw new DigestError('write-failed', error instanceof Error ? error.message : undefined, { cause: error });
	}
}

async function undo(notes: NoteStore, created: string[], edits: { path: string; before: string; after: string }[]) {
	for (const { path, before, after } of edits.reverse()) {
		if (created.includes(path)) continue;
		await notes.update(path, (current) => (current === after ? before : current)).catch(() => undefined);
	}
	for (const path of created.reverse()) await notes.remove(path).catch(() => undefined);
}
