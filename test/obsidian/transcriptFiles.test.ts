import {
	chooseSuggestion,
	fileText,
	openInEditor,
	suggestionTexts,
	vaultSnapshot,
	waitFor,
} from '../fakes/obsidian/testing';
import { captionsFromCues, recordedPlayer } from '../support/fakeYouTubeServer';
import { transcriptLabels } from '../support/scriptedDigest';
import { CUES, finalNotice, runOnSourceNote, SOURCE, SOURCE_PATH, useBuiltPlugin } from './pluginHarness';

const harness = useBuiltPlugin();
const VIDEO_ID = 'GJLlxj_dtq8';
/** The title of the recorded player response whose captions are disabled. */
const DISABLED_DIGEST = 'YouTube digests/Angèle - Eels x Richard Cocciante A Take Away Show.md';
const SRT = [
	'1',
	'00:00:00,000 --> 00:00:04,500',
	'<i>Bonjour</i> and welcome to the show.',
	'',
	'2',
	'00:00:04,500 --> 00:00:30,000',
	'Today Angèle sings Eels',
	'on a rooftop in Paris.',
	'',
	'3',
	'00:01:10,250 --> 00:01:40,000',
	'{\\an8}Richard Cocciante joins her for the chorus.',
	'',
	'4',
	'00:02:30,000 --> 00:03:00,000',
	'The crowd below applauds.',
	'',
].join('\n');

const timedtextRequests = () => harness.youtube.requests.filter((request) => request.path === '/api/timedtext');
const link = (label: string, seconds: number) =>
	`[${label}](https://www.youtube.com/watch?v=${VIDEO_ID}&t=${seconds}s)`;

