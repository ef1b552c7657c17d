import {
	fileText,
	notices,
	openInEditor,
	setViewMode,
	typeIntoModal,
	waitForMetadata,
} from '../fakes/obsidian/testing';
import { jsonReply, RecordedChatRequest } from '../support/fakeOpenAIServer';
import { scriptedDigest } from '../support/scriptedDigest';
import { DIGEST_PATH, finalNotice, runOnSourceNote, useBuiltPlugin, written } from './pluginHarness';

const harness = useBuiltPlugin();
const isQuestion = (request: RecordedChatRequest) => JSON.stringify(request.response_format).includes('video_answer');
const userText = (request: RecordedChatRequest) => String(request.messages[1]?.content);
const QUESTION_END = '%% youtube-digest:questions:end %%';

/** Answers questions as a model would: the battery is in the transcript, the price is not. */
function answer(request: RecordedChatRequest) {
	if (!isQuestion(request)) return jsonReply(scriptedDigest(request));
	return jsonReply(
		/Question: .*battery/i.test(userText(request))
			? { answered: true, answer: 'About seven hours.', at: '0:45' }
			: { answered: false, answer: 'The video does not say what it costs.', at: '1:55' },
	);
}

async function digestThenOpen() {
	harness.openai.set({ respond: answer });
	const plugin = await harness.loadPlugin();
	await runOnSourceNote(plugin);
	expect(await finalNotice()).toMatch(written(DIGEST_PATH));
	await waitForMetadata(plugin.app);
	harness.youtube.reset();
	harness.openai.reset();
	harness.openai.set({ respond: answer });
	return plugin;
}

describe('Ask this video, in the built plugin', () => {
	it('answers the selected question from the kept transcript, grounded, after the digest part', async () => {
		const plugin = await digestThenOpen();
		const note = fileText(plugin.app, DIGEST_PATH);
		const question = 'How long does the battery last?';
		await plugin.app.vault.modify(plugin.app.vault.getFileByPath(DIGEST_PATH)!, `${note}\n${question}\n`);
		const at = note.length + 1;
		const after = notices().length;
		await openInEditor(plugin.app, DIGEST_PATH, { selection: { anchor: at, head: at + question.length } });
		await plugin.runCommand('ask-video');

		expect(await finalNotice(after)).toMatch(/^Answer added to the note \(\d+ tokens in, \d+ out, free\)\.$/);
		expect(harness.youtube.requests).toHaveLength(0);
		expect(harness.openai.requests).toHaveLength(1);
		expect(userText(harness.openai.requests[0])).toContain('Question: How long does the battery last?');
		expect(userText(harness.openai.requests[0])).toContain('[0:45] The keyboard cover is sold separately.');
		expect(fileText(plugin.app, DIGEST_PATH)).toBe(
			note.replace(
				'%% youtube-digest:digest:end %%\n',
				'%% youtube-digest:digest:end %%\n\n' +
					'%% youtube-digest:questions:start %%\n' +
					'> [!question] How long does the battery last?\n' +
					'> About seven hours. [0:45](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=45s)\n' +
					`${QUESTION_END}\n`,
			) + `\n${question}\n`,
		);
	});

	it('asks in a dialog in reading view, says when the video has no answer, keeps answers on re-render', async () => {
		const plugin = await digestThenOpen();
		const view = await openInEditor(plugin.app, DIGEST_PATH);
		setViewMode(view, 'preview');
		await plugin.runCommand('ask-video');
		await typeIntoModal('What does it cost?', { submit: true });
		const unanswered = /^The video does not answer that question; the note says so/;
		expect(await finalNotice(notices().length - 1)).toMatch(unanswered);
		await plugin.runCommand('ask-video');
		await typeIntoModal('And the battery?', { submit: true });
		await finalNotice(notices().length - 1);

		const withAnswers = fileText(plugin.app, DIGEST_PATH);
		// Not answered: no timestamp, even though the model cited one.
		expect(withAnswers).toContain(
			'> [!question] What does it cost?\n> The video does not say what it costs.\n\n' +
				'> [!question] And the battery?\n',
		);
		await plugin.runCommand('rerender-digest');
		await finalNotice(notices().length - 1);
		expect(fileText(plugin.app, DIGEST_PATH)).toBe(withAnswers);
		expect(harness.youtube.requests).toHaveLength(0);
	});

	it('is offered on digest notes only', async () => {
		const plugin = await digestThenOpen();
		await openInEditor(plugin.app, 'Inbox/Watch later.md');
		await expect(plugin.runCommand('ask-video')).rejects.toThrow(/not available/);
	});
});
