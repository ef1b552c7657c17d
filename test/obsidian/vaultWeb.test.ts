import { parse as parseYaml } from 'yaml';
import {
	activeEditor,
	fileText,
	notices,
	openInEditor,
	vaultSnapshot,
	waitFor,
	waitForMetadata,
} from '../fakes/obsidian/testing';
import { jsonReply } from '../support/fakeOpenAIServer';
import { captionsFromCues, playerByVideo, recordedPlayer, syntheticPlayer } from '../support/fakeYouTubeServer';
import { scriptedDigest } from '../support/scriptedDigest';
import { CUES, DIGEST_PATH, finalNotice, runOnSourceNote, SOURCE_PATH, useBuiltPlugin, written } from './pluginHarness';

const harness = useBuiltPlugin();
const CHANNEL_PATH = 'YouTube channels/Dave2D.md';

/** A second video of the same channel, and a few others, served by the fake YouTube. */
function serveVideos(): void {
	const dave = (videoId: string, title: string) =>
		syntheticPlayer({
			videoId,
			title,
			author: 'Dave2D',
			channelId: 'UCVYamHliCI9rw1tHR1xbkfw',
			lengthSeconds: 316,
			tracks: [{ languageCode: 'en' }],
		});
	harness.youtube.set({
		player: playerByVideo({
			GJLlxj_dtq8: recordedPlayer('youtube.innertube.json'),
			Dave2Dvid02: dave('Dave2Dvid02', 'Second review'),
			Otherid0003: syntheticPlayer({
				videoId: 'Otherid0003',
				title: 'Third video',
				lengthSeconds: 316,
				tracks: [{ languageCode: 'en' }],
			}),
			Otherid0004: syntheticPlayer({
				videoId: 'Otherid0004',
				title: 'Fourth video',
				lengthSeconds: 316,
				tracks: [{ languageCode: 'en' }],
			}),
		}),
		timedtext: captionsFromCues(() => CUES),
	});
}

async function summarizeNote(plugin: Awaited<ReturnType<typeof harness.loadPlugin>>, path: string): Promise<string> {
	const count = notices().length;
	await openInEditor(plugin.app, path, { cursor: { line: 0, ch: 3 } });
	await plugin.runCommand('summarize-current-note');
	const notice = await finalNotice(count);
	await waitForMetadata(plugin.app);
	return notice;
}

describe('channel notes', () => {
	it("are created, link from the digest, list the channel's digests newest first, keep the user's text", async () => {
		serveVideos();
		const plugin = await harness.loadPlugin({ files: { 'Second.md': 'https://youtu.be/Dave2Dvid02\n' } });
		await runOnSourceNote(plugin);
		await finalNotice();
		await waitForMetadata(plugin.app);
		expect(fileText(plugin.app, DIGEST_PATH)).toContain('author:\n  - "[[Dave2D]]"');
		expect(fileText(plugin.app, DIGEST_PATH)).toContain('More from [[Dave2D]]');
		const channel = fileText(plugin.app, CHANNEL_PATH);
		expect(channel).toContain('- [[Surface Go Review - It’s Awesome]]');

		const mine = 'My own intro about Dave.\n';
		const mineAfter = '\n## My notes\nHe reviews laptops.\n';
		await plugin.app.vault.modify(
			plugin.app.vault.getFileByPath(CHANNEL_PATH)!,
			channel.replace('%% youtube-digest:channel:start', `${mine}%% youtube-digest:channel:start`) + mineAfter,
		);
		const before = fileText(plugin.app, CHANNEL_PATH);

		expect(await summarizeNote(plugin, 'Second.md')).toMatch(written('YouTube digests/Second review.md'));
		const after = fileText(plugin.app, CHANNEL_PATH);
		const block = (text: string) =>
			/%% youtube-digest:channel:start %%[\s\S]*%% youtube-digest:channel:end %%\n/.exec(text)?.[0] ?? '';
		expect(after.replace(block(after), '')).toBe(before.replace(block(before), ''));
		const lines = block(after)
			.split('\n')
			.filter((line) => line.startsWith('- '));
		expect(lines).toHaveLength(2);
		expect(lines.map((line) => /\[\[([^\]]+)\]\]/.exec(line)?.[1])).toEqual(
			expect.arrayContaining(['Second review', 'Surface Go Review - It’s Awesome']),
		);
	});
});

