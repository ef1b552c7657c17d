import { DigestError } from '../errors';
import { NoteStore } from '../notes/noteStore';

/**
 * Runs a use case that creates notes; when any later step fails, the notes it created are removed again
 * so the vault is as it was, and the failure reaches the user as a DigestError.
 */
export async function withRollback<T>(notes: NoteStore, work: (created: string[]) => Promise<T>): Promise<T> {
	const created: string[] = [];
	try {
		return await work(created);
	} catch (error) {
		for (const path of created.reverse()) await notes.remove(path).catch(() => undefined);
		if (error instanceof DigestError) throw error;
		throw new DigestError('write-failed', error instanceof Error ? error.message : undefined, { cause: error });
	}
}
