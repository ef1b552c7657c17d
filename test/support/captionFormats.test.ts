import { escapeCaptionXml, toJson3, toSrv1, toSrv3 } from './captionFormats';
import { loadRecordedPlayer, loadRecordedText, recordedFixturePath } from './fixtures';
import type { Cue } from './syntheticTranscript';

const cues: Cue[] = [
	{ start: 15.519, duration: 4.241, text: "for years it's one" },
	{ start: 17.96, duration: 4.96, text: 'fans have asked' },
	{ start: 19.76, duration: 5.439, text: 'press have asked' },
];

describe('toSrv3', () => {
	it('writes ASR cues with word spans, relative offsets and a=1 append cues', () => {
		const body = toSrv3(cues, { asr: true });
		expect(body.startsWith('<?xml version="1.0" encoding="utf-8" ?><timedtext format="3">\n<head>')).toBe(true);
		expect(body).toContain('<w t="0" id="1" wp="1" ws="1"/>');
		// Words are spread over the time until the next cue starts (2441 ms here).
		expect(body).toContain(
			'<p t="15519" d="4241" w="1"><s ac="0">for</s><s t="610" ac="0"> years</s><s t="1221" ' +
				'ac="0"> it&#39;s</s><s t="1831" ac="0"> one</s></p>',
		);
		// The append cue starts 10 ms before the next line and lasts until the current line leaves (19760).
		expect(body).toContain('<p t="17950" d="1810" w="1" a="1">\n</p>');
		expect(body.match(/a="1"/g)).toHaveLength(2);
		expect(body.endsWith('</body>\n</timedtext>')).toBe(true);
	});

	it('writes manual cues with escaped text directly in <p>', () => {
		const body = toSrv3([{ start: 1.36, duration: 1.68, text: `Tom & "Jerry" <3 it's\nnew line` }]);
		expect(body).toContain('<p t="1360" d="1680">Tom &amp; &quot;Jerry&quot; &lt;3 it&#39;s\nnew line</p>');
		expect(body).not.toContain('<s');
		expect(body).not.toContain('<head>');
	});
});

describe('toJson3', () => {
	it('writes manual events with one unescaped segment each', () => {
		const body = JSON.parse(toJson3([{ start: 4.04, duration: 5.09, text: 'Good & bad\nnews.' }])) as unknown;
		expect(body).toEqual({
			wireMagic: 'pb3',
			pens: [{}],
			wsWinStyles: [{}],
			wpWinPositions: [{}],
			events: [{ tStartMs: 4040, dDurationMs: 5090, segs: [{ utf8: 'Good & bad\nnews.' }] }],
		});
	});

	it('writes ASR events with a window event, word segments and aAppend newlines', () => {
		const body = JSON.parse(toJson3(cues, { asr: true })) as { events: unknown[] };
		expect(body.events.slice(0, 3)).toEqual([
			{ tStartMs: 0, dDurationMs: 25199, id: 1, wpWinPosId: 1, wsWinStyleId: 1 },
			{
				tStartMs: 15519,
				dDurationMs: 4241,
				wWinId: 1,
				segs: [
					{ utf8: 'for', acAsrConf: 0 },
					{ utf8: ' years', tOffsetMs: 610, acAsrConf: 0 },
					{ utf8: " it's", tOffsetMs: 1221, acAsrConf: 0 },
					{ utf8: ' one', tOffsetMs: 1831, acAsrConf: 0 },
				],
			},
			{ tStartMs: 17950, dDurationMs: 1810, wWinId: 1, aAppend: 1, segs: [{ utf8: '\n' }] },
		]);
	});
});

describe('toSrv1', () => {
	const tricky: Cue[] = [
		{ start: 0, duration: 1.54, text: 'Hey, this is just a test' },
		{ start: 8.94, duration: 2.1, text: `Hey, I'm Jason & that's "it"` },
	];

	it('double-escapes by default, like live srv1, with times in seconds', () => {
		expect(toSrv1(tricky)).toBe(
			'<?xml version="1.0" encoding="utf-8" ?><transcript>' +
				'<text start="0" dur="1.54">Hey, this is just a test</text>' +
				'<text start="8.94" dur="2.1">Hey, I&amp;#39;m Jason &amp;amp; that&amp;#39;s ' +
				'&amp;quot;it&amp;quot;</text>' +
				'</transcript>',
		);
	});

	it('escapes once with doubleEscape: false', () => {
		expect(toSrv1(tricky, { doubleEscape: false })).toContain('Hey, I&#39;m Jason &amp; that&#39;s &quot;it&quot;');
	});

	it('matches the recorded classic transcript.xml cue layout', () => {
		const recorded = loadRecordedText('transcript.xml');
		expect(recorded).toContain('<text start="0" dur="1.54">Hey, this is just a test</text>');
		expect(toSrv1(tricky)).toContain('<text start="0" dur="1.54">Hey, this is just a test</text>');
	});
});

describe('escapeCaptionXml', () => {
	it('escapes the five characters YouTube escapes', () => {
		expect(escapeCaptionXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
		);
	});
});

describe('recorded fixtures', () => {
	it('loads players as fresh copies and pages as text', () => {
		const player = loadRecordedPlayer('youtube.innertube.json');
		expect(player.videoDetails?.videoId).toBe('GJLlxj_dtq8');
		expect(player.captions?.playerCaptionsTracklistRenderer?.captionTracks).toHaveLength(9);
		player.videoDetails = undefined;
		expect(loadRecordedPlayer('youtube.innertube.json').videoDetails?.videoId).toBe('GJLlxj_dtq8');
		expect(loadRecordedText('youtube_too_many_requests.html')).toContain('class="g-recaptcha"');
		expect(recordedFixturePath('transcript.xml')).toMatch(
			/test[/\\]fixtures[/\\]youtube[/\\]recorded[/\\]transcript\.xml$/,
		);
		expect(() => recordedFixturePath('../x.json')).toThrow();
	});
});
