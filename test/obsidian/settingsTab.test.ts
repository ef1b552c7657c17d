import {
	changeValue,
	chooseInputSuggestion,
	clickButton,
	fakeApp,
	findSetting,
	getValue,
	inputSuggestionTexts,
	openSettingTab,
	settingNames,
	textInputOf,
	waitFor,
} from '../fakes/obsidian/testing';
import { errorReply, textReply } from '../support/fakeOpenAIServer';
import { KEY, useBuiltPlugin } from './pluginHarness';

const harness = useBuiltPlugin();

interface Settings {
	outputFolder: string;
	channelFolder: string;
	templateFolder: string;
}
const settingsOf = (plugin: { plugin: unknown }) => (plugin.plugin as { settings: Settings }).settings;

describe('the settings tab', () => {
	it('puts the connection first, then the digest notes, the web of notes, and the advanced rows', async () => {
		const plugin = await harness.loadPlugin();
		const tab = await openSettingTab(plugin.app, 'youtube-digest');
		expect(tab.findAll('.setting-item-heading').map((heading) => heading.getText())).toEqual([
			'Language model',
			'Digest notes',
			'Links between notes',
			'Advanced',
		]);
		expect(settingNames(tab)).toEqual([
			'Provider',
			'Server URL',
			'API key',
			'Model',
			'Test connection',
			'Digest folder',
			'File name',
			'Template folder',
			'Default template',
			'Template editor',
			'Properties',
			'Digest language',
			'Transcript languages',
			'Timestamp links',
			'Open the digest',
			'Where the digest goes',
			'Channel notes',
			'Channel folder',
			'People and concepts',
			'Related digests',
			'Input budget per call',
			'Parts at once',
			'Ask above this cost',
			'Prices',
			'Cache size (MB)',
		]);
	});

	it('keeps the same order where Obsidian calls display() (before 1.13)', async () => {
		const plugin = await harness.loadPlugin();
		const definitions = settingNames(await openSettingTab(plugin.app, 'youtube-digest'));
		const tab = fakeApp(plugin.app).setting.tabOf('youtube-digest')!;
		tab.display();
		const headings = ['Language model', 'Digest notes', 'Links between notes', 'Advanced'];
		const names = settingNames(tab.containerEl);
		expect(names.filter((name) => headings.includes(name))).toEqual(headings);
		expect(names.filter((name) => !headings.includes(name))).toEqual(definitions);
		expect(names.indexOf('Test connection')).toBeLessThan(names.indexOf('Digest notes'));
	});
});

