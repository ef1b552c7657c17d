import {
	activeEditor,
	changeValue,
	clickButton,
	fileText,
	findSetting,
	lastNotice,
	notices,
	openInEditor,
	openSettingTab,
	settingNames,
	typeIntoModal,
	vaultSnapshot,
	waitFor,
} from '../fakes/obsidian/testing';
import { delayed, jsonReply } from '../support/fakeOpenAIServer';
import { recordedPlayer } from '../support/fakeYouTubeServer';
import { scriptedDigest } from '../support/scriptedDigest';
import {
	DIGEST_PATH,
	finalNotice,
	KEY,
	runOnSourceNote,
	SOURCE,
	SOURCE_PATH,
	useBuiltPlugin,
	written,
} from './pluginHarness';

const harness = useBuiltPlugin();
afterEach(() => jest.useRealTimers());

/**
 * Fakes only Date (main.js runs in this realm, so it reads the same clock), starting at `now` and moving with
 * real time so that waits measured with Date.now still end. Timers stay real: the servers and the SDK need them.
 */
function useFixedDate(now: Date): void {
	jest.useFakeTimers({
		now,
		advanceTimers: true,
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'requestAnimationFrame',
			'cancelAnimationFrame',
			'requestIdleCallback',
			'cancelIdleCallback',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
}
const loadPlugin = harness.loadPlugin;
const summarizeSourceNote = (plugin: Parameters<typeof runOnSourceNote>[0]) => runOnSourceNote(plugin);

describe('the built main.js in a fake Obsidian', () => {
	it('registers its commands, with no hotkeys', async () => {
		const plugin = await loadPlugin();
		expect(Object.keys(plugin.commands).sort()).toEqual([
			'youtube-digest:ask-video',
			'youtube-digest:clear-cache',
			'youtube-digest:create-digest-index',
			'youtube-digest:rerender-digest',
			'youtube-digest:summarize-all-in-note',
			'youtube-digest:summarize-current-note',
			'youtube-digest:summarize-url',
			'youtube-digest:summarize-with-captions',
			'youtube-digest:summarize-with-template',
			'youtube-digest:summarize-with-transcript-file',
			'youtube-digest:translate-digest',
		]);
		expect(Object.values(plugin.commands).every((command) => !command.hotkeys)).toBe(true);
	});

	it('summarizes the video linked in the current note into a digest note linked both ways', async () => {
		// The plugin dates the digest with the clock of the run; a fixed clock keeps the expected date right at
		// midnight.
		useFixedDate(new Date(2026, 10, 25, 12, 0));
		const plugin = await loadPlugin();
		await summarizeSourceNote(plugin);
		expect(await finalNotice()).toMatch(written(DIGEST_PATH));

		// The new layout (issue 10): slim properties, one question style, no links in headings, a folded transcript.
		expect(fileText(plugin.app, DIGEST_PATH)).toBe(
			[
				'---',
				'title: "Surface Go Review - It’s Awesome"',
				'source: "https://www.youtube.com/watch?v=GJLlxj_dtq8"',
				'author:',
				'  - "[[Dave2D]]"',
				'created: 2026-11-25',
				'description: "Dave2D review of the Microsoft Surface Go. This is the best 2 in 1 laptop from Microsoft for students on a tighter budget. On Sale Here - https://amzn.to/2n3Y4sj This 2in1 tablet/laptop is incredibly small and has a ton of potential for people who need an ultra portable device that can be used as…"',
				'tags:',
				'  - "youtube"',
				'  - "scripted-topic"',
				'  - "testing"',
				'entities:',
				'  - "Surface Go"',
				'duration: "00:05:16"',
				'language: "en"',
				'image: "https://i.ytimg.com/vi/GJLlxj_dtq8/sddefault.jpg"',
				'youtube_id: "GJLlxj_dtq8"',
				'source_note: "[[Watch later]]"',
				'---',
				'%% youtube-digest:digest:start %%',
				'![Surface Go Review - It’s Awesome](https://www.youtube.com/watch?v=GJLlxj_dtq8)',
				'',
				'> [!tldr] TL;DR',
				'> A scripted TL;DR about the video.',
				'',
				'## Key insights',
				'',
				'- 🤔 First insight. [0:00](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=0s)',
				'- 🔑 Second insight. [1:55](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=115s)',
				'- 🧭 The opening sets the scene. [0:00](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=0s)',
				'- ⚖️ A trade-off is weighed. [1:55](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=115s)',
				'- 🏁 The ending gives a verdict. [2:55](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=175s)',
				'',
				'## Questions & answers',
				'',
				'**What is it about?** [0:45](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=45s)',
				'About the scripted topic.',
				'',
				'**Who should watch this?** [0:45](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=45s)',
				'Anyone curious about the subject.',
				'',
				'**Which drawback matters most?** [1:55](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=115s)',
				'The one weighed near the end.',
				'',
				'## Summary',
				'',
				'A scripted one-paragraph summary.',
				'',
				'### Opening',
				'',
				'[0:00](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=0s) How it starts.',
				'',
				'### Middle part',
				'',
				'[1:55](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=115s) What happens next.',
				'',
				'**Why?** [1:55](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=115s)',
				'Because.',
				'',
				'## Key takeaways',
				'',
				'- Take this away.',
				'- Try the idea yourself.',
				'- Compare options before buying.',
				'',
				'## Mentioned',
				'',
				'- Surface Go (product)',
				'',
				'## Transcript',
				'',
				'> [!quote]- 0:00–5:16',
				'> [0:00](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=0s) Microsoft just released the Surface Go.',
				'>',
				'> [0:20](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=20s) It is a small tablet with a kickstand.',
				'>',
				'> [0:45](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=45s) The keyboard cover is sold separately.',
				'>',
				'> [1:15](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=75s) Battery life is about seven hours.',
				'>',
				'> [1:55](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=115s) Performance is fine for light work.',
				'>',
				'> [2:55](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=175s) Overall it is worth it for students.',
				'',
				'---',
				'More from [[Dave2D]] · Source: [[Watch later]]',
				'%% youtube-digest:digest:end %%',
				'',
			].join('\n'),
		);
		expect(fileText(plugin.app, SOURCE_PATH)).toBe(
			'# Watch later\n\nA review I want to see:\nhttps://youtu.be/GJLlxj_dtq8\nDigest: [[Surface Go Review - It’s Awesome]]\n\nMore later.\n',
		);
		expect(plugin.app.workspace.getActiveFile()?.path).toBe(DIGEST_PATH);
		expect(notices()[0].messages.concat(notices()[0].message)).toEqual(
			expect.arrayContaining([expect.stringContaining('Fetching transcript')]),
		);
		expect(harness.openai.requests).toHaveLength(1);
		expect(harness.openai.requests[0]).toMatchObject({ model: 'test-model', authorization: `Bearer ${KEY}` });
		expect(harness.openai.requests[0].headers['user-agent']).toMatch(/^OpenAI\/JS \d+\.\d+\.\d+$/);
		expect(harness.youtube.requests.map((request) => request.path)).toEqual([
			'/youtubei/v1/player',
			'/api/timedtext',
		]);
		// The client that worked is remembered; the key never reaches data.json.
		const data = JSON.stringify(await plugin.plugin.loadData());
		expect(data).toContain('"lastWorkingClient":"IOS"');
		expect(data).not.toContain(KEY);
	});

	it("follows the user's link settings: Markdown links instead of wikilinks", async () => {
		const plugin = await loadPlugin({ config: { useMarkdownLinks: true } });
		await summarizeSourceNote(plugin);
		await finalNotice();
		expect(fileText(plugin.app, SOURCE_PATH)).toContain('\nDigest: [Surface Go Review - It’s Awesome](');
		expect(fileText(plugin.app, DIGEST_PATH)).toMatch(/Source: \[Watch later\]\(/);
	});

	it('keeps what the user types while the digest is being made', async () => {
		// The model answers only once the user has typed, so the typing surely falls inside the run.
		let answer = () => {};
		const typed = new Promise<void>((resolve) => (answer = resolve));
		harness.openai.set({ respond: (request) => typed.then(() => jsonReply(scriptedDigest(request))) });
		const plugin = await loadPlugin();
		await summarizeSourceNote(plugin);
		await waitFor(() => harness.openai.requests.length === 1);
		const editor = activeEditor(plugin.app);
		editor?.replaceRange('Typed meanwhile.\n', { line: 0, ch: 0 });
		answer();
		await finalNotice();
		expect(fileText(plugin.app, SOURCE_PATH)).toBe(
			'Typed meanwhile.\n# Watch later\n\nA review I want to see:\nhttps://youtu.be/GJLlxj_dtq8\nDigest: [[Surface Go Review - It’s Awesome]]\n\nMore later.\n',
		);
	});

	it('writes nothing and leaves the source note byte for byte when the key is rejected', async () => {
		const plugin = await loadPlugin({ secrets: { 'openai-api-key': 'sk-wrong' } });
		const before = vaultSnapshot(plugin.app);
		await summarizeSourceNote(plugin);
		expect(await finalNotice()).toBe('The API key was rejected: check it in the plugin settings.');
		expect(vaultSnapshot(plugin.app)).toEqual(before);
	});

	it('says so, and how to provide a transcript, when the video has no captions', async () => {
		harness.youtube.set({ player: recordedPlayer('youtube_transcripts_disabled.innertube.json') });
		const plugin = await loadPlugin();
		const before = vaultSnapshot(plugin.app);
		await summarizeSourceNote(plugin);
		expect(await finalNotice()).toBe(
			'This video has no captions YouTube will give. To summarize it anyway, put a subtitle file ' +
				'(SRT, WebVTT or timestamped text) with the video id in its name in the vault, ' +
				'or link it from the note.',
		);
		expect(vaultSnapshot(plugin.app)).toEqual(before);
		expect(harness.openai.requests).toHaveLength(0);
	});

	it('cancels from the progress notice: requests abandoned, nothing written', async () => {
		harness.openai.set({ respond: (request) => delayed(3000, jsonReply(scriptedDigest(request))) });
		const plugin = await loadPlugin();
		const before = vaultSnapshot(plugin.app);
		await summarizeSourceNote(plugin);
		await waitFor(() => harness.openai.requests.length === 1);
		const progress = notices()[0];
		await clickButton(progress.el, 'Cancel');
		expect(await finalNotice()).toBe('Cancelled: nothing was written.');
		expect(vaultSnapshot(plugin.app)).toEqual(before);
	});

	it('puts the backlink after the HTML block that holds the link, never inside it', async () => {
		const source = '# Watch later\n\n<div>\nhttps://youtu.be/GJLlxj_dtq8\n</div>\nMore later.\n';
		const plugin = await loadPlugin({ files: { [SOURCE_PATH]: source } });
		await openInEditor(plugin.app, SOURCE_PATH, { cursor: { line: 3, ch: 5 } });
		await plugin.runCommand('summarize-current-note');
		expect(await finalNotice()).toMatch(written(DIGEST_PATH));
		expect(fileText(plugin.app, SOURCE_PATH)).toBe(`${source}\nDigest: [[Surface Go Review - It’s Awesome]]\n`);
	});

	it('tells the user when the note has no YouTube link', async () => {
		const plugin = await loadPlugin();
		await plugin.app.vault.create('Empty.md', 'Nothing to see.');
		await openInEditor(plugin.app, 'Empty.md');
		await plugin.runCommand('summarize-current-note');
		expect(lastNotice()?.message).toBe(
			"No YouTube link found in the selection, the current line, the note's properties or its text.",
		);
		expect(harness.youtube.requests).toHaveLength(0);
	});

	it('writes a transcript digest when no key is set, and says how to get the full one', async () => {
		const plugin = await loadPlugin({ secrets: {}, data: { baseUrl: 'https://api.openai.com/v1' } });
		await summarizeSourceNote(plugin);
		expect(await finalNotice()).toContain('No API key is set');
		expect(fileText(plugin.app, DIGEST_PATH)).toContain('## Transcript');
		expect(fileText(plugin.app, DIGEST_PATH)).not.toContain('Key insights');
		expect(harness.openai.requests).toHaveLength(0);
	});

	it('summarizes a link typed into the URL dialog without touching any note', async () => {
		const plugin = await loadPlugin();
		await plugin.runCommand('summarize-url');
		await typeIntoModal('https://www.youtube.com/watch?v=GJLlxj_dtq8&t=42', { submit: true });
		expect(await finalNotice()).toMatch(written(DIGEST_PATH));
		expect(fileText(plugin.app, SOURCE_PATH)).toBe(SOURCE);
		expect(fileText(plugin.app, DIGEST_PATH)).not.toContain('source_note: "');
	});

	it('refuses a link that is not a video in the URL dialog', async () => {
		const plugin = await loadPlugin();
		await plugin.runCommand('summarize-url');
		await typeIntoModal('https://www.youtube.com/@Dave2D', { submit: true });
		expect(lastNotice()?.message).toBe('That is not a link to a YouTube video.');
		expect(harness.youtube.requests).toHaveLength(0);
	});

	it('has a settings tab whose changes are saved and used by the next run', async () => {
		const plugin = await loadPlugin();
		const tab = await openSettingTab(plugin.app, 'youtube-digest');
		expect(settingNames(tab)).toEqual(
			expect.arrayContaining([
				'Digest folder',
				'Digest language',
				'Transcript languages',
				'Timestamp links',
				'Server URL',
				'API key',
				'Model',
			]),
		);
		await changeValue(findSetting(tab, 'Digest folder'), 'Media/Videos');
		await changeValue(findSetting(tab, 'Timestamp links'), 'media-extended');
		await waitFor(
			async () =>
				((await plugin.plugin.loadData()) as { outputFolder?: string } | null)?.outputFolder === 'Media/Videos',
		);
		await summarizeSourceNote(plugin);
		expect(await finalNotice()).toMatch(written('Media/Videos/Surface Go Review - It’s Awesome.md'));
		expect(fileText(plugin.app, 'Media/Videos/Surface Go Review - It’s Awesome.md')).toContain(
			'[0:45](https://www.youtube.com/watch?v=GJLlxj_dtq8#t=45)',
		);
	});
});