describe('people and concepts', () => {
	it('link to notes that exist by name or alias, and stay text otherwise', async () => {
		harness.openai.set({
			respond: (request) =>
				jsonReply({
					...scriptedDigest(request),
					entities: [
						{ name: 'microsoft', type: 'organization' },
						{ name: 'Go', type: 'product' },
						{ name: 'Surface Go', type: 'product' },
					],
				}),
		});
		const plugin = await harness.loadPlugin({
			files: {
				'Companies/Microsoft.md': 'A company.\n',
				'Devices/Microsoft Surface Go.md': '---\naliases: [Surface Go]\n---\nA tablet.\n',
			},
		});
		await runOnSourceNote(plugin);
		await finalNotice();
		// Links come from the note store, so they follow the user's link format (the fake's default: wikilinks).
		expect(fileText(plugin.app, DIGEST_PATH)).toContain(
			'## Mentioned\n\n- [[Microsoft]] (organization)\n- Go (product)\n- [[Microsoft Surface Go]] (product)\n',
		);
	});

	it("link in the user's link format when it is set to Markdown links", async () => {
		harness.openai.set({
			respond: (request) =>
				jsonReply({ ...scriptedDigest(request), entities: [{ name: 'Microsoft', type: 'organization' }] }),
		});
		const plugin = await harness.loadPlugin({
			files: { 'Companies/Microsoft.md': 'A company.\n' },
			config: { useMarkdownLinks: true },
		});
		await runOnSourceNote(plugin);
		await finalNotice();
		expect(fileText(plugin.app, DIGEST_PATH)).toMatch(
			/## Mentioned\n\n- \[Microsoft\]\([^)]*Microsoft\.md\) \(organization\)\n/,
		);
	});

	it('are neither listed nor linked when the video never names them, even with a note of that name', async () => {
		harness.openai.set({
			respond: (request) =>
				jsonReply({
					...scriptedDigest(request),
					entities: [
						{ name: 'Surface Go', type: 'product' },
						{ name: 'Dave Lee', type: 'person' },
						{ name: 'the reviewer', type: 'person' },
					],
				}),
		});
		const plugin = await harness.loadPlugin({ files: { 'People/Dave Lee.md': 'A person.\n' } });
		await runOnSourceNote(plugin);
		const notice = await finalNotice();
		const note = fileText(plugin.app, DIGEST_PATH);
		expect(note).not.toContain('Dave Lee');
		expect(note).not.toContain('the reviewer (person)');
		expect(note).toContain('entities:\n  - "Surface Go"\n');
		expect(notice).toContain('1 entity the video never names left out');
		expect(notice).toContain('1 generic entity left out ("the reviewer")');
		expect(note).toContain('digest_warnings:\n');
	});
});

describe('related digests', () => {
	it("are ranked from the vault's properties and left unchanged", async () => {
		const digestNote = (title: string, tags: string[], entities: string[], author: string) =>
			`---\ntitle: "${title}"\n` +
			`youtube_id: "${title.replace(/\W/g, '').padEnd(11, 'x').slice(0, 11)}"\n` +
			`author: "${author}"\ntags: [${tags.join(', ')}]\nentities: [${entities.join(', ')}]\n` +
			`language: "en"\n---\nBody\n`;
		const files = {
			'Old/Shares entity and tag.md': digestNote(
				'Shares entity and tag',
				['youtube', 'testing'],
				['Surface Go'],
				'Someone',
			),
			'Old/Shares a tag.md': digestNote('Shares a tag', ['youtube', 'scripted-topic'], [], 'Someone'),
			'Old/Same channel only.md': digestNote('Same channel only', ['youtube'], [], '[[Dave2D]]'),
			'Old/Nothing in common.md': digestNote(
				'Nothing in common',
				['youtube', 'cooking'],
				['Julia Child'],
				'Someone',
			),
		};
		const plugin = await harness.loadPlugin({ files });
		const before = vaultSnapshot(plugin.app);
		await runOnSourceNote(plugin);
		await finalNotice();
		expect(fileText(plugin.app, DIGEST_PATH)).toContain(
			'## Related\n\n- [[Shares entity and tag]]\n- [[Shares a tag]]\n- [[Same channel only]]\n\n## Transcript',
		);
		for (const path of Object.keys(files)) expect(fileText(plugin.app, path)).toBe(before[path]);
	});
});

describe('re-running a video', () => {
	it("updates its digest in place: one note, user's text and properties kept, no second source link", async () => {
		const plugin = await harness.loadPlugin();
		await runOnSourceNote(plugin);
		await finalNotice();
		await waitForMetadata(plugin.app);
		const digest = plugin.app.vault.getFileByPath(DIGEST_PATH)!;
		await plugin.app.vault.process(
			digest,
			(text) => `${text.replace('language: "en"', 'language: "en"\nrating: 5')}\n## My notes\nKeep me.\n`,
		);
		await waitForMetadata(plugin.app);
		const created = /^created: .*$/m.exec(fileText(plugin.app, DIGEST_PATH))?.[0];

		expect(await summarizeNote(plugin, SOURCE_PATH)).toBe(
			`Digest written: ${DIGEST_PATH} (from the cache, no new call)`,
		);
		const notes = plugin.app.vault
			.getMarkdownFiles()
			.map((file) => file.path)
			.filter((path) => path.startsWith('YouTube digests/'));
		expect(notes).toEqual([DIGEST_PATH]);
		const text = fileText(plugin.app, DIGEST_PATH);
		expect(text).toContain('rating: 5');
		expect(text).toContain('## My notes\nKeep me.\n');
		expect(text).toContain(created);
		expect(fileText(plugin.app, SOURCE_PATH).match(/Digest: /g)).toHaveLength(1);
	});
});

