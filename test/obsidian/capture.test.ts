import {
	clickMenuItem,
	fileText,
	menuItemTitles,
	openInEditor,
	openObsidianUri,
	triggerEditorMenu,
	triggerFileMenu,
	vaultSnapshot,
	waitFor,
	waitForMetadata,
} from '../fakes/obsidian/testing';
import { DIGEST_PATH, finalNotice, SOURCE, SOURCE_PATH, useBuiltPlugin, written } from './pluginHarness';

const harness = useBuiltPlugin();
const URL_PARAM = encodeURIComponent('https://www.youtube.com/watch?v=GJLlxj_dtq8');
const NOTE_MENU = 'Summarize all YouTube links in this note';
const FOLDER_MENU = 'Summarize YouTube links in this folder';

describe('capture from anywhere, in the built plugin', () => {
	it('summarizes from an obsidian:// URI, linked from the named note, with the named template', async () => {
		const plugin = await harness.loadPlugin({ files: { 'Clips/Shared.md': '# Shared\n' } });
		await openObsidianUri(
			plugin.app,
			`obsidian://youtube-digest?url=${URL_PARAM}&note=${encodeURIComponent('Clips/Shared')}&template=compact`,
		);

		expect(await finalNotice()).toMatch(written(DIGEST_PATH));
		expect(fileText(plugin.app, 'Clips/Shared.md')).toBe(
			'# Shared\nDigest: [[Surface Go Review - It’s Awesome]]\n',
		);
		const digest = fileText(plugin.app, DIGEST_PATH);
		expect(digest).toContain('source_note: "[[Shared]]"');
		// The compact preset has no transcript section; the default one has.
		expect(digest).not.toContain('## Transcript');
	});

	it('changes nothing and says why for a URI without a video link, or with an unknown note or template', async () => {
		const plugin = await harness.loadPlugin();
		const before = vaultSnapshot(plugin.app);
		await openObsidianUri(plugin.app, 'obsidian://youtube-digest?url=https%3A%2F%2Fexample.com');
		expect(await finalNotice()).toBe('That is not a link to a YouTube video. (https://example.com)');
		await openObsidianUri(plugin.app, `obsidian://youtube-digest?url=${URL_PARAM}&note=Nowhere`);
		expect(await finalNotice(1)).toBe('There is no note at Nowhere: nothing was summarized.');
		await openObsidianUri(plugin.app, `obsidian://youtube-digest?url=${URL_PARAM}&template=nope`);
		expect(await finalNotice(2)).toBe('The digest template has an error: the template nope was not found.');
		expect(vaultSnapshot(plugin.app)).toEqual(before);
		expect(harness.youtube.requests).toHaveLength(0);
	});

	it('takes no note outside the template folder as a template, and no link built to be slow', async () => {
		const plugin = await harness.loadPlugin({ files: { 'Clippings/page.md': '<% tp.file.title %> {{title}}\n' } });
		const before = vaultSnapshot(plugin.app);
		await openObsidianUri(plugin.app, `obsidian://youtube-digest?url=${URL_PARAM}&template=Clippings%2Fpage.md`);
		expect(await finalNotice()).toBe(
			'The digest template has an error: the template Clippings/page.md was not found.',
		);
		const nested = `https://www.youtube.com/attribution_link?u=${'/attribution_link?u='.repeat(5000)}`;
		await openObsidianUri(plugin.app, `obsidian://youtube-digest?url=${encodeURIComponent(nested)}`);
		expect(await finalNotice(1)).toMatch(/^That is not a link to a YouTube video\./);
		expect(vaultSnapshot(plugin.app)).toEqual(before);
		expect(harness.youtube.requests).toHaveLength(0);
	});

	it('runs the main command in reading view, taking the note’s link', async () => {
		const plugin = await harness.loadPlugin();
		await openInEditor(plugin.app, SOURCE_PATH, { mode: 'preview' });
		await plugin.runCommand('summarize-current-note');
		expect(await finalNotice()).toMatch(written(DIGEST_PATH));
		expect(fileText(plugin.app, SOURCE_PATH)).toContain('Digest: [[Surface Go Review - It’s Awesome]]');
	});

	it('offers the editor menu entry on a YouTube link only', async () => {
		const plugin = await harness.loadPlugin();
		await openInEditor(plugin.app, SOURCE_PATH, { cursor: { line: 2, ch: 3 } });
		expect(menuItemTitles(triggerEditorMenu(plugin.app))).not.toContain('Summarize YouTube video');
		await openInEditor(plugin.app, SOURCE_PATH, { cursor: { line: 3, ch: 10 } });
		const menu = triggerEditorMenu(plugin.app);
		expect(menuItemTitles(menu)).toContain('Summarize YouTube video');
		await clickMenuItem(menu, 'Summarize YouTube video');
		expect(await finalNotice()).toMatch(written(DIGEST_PATH));
	});

	it('offers file-menu entries only on notes and folders with YouTube links of the user’s own', async () => {
		const plugin = await harness.loadPlugin({
			files: { 'Plain/Note.md': '# No videos here\n', 'Inbox/Other.md': 'Nothing\n' },
		});
		const { vault } = plugin.app;
		const titles = (path: string) =>
			menuItemTitles(triggerFileMenu(plugin.app, vault.getAbstractFileByPath(path)!));
		await waitFor(() => titles(SOURCE_PATH).includes(NOTE_MENU));
		expect(titles('Inbox/Other.md')).toEqual([]);
		expect(titles('Plain/Note.md')).toEqual([]);
		expect(titles('Inbox')).toEqual([FOLDER_MENU]);
		expect(titles('Plain')).toEqual([]);

		// A digest note's links are in its properties and generated part: not the user's own.
		await openInEditor(plugin.app, SOURCE_PATH, { cursor: { line: 3, ch: 5 } });
		await plugin.runCommand('summarize-current-note');
		await finalNotice();
		await waitForMetadata(plugin.app);
		expect(titles(DIGEST_PATH)).toEqual([]);

		// Kept current as notes change.
		await vault.modify(vault.getFileByPath('Plain/Note.md')!, `${SOURCE}`);
		await waitFor(() => titles('Plain').includes(FOLDER_MENU));
		expect(titles('Plain/Note.md')).toEqual([NOTE_MENU]);
	});
});