describe('transcript files in the built plugin', () => {
	it('makes a full grounded digest from the SRT file beside a video whose captions are disabled', async () => {
		harness.youtube.set({ player: recordedPlayer('youtube_transcripts_disabled.innertube.json') });
		const plugin = await harness.loadPlugin({ files: { [`Subtitles/${VIDEO_ID}.fr.srt`]: SRT } });
		await runOnSourceNote(plugin);

		expect(await finalNotice()).toMatch(/^Digest written: /);
		const [request] = harness.openai.requests;
		expect(harness.openai.requests).toHaveLength(1);
		expect(transcriptLabels(request)).toEqual(['0:00', '1:10', '2:30']);
		expect(JSON.stringify(request.messages)).toContain('Today Angèle sings Eels on a rooftop in Paris.');
		const digest = fileText(plugin.app, DISABLED_DIGEST);
		expect(digest).toContain('language: "fr"');
		// The scripted model cites the first and the middle label; grounding turns them into links.
		expect(digest).toContain(`- 🤔 First insight. ${link('0:00', 0)}`);
		expect(digest).toContain(`- 🔑 Second insight. ${link('1:10', 70)}`);
		// No timestamp past the end of the transcript file ever reaches the note.
		expect(digest).not.toMatch(/&t=(\d{4,}|[3-9]\d\d)s/);
		expect(digest).toContain('Richard Cocciante joins her for the chorus.');
		expect(digest).not.toContain('{\\an8}');
		expect(fileText(plugin.app, SOURCE_PATH)).toContain(
			'Digest: [[Angèle - Eels x Richard Cocciante A Take Away Show]]',
		);
		expect(timedtextRequests()).toHaveLength(0);
	});

	it('uses a WebVTT file embedded in the source note, whatever its name', async () => {
		harness.youtube.set({ player: recordedPlayer('youtube_transcripts_disabled.innertube.json') });
		const vtt = 'WEBVTT\n\nNOTE from another tool\n\n00:05.000 --> 00:09.000 align:start\n<v Host>Hello there.\n';
		const plugin = await harness.loadPlugin({
			files: { [SOURCE_PATH]: `${SOURCE}\n![[talk.vtt]]\n`, 'Files/talk.vtt': vtt },
		});
		await runOnSourceNote(plugin);

		expect(await finalNotice()).toMatch(/^Digest written: /);
		expect(JSON.stringify(harness.openai.requests[0].messages)).toContain('[0:05] Hello there.');
	});

	it('says how to provide a transcript when the video has no captions and the vault no file for it', async () => {
		harness.youtube.set({ player: recordedPlayer('youtube_transcripts_disabled.innertube.json') });
		const plugin = await harness.loadPlugin({ files: { 'Subtitles/someOtherVideo.srt': SRT } });
		const before = vaultSnapshot(plugin.app);
		await runOnSourceNote(plugin);

		expect(await finalNotice()).toMatch(/^This video has no captions YouTube will give\. .*subtitle file/);
		expect(vaultSnapshot(plugin.app)).toEqual(before);
		expect(harness.openai.requests).toHaveLength(0);
	});

	it('summarizes from a transcript file picked by hand, even when the video has captions', async () => {
		const plugin = await harness.loadPlugin({
			files: { 'Subtitles/rooftop.srt': SRT, [`Subtitles/${VIDEO_ID}.txt`]: '[0:00] Typed notes\n[0:30] More' },
		});
		await runOnSourceNote(plugin, 'summarize-with-transcript-file');
		await waitFor(() => suggestionTexts().then((texts) => texts.length > 0));
		// The video's own file comes first.
		expect(await suggestionTexts()).toEqual([`Subtitles/${VIDEO_ID}.txt`, 'Subtitles/rooftop.srt']);
		await chooseSuggestion('Subtitles/rooftop.srt');

		expect(await finalNotice()).toMatch(/^Digest written: /);
		expect(JSON.stringify(harness.openai.requests[0].messages)).toContain('on a rooftop in Paris.');
		expect(timedtextRequests()).toHaveLength(0);
	});

	it('leaves every note unchanged and says why when the picked file has no timed lines', async () => {
		const plugin = await harness.loadPlugin({ files: { [`${VIDEO_ID}.txt`]: 'Just some words\nwithout times' } });
		const before = vaultSnapshot(plugin.app);
		await runOnSourceNote(plugin, 'summarize-with-transcript-file');
		await waitFor(() => suggestionTexts().then((texts) => texts.length > 0));
		await chooseSuggestion(`${VIDEO_ID}.txt`);

		expect(await finalNotice()).toBe(
			'The transcript file has no timed lines: use an SRT, WebVTT or text file with a time at the start of ' +
				`each line: ${VIDEO_ID}.txt.`,
		);
		expect(vaultSnapshot(plugin.app)).toEqual(before);
		expect(harness.youtube.requests).toHaveLength(0);
	});

	it('summarizes the caption track picked by hand', async () => {
		const german = CUES.map((cue) => ({ ...cue, text: `Auf Deutsch: ${cue.text}` }));
		harness.youtube.set({ timedtext: captionsFromCues({ en: CUES, de: german }) });
		const plugin = await harness.loadPlugin();
		await runOnSourceNote(plugin, 'summarize-with-captions');
		await waitFor(() => suggestionTexts().then((texts) => texts.length > 0));
		expect(await suggestionTexts()).toEqual(
			expect.arrayContaining(['English', 'English (auto-generated)', 'German']),
		);
		await chooseSuggestion('German');

		expect(await finalNotice()).toMatch(/^Digest written: /);
		expect(JSON.stringify(harness.openai.requests[0].messages)).toContain('Auf Deutsch: Microsoft just released');
		expect(timedtextRequests().map((request) => request.query.get('lang'))).toEqual(['de']);
	});

	it('offers the transcript commands on Markdown notes in reading view too', async () => {
		const plugin = await harness.loadPlugin({ files: { [`${VIDEO_ID}.srt`]: SRT } });
		await openInEditor(plugin.app, SOURCE_PATH, { mode: 'preview' });
		await plugin.runCommand('summarize-with-transcript-file');
		await waitFor(() => suggestionTexts().then((texts) => texts.length > 0));
		expect(await suggestionTexts()).toEqual([`${VIDEO_ID}.srt`]);
	});
});
