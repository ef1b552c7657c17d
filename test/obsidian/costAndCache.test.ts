import { DEFAULT_PROPERTIES } from '../../src/core/render/properties';
import {
	changeValue,
	clickButton,
	fileText,
	findSetting,
	getValue,
	lastModal,
	notices,
	openInEditor,
	openModals,
	openSettingTab,
	setRequestUrlRoutes,
	waitFor,
	waitForMetadata,
} from '../fakes/obsidian/testing';
import { delayed, jsonReply } from '../support/fakeOpenAIServer';
import { captionsFromCues, syntheticPlayer } from '../support/fakeYouTubeServer';
import { scriptedAnswer } from '../support/scriptedDigest';
import { syntheticCues } from '../support/syntheticTranscript';
import { DIGEST_PATH, finalNotice, runOnSourceNote, useBuiltPlugin, written } from './pluginHarness';

const harness = useBuiltPlugin();
const requestCount = () => harness.youtube.requests.length + harness.openai.requests.length;

/** The plugin pointed at "OpenAI" (routed to the fake), where prices are known and a key is needed. */
function hostedOpenAI(extra: Record<string, unknown> = {}) {
	setRequestUrlRoutes({
		'https://www.youtube.com': harness.youtube.baseUrl,
		'https://api.openai.com': harness.openai.baseUrl.replace(/\/v1$/, ''),
	});
	return harness.loadPlugin({ data: { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini', ...extra } });
}

describe('the cache', () => {
	it('makes a second digest of the same video, model and language without any request', async () => {
		const plugin = await harness.loadPlugin();
		await runOnSourceNote(plugin);
		expect(await finalNotice()).toMatch(written(DIGEST_PATH));
		await waitForMetadata(plugin.app);
		const before = requestCount();
		const count = notices().length;

		await runOnSourceNote(plugin);
		expect(await finalNotice(count)).toBe(`Digest written: ${DIGEST_PATH} (from the cache, no new call)`);
		expect(requestCount()).toBe(before);
		expect(fileText(plugin.app, DIGEST_PATH)).toContain('A scripted TL;DR about the video.');
	});

	it('asks the model again, but not YouTube, when the model changes', async () => {
		const plugin = await harness.loadPlugin();
		await runOnSourceNote(plugin);
		await finalNotice();
		const youtubeBefore = harness.youtube.requests.length;
		(plugin.plugin as unknown as { settings: { model: string } }).settings.model = 'other-model';
		const count = notices().length;
		await runOnSourceNote(plugin);
		await finalNotice(count);
		expect(harness.youtube.requests.length).toBe(youtubeBefore);
		expect(harness.openai.requests.at(-1)?.model).toBe('other-model');
	});

	it('is emptied by the clear command, after which YouTube is asked again', async () => {
		const plugin = await harness.loadPlugin();
		await runOnSourceNote(plugin);
		await finalNotice();
		await plugin.runCommand('clear-cache');
		await waitFor(() => lastModal());
		expect(lastModal()?.contentEl.getText()).toMatch(/can no longer be re-rendered, translated or asked about/);
		await clickButton(lastModal()!.contentEl, 'Cancel');
		expect(notices().some((notice) => notice.message.startsWith('Digest cache cleared'))).toBe(false);
		await plugin.runCommand('clear-cache');
		await waitFor(() => lastModal());
		await clickButton(lastModal()!.contentEl, 'Clear cache');
		await waitFor(() => notices().some((notice) => notice.message.startsWith('Digest cache cleared (2 files)')));
		const youtubeBefore = harness.youtube.requests.length;
		const count = notices().length;
		await runOnSourceNote(plugin);
		await finalNotice(count);
		expect(harness.youtube.requests.length).toBe(youtubeBefore + 2);
	});
});

describe('cost', () => {
	it('asks once for a whole batch above the threshold; declining writes nothing and calls no model', async () => {
		const plugin = await hostedOpenAI({ confirmAboveCost: 0 });
		const list = '- https://youtu.be/GJLlxj_dtq8\n- https://www.youtube.com/watch?v=GJLlxj_dtq8&t=5\n';
		await plugin.app.vault.create('List.md', list);
		await openInEditor(plugin.app, 'List.md');
		await plugin.runCommand('summarize-all-in-note');
		await waitFor(() => lastModal());
		expect(lastModal()?.contentEl.getText()).toMatch(
			/Summarizing one video needs one call with about [\d,]+ input tokens, an estimated \$0\.\d+\./,
		);
		await clickButton(lastModal()!.contentEl, 'Cancel');

		expect(await finalNotice()).toBe('Cancelled: nothing was written.');
		expect(openModals()).toHaveLength(0);
		expect(harness.openai.requests).toHaveLength(0);
		expect(fileText(plugin.app, 'List.md')).toBe(list);
		expect(plugin.app.vault.getFileByPath(DIGEST_PATH)).toBeNull();
	});

	it('asks once for a batch it goes ahead with, then not again for each video', async () => {
		const plugin = await hostedOpenAI({ confirmAboveCost: 0 });
		await plugin.app.vault.create('List.md', '- https://youtu.be/GJLlxj_dtq8\n');
		await openInEditor(plugin.app, 'List.md');
		await plugin.runCommand('summarize-all-in-note');
		await waitFor(() => lastModal());
		await clickButton(lastModal()!.contentEl, 'Summarize');

		expect(await finalNotice()).toMatch(/^YouTube links: 1 digested/);
		expect(harness.openai.requests).toHaveLength(1);
		expect(plugin.app.vault.getFileByPath(DIGEST_PATH)).not.toBeNull();
	});

	it('asks before a run above the threshold; declining sends nothing to the model and writes nothing', async () => {
		const plugin = await hostedOpenAI({ confirmAboveCost: 0 });
		await runOnSourceNote(plugin);
		await waitFor(() => lastModal());
		const modal = lastModal();
		expect(modal?.contentEl.getText()).toMatch(
			/This digest needs one call with about [\d,]+ input tokens, an estimated \$0\.\d+\./,
		);
		await clickButton(modal!.contentEl, 'Cancel');
		expect(await finalNotice()).toBe('Cancelled: nothing was written.');
		expect(harness.openai.requests).toHaveLength(0);
		expect(plugin.app.vault.getFileByPath(DIGEST_PATH)).toBeNull();
	});

	it('reports the real usage and cost in the notice, and in properties the user adds back', async () => {
		// Usage figures are not default properties any more (issue 10); a user who wants them adds them.
		const properties = [
			...DEFAULT_PROPERTIES,
			{ name: 'tokens_in', value: '{{inputTokens}}', type: 'number' },
			{ name: 'tokens_out', value: '{{outputTokens}}', type: 'number' },
			{ name: 'cost_usd', value: '{{cost}}', type: 'number' },
		];
		const plugin = await hostedOpenAI({ confirmAboveCost: 0, properties });
		await runOnSourceNote(plugin);
		await waitFor(() => lastModal());
		await clickButton(lastModal()!.contentEl, 'Summarize');
		const notice = await finalNotice();
		expect(notice).toMatch(/^Digest written: .+ \([\d,]+ tokens in, 270 out, \$0\.\d{4}\)$/);
		const note = fileText(plugin.app, DIGEST_PATH);
		const tokensIn = Number(/^tokens_in: (\d+)$/m.exec(note)?.[1]);
		expect(note).toContain('tokens_out: 270');
		expect(Number(/^cost_usd: ([\d.]+)$/m.exec(note)?.[1])).toBeCloseTo((tokensIn * 0.4 + 270 * 1.6) / 1e6, 6);
	});

	it('keeps usage figures and the model out of the default properties', async () => {
		const plugin = await hostedOpenAI();
		await runOnSourceNote(plugin);
		expect(await finalNotice()).toMatch(/^Digest written/);
		expect(fileText(plugin.app, DIGEST_PATH)).not.toMatch(/^(tokens_in|tokens_out|cost_usd|model):/m);
	});

	it('does not ask under the threshold', async () => {
		await hostedOpenAI({ confirmAboveCost: 5 }).then(runOnSourceNote);
		expect(await finalNotice()).toMatch(/^Digest written/);
	});
});

describe('a long video', () => {
	it('shows the parts as they finish and makes two rounds of calls', async () => {
		harness.openai.set({ respond: (request) => delayed(50, jsonReply(scriptedAnswer(request))) });
		harness.youtube.set({
			player: syntheticPlayer({
				videoId: 'GJLlxj_dtq8',
				title: 'Surface Go Review - It’s Awesome',
				lengthSeconds: 1800,
				tracks: [{ languageCode: 'en' }],
			}),
			timedtext: captionsFromCues({ en: syntheticCues({ durationSeconds: 1800, seed: 4 }) }),
		});
		const plugin = await harness.loadPlugin({ data: { inputBudgetTokens: 3000, concurrency: 2 } });
		await runOnSourceNote(plugin);
		await waitFor(() => notices()[0]?.message.includes('parts done'));
		expect(await finalNotice()).toMatch(written(DIGEST_PATH));
		const merges = harness.openai.requests.filter((request) =>
			String(request.messages[0].content).startsWith('Combine'),
		);
		expect(merges).toHaveLength(1);
		expect(harness.openai.requests.length).toBeGreaterThanOrEqual(3);
		expect(harness.openai.requests.at(-1)).toBe(merges[0]);
	});
});

describe('choosing the provider and model in the settings', () => {
	it('fills in a preset server and lists the models the server offers', async () => {
		harness.openai.set({ models: ['zeta-model', 'alpha-model'] });
		const plugin = await harness.loadPlugin();
		const tab = await openSettingTab(plugin.app, 'youtube-digest');
		await changeValue(findSetting(tab, 'Provider'), 'ollama');
		const settings = (plugin.plugin as unknown as { settings: { baseUrl: string; model: string } }).settings;
		expect(settings).toMatchObject({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' });
		expect(getValue(findSetting(tab, 'Server URL'))).toBe('http://localhost:11434/v1');

		await changeValue(findSetting(tab, 'Provider'), 'custom');
		settings.baseUrl = harness.openai.baseUrl;
		const model = findSetting(tab, 'Model');
		const listButton = model.components.find((component) => 'extraSettingsEl' in component) as unknown as {
			extraSettingsEl: HTMLElement;
		};
		listButton.extraSettingsEl.click();
		await waitFor(() => model.controlEl.find('select')?.findAll('option').length === 2);
		expect(
			model.controlEl
				.find('select')
				?.findAll('option')
				.map((option) => option.getText()),
		).toEqual(['alpha-model', 'zeta-model']);
	});
});
