import { mkdtemp, mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderNoteStore } from '../../src/cli/folderNoteStore';

let root: string;
beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), 'digest-store-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function folders(): Promise<string[]> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isDirectory())
		.map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
		.sort();
}

describe('folderNoteStore folders', () => {
	it('makes no folder until a note is written into it', async () => {
		const store = folderNoteStore(root, []);
		expect(store.exists('A/B/n.md')).toBe(false);
		expect(await folders()).toEqual([]);
		await store.create('A/B/n.md', 'x');
		expect(await folders()).toEqual(['A', join('A', 'B')]);
	});

	it('removes the folders it made for a note when the note is removed', async () => {
		const store = folderNoteStore(root, []);
		await store.create('A/B/n.md', 'x');
		await store.remove('A/B/n.md');
		expect(await folders()).toEqual([]);
	});

	it('keeps folders that were there before, and folders that still hold something', async () => {
		await mkdir(join(root, 'Kept'));
		const store = folderNoteStore(root, []);
		await store.create('Kept/New/n.md', 'x');
		await store.create('Kept/New/other.md', 'y');
		await store.remove('Kept/New/n.md');
		expect(await folders()).toEqual(['Kept', join('Kept', 'New')]);
		await store.remove('Kept/New/other.md');
		expect(await folders()).toEqual(['Kept']);
	});

	it('leaves no folder when the note cannot be written', async () => {
		const store = folderNoteStore(root, []);
		await expect(store.create('New/bad\0name.md', 'x')).rejects.toThrow();
		expect(await folders()).toEqual([]);
	});
});
