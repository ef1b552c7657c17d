import { withRollback } from '../../../src/core/digestNotes/rollback';
import { memoryVault } from '../../support/memoryVault';

describe('withRollback', () => {
	it('removes what the run created and gives edited notes their text back', async () => {
		const vault = memoryVault({ 'Source.md': 'Link\n' });
		const run = withRollback(vault.notes, async (notes) => {
			await notes.create('New.md', 'new');
			await notes.update('Source.md', (text) => `${text}Digest: [[New]]\n`);
			throw new Error('disk full');
		});
		await expect(run).rejects.toMatchObject({ kind: 'write-failed', detail: 'disk full' });
		expect(Object.fromEntries(vault.files)).toEqual({ 'Source.md': 'Link\n' });
	});

	it('keeps a note it created when another run has written to it since', async () => {
		const vault = memoryVault();
		const run = withRollback(vault.notes, async (notes) => {
			await notes.create('Channel.md', '- [[Mine]]\n');
			// Another run, outside this journal, lists its digest on the channel note meanwhile.
			await vault.notes.update('Channel.md', (text) => `${text}- [[Theirs]]\n`);
			throw new Error('disk full');
		});
		await expect(run).rejects.toMatchObject({ kind: 'write-failed' });
		expect(vault.files.get('Channel.md')).toBe('- [[Mine]]\n- [[Theirs]]\n');
	});

	it('leaves an edited note alone when it changed again after the run’s edit', async () => {
		const vault = memoryVault({ 'Source.md': 'Link\n' });
		const run = withRollback(vault.notes, async (notes) => {
			await notes.update('Source.md', (text) => `${text}Digest\n`);
			await vault.notes.update('Source.md', (text) => `${text}Typed by the user\n`);
			throw new Error('disk full');
		});
		await expect(run).rejects.toMatchObject({ kind: 'write-failed' });
		expect(vault.files.get('Source.md')).toBe('Link\nDigest\nTyped by the user\n');
	});
});
