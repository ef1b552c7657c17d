import { DigestError } from '../errors';
import { NoteStore } from '../notes/noteStore';

/**
 * Runs a use case that changes notes through a journal; when any step fails, the notes it created are
 * removed and the notes it edited get their text back (unless someone edited them since), so the vault is
 * as it was, and the failure reaches the user as a DigestError.
 */
export async function withRollback<T>(notes: NoteStore, work: (journaled: NoteStore) => Promise<T>): Promise<T> {
	const created = new Map<string, string>();
	const edits: { path: string; before: string; after: string }[] = [];
	const journaled: NoteStore = {
		...notes,
		async create(path, content) {
			await notes.create(path, content);
			created.set(path, content);
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

/**
 * Edits are reverted newest first, each only if the note still holds what it wrote; then a created note
 * goes only if it is back to what this run created (another run may have listed its digest there since).
 */
async function undo(
	notes: NoteStore,
	created: Map<string, string>,
	edits: { path: string; before: string; after: string }[],
) {
	for (const { path, before, after } of edits.reverse())
		await notes.update(path, (current) => (current === after ? before : current)).catch(() => undefined);
	for (const [path, content] of [...created].reverse()) {
		const now = await notes.read(path).catch(() => null);
		if (now === content) await notes.remove(path).catch(() => undefined);
	}
}
