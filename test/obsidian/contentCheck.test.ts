import { fileText, notices } from '../fakes/obsidian/testing';
import { jsonReply } from '../support/fakeOpenAIServer';
import { captionsFromCues } from '../support/fakeYouTubeServer';
import { goodReviewAnswer, REVIEW_CUES, reviewPlayer, weakReviewAnswer } from '../support/reviewVideo';
import { DIGEST_PATH, finalNotice, runOnSourceNote, useBuiltPlugin, written } from './pluginHarness';

const harness = useBuiltPlugin();

beforeEach(() => {
	harness.youtube.set({ player: reviewPlayer(), timedtext: captionsFromCues({ en: REVIEW_CUES }) });
});

describe('the content check in the plugin', () => {
	it('writes a careful answer as it is, in one call, every timestamp a caption or chapter start', async () => {
		harness.openai.set({ respond: () => jsonReply(goodReviewAnswer()) });
		const plugin = await harness.loadPlugin();
		await runOnSourceNote(plugin);
		expect(await finalNotice()).toMatch(written(DIGEST_PATH));
		expect(harness.openai.requests).toHaveLength(1);
		const note = fileText(plugin.app, DIGEST_PATH);
		expect(note).not.toContain('digest_warnings');
		const allowed = new Set([...REVIEW_CUES.map((cue) => Math.floor(cue.start)), 0, 65, 150, 248]);
		const linked = [...note.matchAll(/&t=(\d+)s\)/g)].map((match) => Number(match[1]));
		for (const seconds of linked) expect(allowed.has(seconds)).toBe(true);
		expect(note).toContain('### Design and keyboard\n\n[1:05](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=65s)');
		expect(note).toContain('> [!quote]- Verdict · 4:08\n');
		// The model was sent the description (for spellings) and a label at least every 20 s.
		const sent = String(harness.openai.requests[0].messages[1].content);
		expect(sent).toContain('Dave2D review of the Microsoft Surface Go.');
		expect(sent).toContain('[2:41] Web browsing, Word and Netflix all run smoothly. Photo editing in Lightroom');
	});

	it('turns a weak answer into a clean note, after one repair round, and says what was wrong', async () => {
		harness.openai.set({ respond: () => jsonReply(weakReviewAnswer()) });
		const plugin = await harness.loadPlugin({ files: { 'People/Dave Lee.md': 'A person.\n' } });
		await runOnSourceNote(plugin);
		const notice = await finalNotice();

		// The problems code cannot fix went back to the model once, listed.
		expect(harness.openai.requests).toHaveLength(2);
		const repair = String(harness.openai.requests[1].messages.at(-1)?.content);
		expect(repair).toContain('there is no section for the chapter "Performance and battery" at [2:30]');
		expect(repair).toContain('insights[6].at "design section" is not a [time] label of the transcript');
		expect(repair).toContain('"$549", which the transcript does not say');

		// The model answered just as weakly: the note is clean, and the notice and a property say why.
		expect(notice).toMatch(/^Digest written: .+\. Content check: .+ \(see digest_warnings\)\.$/);
		expect(notice).toContain('no section for 1 chapter ("Performance and battery")');
		const note = fileText(plugin.app, DIGEST_PATH);
		expect(note).toMatch(/^digest_warnings:\n/m);
		expect(note).toContain('  - "2 references to no moment of the video left without a timestamp');
		expect(note).toContain('  - "1 entity the video never names left out"');
		expect(note).not.toContain('Dave Lee');
		const body = note.slice(note.indexOf('%% youtube-digest:digest:start'));
		expect(body).not.toContain('$549');
		expect(note.match(/Buy the 8 GB model/g)).toHaveLength(1);
		const sections = [...note.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
		expect(sections).toEqual(['Intro', 'Design', 'Verdict']);
	});

	it('keeps the better answer when the repair round fixes the problems', async () => {
		let call = 0;
		harness.openai.set({ respond: () => jsonReply(call++ === 0 ? weakReviewAnswer() : goodReviewAnswer()) });
		const plugin = await harness.loadPlugin();
		await runOnSourceNote(plugin);
		expect(await finalNotice()).toMatch(written(DIGEST_PATH));
		const note = fileText(plugin.app, DIGEST_PATH);
		expect(note).not.toContain('digest_warnings');
		expect([...note.matchAll(/^### (.+)$/gm)].map((match) => match[1])).toEqual([
			'Intro',
			'Design and keyboard',
			'Performance and battery',
			'Verdict',
		]);
	});

	it('sends a template’s instructions; changed instructions make a new digest, not a cached one', async () => {
		harness.openai.set({ respond: () => jsonReply(goodReviewAnswer()) });
		const template = (focus: string) => `{{!-- digest-instructions\n${focus}\n--}}\n# {{title}}\n{{tldr}}\n`;
		const plugin = await harness.loadPlugin({
			data: { templateFolder: 'Templates', defaultTemplate: 'Templates/Focus.md' },
			files: { 'Templates/Focus.md': template('Audience: buyers on a budget.') },
		});
		await runOnSourceNote(plugin);
		await finalNotice();
		expect(String(harness.openai.requests[0].messages[0].content)).toContain('Audience: buyers on a budget.');
		expect(fileText(plugin.app, DIGEST_PATH)).not.toContain('digest-instructions');
		await plugin.app.vault.modify(
			plugin.app.vault.getFileByPath('Templates/Focus.md')!,
			template('Audience: developers.'),
		);
		const before = notices().length;
		await runOnSourceNote(plugin);
		expect(await finalNotice(before)).toMatch(/^Digest written/);
		expect(harness.openai.requests).toHaveLength(2);
		expect(String(harness.openai.requests[1].messages[0].content)).toContain('Audience: developers.');
	});
});
