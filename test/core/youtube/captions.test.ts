import { detectCaptionFormat, json3ToSrv3 } from '../../../src/core/youtube/captionBody';
import { cleanCaptionText, decodeEntities } from '../../../src/core/youtube/captionText';
import { normalizeSegments } from '../../../src/core/youtube/transcriptSession';

describe('caption text', () => {
	it('decodes entities escaped once or twice, as classic captions often are', () => {
		expect(decodeEntities('Hey, I&amp;#39;m Jason &amp;amp; that&amp;#39;s &amp;quot;it&amp;quot;')).toBe(
			'Hey, I\'m Jason & that\'s "it"',
		);
		expect(decodeEntities('&#9834; We&#39;re &#x2014; here')).toBe("♪ We're — here");
	});

	it('strips tags and line breaks', () => {
		expect(cleanCaptionText('this is &lt;i>not&lt;/i> the\noriginal  transcript ')).toBe(
			'this is not the original transcript',
		);
	});
});

describe('caption bodies', () => {
	it('tells the three formats apart', () => {
		expect(
			detectCaptionFormat(
				'<?xml version="1.0" ?><timedtext format="3"><body><p t="0" d="1">a</p></body></timedtext>',
			),
		).toBe('srv3');
		expect(
			detectCaptionFormat('<?xml version="1.0" ?><transcript><text start="0" dur="1">a</text></transcript>'),
		).toBe('srv1');
		expect(detectCaptionFormat('{"wireMagic":"pb3","events":[]}')).toBe('json3');
		expect(detectCaptionFormat('<html>sorry</html>')).toBe('unknown');
	});

	it('rewrites json3 as srv3, skipping window events and newline-only appends', () => {
		const json3 = JSON.stringify({
			events: [
				{ tStartMs: 0, dDurationMs: 211879, id: 1 },
				{ tStartMs: 919, dDurationMs: 4100, segs: [{ utf8: 'hey' }, { utf8: ' <and>', tOffsetMs: 360 }] },
				{ tStartMs: 3030, dDurationMs: 3010, aAppend: 1, segs: [{ utf8: '\n' }] },
				{ tStartMs: '3040', dDurationMs: '6639', segs: [{ utf8: 'we are' }] },
			],
		});
		expect(json3ToSrv3(json3)).toBe(
			'<?xml version="1.0" encoding="utf-8" ?><timedtext format="3"><body>' +
				'<p t="919" d="4100">hey &lt;and&gt;</p><p t="3040" d="6639">we are</p></body></timedtext>',
		);
	});
});

describe('normalizeSegments', () => {
	it('converts to seconds, drops empty cues and ends each cue where the next begins', () => {
		const raw = [
			{ text: 'one', offset: 1000, duration: 5000 },
			{ text: '  ', offset: 2000, duration: 1000 },
			{ text: 'two', offset: 3000, duration: 4000 },
		];
		expect(normalizeSegments(raw, 0.001)).toEqual([
			{ start: 1, duration: 2, text: 'one' },
			{ start: 3, duration: 4, text: 'two' },
		]);
	});
});