describe('Test connection', () => {
	const status = (tab: HTMLElement) =>
		findSetting(tab, 'Test connection').descEl.find('.youtube-digest-connection-status')?.getText() ?? '';

	it('says what works after one tiny request with the key from secret storage', async () => {
		harness.openai.set({ respond: textReply('OK') });
		const plugin = await harness.loadPlugin();
		const tab = await openSettingTab(plugin.app, 'youtube-digest');
		await clickButton(findSetting(tab, 'Test connection').settingEl, 'Test');
		const server = new URL(harness.openai.baseUrl).host;
		expect(status(tab)).toBe(`Connected to ${server}: model test-model answered.`);
		expect(harness.openai.requests).toHaveLength(1);
		expect(harness.openai.requests[0]).toMatchObject({ model: 'test-model', authorization: `Bearer ${KEY}` });
		expect(harness.openai.requests[0].messages).toHaveLength(1);
		expect(harness.youtube.requests).toHaveLength(0);
		expect(tab.getText()).not.toContain(KEY);
	});

	it('gives the key-rejected sentence for a wrong key, and never the key', async () => {
		const wrong = 'sk-wrong-settings-key-0123456789abcdef';
		const plugin = await harness.loadPlugin({ secrets: { 'openai-api-key': wrong } });
		const tab = await openSettingTab(plugin.app, 'youtube-digest');
		await clickButton(findSetting(tab, 'Test connection').settingEl, 'Test');
		expect(status(tab)).toBe('The API key was rejected: check it in the plugin settings.');
		expect(findSetting(tab, 'Test connection').descEl.find('.mod-warning')).toBeTruthy();
		expect(tab.getText()).not.toContain(wrong);
		expect(harness.openai.requests).toHaveLength(1);
	});

	it('tests the model typed in the tab, and can be pressed again once it is fixed', async () => {
		harness.openai.set({
			respond: (request) => (request.model === 'test-model' ? textReply('OK') : errorReply(404)),
		});
		const plugin = await harness.loadPlugin();
		const tab = await openSettingTab(plugin.app, 'youtube-digest');
		const row = findSetting(tab, 'Test connection');
		await changeValue(findSetting(tab, 'Model'), 'no-such-model');
		await clickButton(row.settingEl, 'Test');
		expect(status(tab)).toMatch(
			/^The model was not found on the server: check the model name in the settings\. \(.*no-such-model/,
		);
		await changeValue(findSetting(tab, 'Model'), 'test-model');
		await clickButton(row.settingEl, 'Test');
		expect(status(tab)).toMatch(/^Connected to .+: model test-model answered\.$/);
		expect(row.descEl.find('.mod-warning')).toBeNull();
		expect(harness.openai.requests.map((request) => request.model)).toEqual(['no-such-model', 'test-model']);
	});
});

describe('folder suggestions', () => {
	const files = {
		'Media/Videos/Old digest.md': '# Old\n',
		'Media/Podcasts/Episode.md': '# Episode\n',
		'Templates/Digest.md': '# {{title}}\n',
		'Archive/Media notes/Note.md': '# Note\n',
	};

	it('lists the vault folders that match the typed text, and choosing one sets the digest folder', async () => {
		const plugin = await harness.loadPlugin({ files });
		const tab = await openSettingTab(plugin.app, 'youtube-digest');
		const input = textInputOf(findSetting(tab, 'Digest folder'));
		expect(await inputSuggestionTexts(input, 'media')).toEqual([
			'Archive/Media notes',
			'Media',
			'Media/Podcasts',
			'Media/Videos',
		]);
		expect(await inputSuggestionTexts(input, 'vid')).toEqual(['Media/Videos']);
		expect(await inputSuggestionTexts(input, 'nothing like it')).toEqual([]);
		await inputSuggestionTexts(input, 'vid');
		await chooseInputSuggestion(input, 'Media/Videos');
		expect(settingsOf(plugin).outputFolder).toBe('Media/Videos');
		expect(getValue(findSetting(tab, 'Digest folder'))).toBe('Media/Videos');
		await waitFor(
			async () => ((await plugin.plugin.loadData()) as Settings | null)?.outputFolder === 'Media/Videos',
		);
	});

	it('suggests folders for the channel folder and the template folder too', async () => {
		const plugin = await harness.loadPlugin({ files });
		const tab = await openSettingTab(plugin.app, 'youtube-digest');
		const channel = textInputOf(findSetting(tab, 'Channel folder'));
		expect(await inputSuggestionTexts(channel, 'pod')).toEqual(['Media/Podcasts']);
		await chooseInputSuggestion(channel, 'Media/Podcasts');
		const templates = textInputOf(findSetting(tab, 'Template folder'));
		expect(await inputSuggestionTexts(templates, 'temp')).toEqual(['Templates']);
		await chooseInputSuggestion(templates, 'Templates');
		expect(settingsOf(plugin)).toMatchObject({ channelFolder: 'Media/Podcasts', templateFolder: 'Templates' });
	});
});

describe('number fields', () => {
	it('keep only what the settings file would accept on the next start', async () => {
		const plugin = await harness.loadPlugin();
		const tab = await openSettingTab(plugin.app, 'youtube-digest');
		await changeValue(findSetting(tab, 'Parts at once'), '64');
		await changeValue(findSetting(tab, 'Ask above this cost'), '-5');
		expect(settingsOf(plugin)).toMatchObject({ concurrency: 4, confirmAboveCost: 0.1 });

		await changeValue(findSetting(tab, 'Parts at once'), '8');
		await changeValue(findSetting(tab, 'Ask above this cost'), '-1');
		expect(settingsOf(plugin)).toMatchObject({ concurrency: 8, confirmAboveCost: -1 });
	});
});
