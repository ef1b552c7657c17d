import type { App, TAbstractFile, TFile, TFolder } from 'obsidian';
import { delayed, jsonReply } from '../support/fakeOpenAIServer';
import { scriptedDigest } from '../support/scriptedDigest';
import { DEFAULT_PROPERTIES } from '../../src/core/render/properties';
import { fileText, notices, openInEditor, vaultSnapshot, waitFor, waitForMetadata } from '../fakes/obsidian/testing';
import { DIGEST_PATH, finalNotice, runOnSourceNote, SOURCE_PATH, useBuiltPlugin } from './pluginHarness';

const harness = useBuiltPlugin();

/** Every path of the vault, folders included, and whatever sits in Obsidian's own trash. */
async function everything(app: App): Promise<{ paths: string[]; trash: string[] }> {
	const paths: string[] = [];
	const visit = (entry: TAbstractFile) => {
		paths.push(entry.path);
		for (const child of (entry as TFolder).children ?? []) visit(child);
	};
	visit(app.vault.getRoot());
	const trash = (await app.vault.adapter.exists('.trash')) ? (await app.vault.adapter.list('.trash')).files : [];
	return { paths: paths.sort(), trash };
}

describe('unloading the plugin during a run', () => {
	it('stops the run: no digest, no channel note, no backlink, even when the model answers later', async () => {
		harness.openai.set({ respond: (request) => delayed(400, jsonReply(scriptedDigest(request))) });
		const plugin = await harness.loadPlugin();
		const before = vaultSnapshot(plugin.app);
		await runOnSourceNote(plugin);
		await waitFor(() => harness.openai.requests.length > 0 || undefined, { timeoutMs: 10_000 });

		plugin.unload();
		await new Promise((resolve) => setTimeout(resolve, 800));

		expect(vaultSnapshot(plugin.app)).toEqual(before);
	});
});

describe('a write that fails halfway', () => {
	it.each(['YouTube channels/Dave2D.md', SOURCE_PATH])(
		'leaves every note and folder as it was, with nothing in the trash, when editing %s fails',
		async (failingPath) => {
			const plugin = await harness.loadPlugin({ config: { trashOption: 'local' } });
			const before = { snapshot: vaultSnapshot(plugin.app), ...(await everything(plugin.app)) };
			const realProcess = plugin.app.vault.process.bind(plugin.app.vault);
			jest.spyOn(plugin.app.vault, 'process').mockImplementation((file: TFile, edit, options) =>
				file.path === failingPath && edit('') !== ''
					? Promise.reject(new Error('EIO: i/o error, write'))
					: realProcess(file, edit, options),
			);
			await runOnSourceNote(plugin);

			expect(await finalNotice()).toContain('could not be written');
			expect(vaultSnapshot(plugin.app)).toEqual(before.snapshot);
			expect(await everything(plugin.app)).toEqual({ paths: before.paths, trash: before.trash });
		},
	);
});

describe('the source note renamed while the digest is being made', () => {
	it('still gets its backlink, under its new name', async () => {
		harness.openai.set({ respond: (request) => delayed(300, jsonReply(scriptedDigest(request))) });
		const plugin = await harness.loadPlugin();
		await runOnSourceNote(plugin);
		await waitFor(() => harness.openai.requests.length > 0 || undefined, { timeoutMs: 10_000 });
		await plugin.app.fileManager.renameFile(plugin.app.vault.getFileByPath(SOURCE_PATH)!, 'Inbox/Renamed.md');

		expect(await finalNotice()).toContain('Digest written');
		expect(fileText(plugin.app, 'Inbox/Renamed.md')).toContain('Digest: [[');
		expect(fileText(plugin.app, DIGEST_PATH)).toContain('[[Renamed]]');
	});
});

describe('a digest whose language property the user took out of the properties setting', () => {
	it('is still re-rendered from its kept data, with no request', async () => {
		const properties = DEFAULT_PROPERTIES.filter((property) => property.name !== 'language');
		const plugin = await harness.loadPlugin({ data: { properties } });
		await runOnSourceNote(plugin);
		await finalNotice();
		expect(fileText(plugin.app, DIGEST_PATH)).not.toContain('language:');
		const requests = harness.youtube.requests.length + harness.openai.requests.length;

		await waitForMetadata(plugin.app);
		await openInEditor(plugin.app, DIGEST_PATH);
		await plugin.runCommand('rerender-digest');
		await waitFor(() => notices().find((notice) => notice.message.startsWith('Digest rendered again')));
		expect(harness.youtube.requests.length + harness.openai.requests.length).toBe(requests);
	});
});