describe('batches', () => {
	it('digests every link of a note: one already done is skipped, one failure does not stop the rest', async () => {
		serveVideos();
		const links = [
			'https://youtu.be/GJLlxj_dtq8',
			'https://youtu.be/Missing0001',
			'https://youtu.be/Dave2Dvid02',
			'https://youtu.be/Otherid0003',
			'https://youtu.be/Otherid0004',
		];
		const plugin = await harness.loadPlugin({
			files: {
				'List.md': links.map((link) => `- ${link}`).join('\n') + '\n',
				'YouTube digests/Already.md': '---\nyoutube_id: "GJLlxj_dtq8"\nlanguage: "en"\n---\nDone before.\n',
			},
		});
		await openInEditor(plugin.app, 'List.md');
		await plugin.runCommand('summarize-all-in-note');
		const summary = await finalNotice();
		expect(summary).toMatch(
			// eslint-disable-next-line max-len -- one regular expression reads best on one line
			/^YouTube links: 3 digested, 1 failed, 1 skipped\. https:\/\/youtu\.be\/Missing0001: This video is unavailable/,
		);
		for (const title of ['Second review', 'Third video', 'Fourth video'])
			expect(plugin.app.vault.getFileByPath(`YouTube digests/${title}.md`)).not.toBeNull();
		const list = fileText(plugin.app, 'List.md');
		expect(list.match(/Digest: /g)).toHaveLength(3);
		expect(list).toContain(
			'- https://youtu.be/Missing0001\n- https://youtu.be/Dave2Dvid02\n\t- Digest: [[Second review]]',
		);
	});

	it('is offered for folders in the file menu', async () => {
		const plugin = await harness.loadPlugin();
		const { triggerFileMenu, menuItemTitles } = await import('../fakes/obsidian/testing');
		const menu = triggerFileMenu(plugin.app, plugin.app.vault.getFolderByPath('Inbox')!);
		expect(menuItemTitles(menu)).toContain('Summarize YouTube links in this folder');
	});
});

describe('placement', () => {
	it('below the link: the digest goes into the source note, and a re-run replaces it', async () => {
		const plugin = await harness.loadPlugin({ data: { placement: 'below-link' } });
		await runOnSourceNote(plugin);
		expect(await finalNotice()).toMatch(written(SOURCE_PATH));
		let text = fileText(plugin.app, SOURCE_PATH);
		expect(text).toMatch(
			// eslint-disable-next-line max-len -- one regular expression reads best on one line
			/^# Watch later\n\nA review I want to see:\nhttps:\/\/youtu\.be\/GJLlxj_dtq8\n\n%% youtube-digest:digest-GJLlxj_dtq8:start %%\n!\[Surface Go/,
		);
		expect(text).toContain('%% youtube-digest:digest-GJLlxj_dtq8:end %%\n\nMore later.\n');
		expect(plugin.app.vault.getFileByPath(DIGEST_PATH)).toBeNull();
		const count = notices().length;
		await runOnSourceNote(plugin);
		await finalNotice(count);
		text = fileText(plugin.app, SOURCE_PATH);
		expect(text.match(/digest-GJLlxj_dtq8:start/g)).toHaveLength(1);
	});

	it('at the cursor: the digest goes where the cursor is when it is written', async () => {
		const plugin = await harness.loadPlugin({ data: { placement: 'cursor' } });
		await openInEditor(plugin.app, SOURCE_PATH, { cursor: { line: 3, ch: 5 } });
		await plugin.runCommand('summarize-current-note');
		activeEditor(plugin.app)?.setCursor({ line: 6, ch: 0 });
		await finalNotice();
		const text = fileText(plugin.app, SOURCE_PATH);
		expect(text).toMatch(/\n\nMore later\.\n%% youtube-digest:digest-GJLlxj_dtq8:start %%\n/);
	});
});

describe('the digest index', () => {
	it('is an Obsidian Bases file over every digest', async () => {
		const plugin = await harness.loadPlugin();
		await plugin.runCommand('create-digest-index');
		await waitFor(() => plugin.app.vault.getFileByPath('YouTube digests/YouTube digests.base'));
		const base = parseYaml(fileText(plugin.app, 'YouTube digests/YouTube digests.base')) as {
			filters: { and: string[] };
			views: { type: string; order: string[]; sort: { property: string; direction: string }[] }[];
		};
		expect(base.filters.and).toEqual(['file.hasProperty("youtube_id")', 'file.inFolder("YouTube digests")']);
		expect(base.views[0]).toMatchObject({
			type: 'table',
			order: ['file.name', 'note.author', 'note.published', 'note.duration', 'note.created'],
			sort: [{ property: 'note.created', direction: 'DESC' }],
		});
	});
});
