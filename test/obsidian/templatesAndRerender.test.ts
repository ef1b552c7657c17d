import { LoadedPlugin } from '../fakes/loadBuiltPlugin';
import {
	changeValue,
	chooseSuggestion,
	fileText,
	findSetting,
	notices,
	openInEditor,
	openSettingTab,
	suggestionTexts,
	typeIntoModal,
	waitFor,
	waitForMetadata,
} from '../fakes/obsidian/testing';
import { jsonReply } from '../support/fakeOpenAIServer';
import { DIGEST_PATH, finalNotice, runOnSourceNote, useBuiltPlugin, written } from './pluginHarness';

const harness = useBuiltPlugin();

async function makeDigest(plugin: LoadedPlugin): Promise<void> {
	await runOnSourceNote(plugin);
	expect(await finalNotice()).toMatch(written(DIGEST_PATH));
}

const requestCount = () => harness.youtube.requests.length + harness.openai.requests.length;

describe('choosing a template', () => {
	it('offers the presets and the notes of the template folder, and renders the chosen one', async () => {
		const plugin = await harness.loadPlugin({
			data: { templateFolder: 'Templates' },
			files: { 'Templates/Minimal.md': '---\ntags: [template]\n---\n# {{title}}\n{{tldr}}\n' },
		});
		await runOnSourceNote(plugin, 'summarize-with-template');
		expect(await suggestionTexts()).toEqual([
			'Full digest',
			'Compact',
			'Study notes (flashcards)',
			'Transcript only',
			'Minimal',
		]);
		await chooseSuggestion('Minimal');
		expect(await finalNotice()).toMatch(written(DIGEST_PATH));
		const note = fileText(plugin.app, DIGEST_PATH);
		expect(note).toContain(
			'%% youtube-digest:digest:start %%\n# Surface Go Review - It’s Awesome\n' +
				'A scripted TL;DR about the video.\n%% youtube-digest:digest:end %%\n',
		);
		expect(note).not.toContain('[template]');
	});

	it('reads a template note saved with a byte order mark and Windows line endings like any other', async () => {
		const plugin = await harness.loadPlugin({
			data: { templateFolder: 'Templates', defaultTemplate: 'Templates/Windows.md' },
			files: { 'Templates/Windows.md': '\uFEFF---\r\ntags: [template]\r\n---\r\n# {{title}}\r\n{{tldr}}\r\n' },
		});
		await makeDigest(plugin);
		const note = fileText(plugin.app, DIGEST_PATH);
		expect(note).toContain(
			'%% youtube-digest:digest:start %%\n# Surface Go Review - It’s Awesome\n' +
				'A scripted TL;DR about the video.\n%% youtube-digest:digest:end %%\n',
		);
		expect(note).not.toMatch(/\[template\]|\uFEFF|\r/);
	});

	it('stops before any request when the template has an error, naming where', async () => {
		const plugin = await harness.loadPlugin({ data: { templateOverrides: { digest: 'line one\n{{tdlr}}' } } });
		await runOnSourceNote(plugin);
		expect(await finalNotice()).toBe(
			'The digest template has an error: line 2, column 3: {{tdlr}} is not a template variable here ' +
				'(see the list of template variables).',
		);
		expect(requestCount()).toBe(0);
	});
});

describe('the template editor in the settings', () => {
	it('checks the template as it is typed, shows a preview, saves it and resets it', async () => {
		const plugin = await harness.loadPlugin();
		const tab = await openSettingTab(plugin.app, 'youtube-digest');
		const editor = findSetting(tab, 'Template editor');
		await changeValue(editor, '# {{title}}\n{{#each insights}}\n- {{txt}}\n{{/each}}\n');
		expect(editor.descEl.getText()).toContain('Error at line 3, column 5: {{txt}} is not a template variable');
		await changeValue(editor, '# {{title}}\n{{#each insights}}\n- {{emoji}} {{text}}\n{{/each}}\n');
		expect(editor.descEl.getText()).not.toContain('Error');
		expect(editor.settingEl.getText()).toContain(
			'# Growing tomatoes from seed\n- 🌡️ Warmth, not light, makes the seeds sprout.',
		);
		await waitFor(async () => JSON.stringify(await plugin.plugin.loadData()).includes('{{emoji}} {{text}}'));

		await runOnSourceNote(plugin);
		await finalNotice();
		expect(fileText(plugin.app, DIGEST_PATH)).toContain(
			'# Surface Go Review - It’s Awesome\n- 🤔 First insight.\n',
		);

		await (
			editor.components.find((component) => 'extraSettingsEl' in component) as { extraSettingsEl: HTMLElement }
		).extraSettingsEl.click();
		await waitFor(async () => !JSON.stringify(await plugin.plugin.loadData()).includes('{{emoji}} {{text}}'));
	});
});

