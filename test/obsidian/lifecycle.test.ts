import { delayed, jsonReply } from '../support/fakeOpenAIServer';
import { scriptedDigest } from '../support/scriptedDigest';
import { vaultSnapshot, waitFor } from '../fakes/obsidian/testing';
import { runOnSourceNote, useBuiltPlugin } from './pluginHarness';

const harness = useBuiltPlugin();

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