describe('re-rendering a digest note', () => {
	it("re-applies the template and properties with no request; the user's text and properties stay", async () => {
		const plugin = await harness.loadPlugin();
		await makeDigest(plugin);
		const original = fileText(plugin.app, DIGEST_PATH);
		await plugin.app.vault.process(
			plugin.app.vault.getFileByPath(DIGEST_PATH)!,
			(text) =>
				text
					.replace('---\n%% youtube-digest', '---\nMy intro line.\n%% youtube-digest')
					.replace('language: "en"', 'language: "en"\nrating: 5') + '\n## My notes\nKeep this.\n',
		);
		const settings = (
			plugin.plugin as unknown as { settings: Record<string, unknown>; saveSettings(): Promise<void> }
		).settings;
		settings.timestampStyle = 'media-extended';
		settings.defaultTemplate = 'compact';
		const before = requestCount();

		await waitForMetadata(plugin.app);
		await openInEditor(plugin.app, DIGEST_PATH);
		await plugin.runCommand('rerender-digest');
		await waitFor(() =>
			notices().some((notice) => notice.message === 'Digest rendered again with the current template.'),
		);

		expect(requestCount()).toBe(before);
		const note = fileText(plugin.app, DIGEST_PATH);
		expect(note).toContain('rating: 5');
		expect(note).toContain('My intro line.\n%% youtube-digest:digest:start %%');
		expect(note).toContain('%% youtube-digest:digest:end %%\n\n## My notes\nKeep this.\n');
		expect(note).toContain('- 🤔 First insight. [0:00](https://www.youtube.com/watch?v=GJLlxj_dtq8#t=0)');
		expect(note).not.toContain('## Questions & answers');
		expect(note.split('\n---\n')[0]).toBe(
			original.split('\n---\n')[0].replace('language: "en"', 'language: "en"\nrating: 5'),
		);
	});

	it('is offered only on digest notes', async () => {
		const plugin = await harness.loadPlugin();
		await openInEditor(plugin.app, 'Inbox/Watch later.md');
		await expect(plugin.runCommand('rerender-digest')).rejects.toThrow();
	});
});

describe('translating a digest', () => {
	it('makes one model call over the digest and writes a sibling note linked from the original', async () => {
		const plugin = await harness.loadPlugin();
		await makeDigest(plugin);
		const youtubeBefore = harness.youtube.requests.length;
		harness.openai.set({
			respond: (request) => {
				const digest = JSON.parse(String(request.messages[1].content)) as {
					tldr: string;
					insights: { text: string }[];
				};
				return jsonReply({
					...digest,
					tldr: `DE: ${digest.tldr}`,
					insights: digest.insights.map((insight) => ({ ...insight, text: `DE: ${insight.text}` })),
				});
			},
		});
		await waitForMetadata(plugin.app);
		await openInEditor(plugin.app, DIGEST_PATH);
		const count = notices().length;
		await plugin.runCommand('translate-digest');
		await typeIntoModal('German', { submit: true });
		const translatedPath = 'YouTube digests/Surface Go Review - It’s Awesome (German).md';
		expect(await finalNotice(count)).toBe(`Translation written: ${translatedPath}`);

		expect(harness.openai.requests).toHaveLength(2);
		const call = harness.openai.requests[1];
		expect(String(call.messages[0].content)).toContain('into German');
		expect(String(call.messages[1].content)).not.toContain('Microsoft just released');
		expect(harness.youtube.requests.length).toBe(youtubeBefore);

		const translated = fileText(plugin.app, translatedPath);
		expect(translated).toContain('language: "German"');
		expect(translated).toContain('> DE: A scripted TL;DR about the video.');
		expect(translated).toContain(
			'- 🤔 DE: First insight. [0:00](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=0s)',
		);
		expect(translated).toContain('source_note: "[[Surface Go Review - It’s Awesome]]"');
		expect(fileText(plugin.app, DIGEST_PATH)).toContain(
			'%% youtube-digest:digest:end %%\nTranslation (German): [[Surface Go Review - It’s Awesome (German)]]\n',
		);
	});
});
