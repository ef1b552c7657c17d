import { DigestError } from '../../../src/core/errors';
import { languageOfFileName, parseSubtitleText, transcriptFromFile } from '../../../src/core/transcript/subtitleFile';
import { chooseTranscriptFile, transcriptFileCandidates } from '../../../src/core/transcript/transcriptFileChoice';

describe('parseSubtitleText', () => {
	it('reads SRT cues into seconds, joining lines and dropping styling and overlaps', () => {
		const srt = [
			'\uFEFF1',
			'00:00:01,500 --> 00:00:04,000',
			'<b>Hello</b>',
			'world',
			'',
			'2',
			'00:00:03,000 --> 01:00:05,250',
			'{\\an8}Next &amp; last',
		].join('\r\n');
		expect(parseSubtitleText(srt)).toEqual([
			{ start: 1.5, duration: 1.5, text: 'Hello world' },
			{ start: 3, duration: 3602.25, text: 'Next & last' },
		]);
	});

	it('reads WebVTT with cue settings, identifiers, notes and voice tags, and short times', () => {
		const vtt =
			'WEBVTT - title\n\nNOTE a comment\nspanning lines\n\nintro\n' +
			'00:05.000 --> 00:09.000 align:start\n<v Host>Hi.\n';
		expect(parseSubtitleText(vtt)).toEqual([{ start: 5, duration: 4, text: 'Hi.' }]);
	});

	it('reads text with a time at the start of each line; untimed lines continue the line before', () => {
		const text = 'My notes\n[0:00] Intro\n1:05 - Main point\nstill the main point\n1:02:03 | Late\n';
		expect(parseSubtitleText(text)).toEqual([
			{ start: 0, duration: 65, text: 'Intro' },
			{ start: 65, duration: 3658, text: 'Main point still the main point' },
			{ start: 3723, duration: 5, text: 'Late' },
		]);
	});

	it('finds nothing in text without times', () => {
		expect(parseSubtitleText('just words\n12 apples')).toEqual([]);
	});
});

describe('transcriptFromFile', () => {
	it('takes the language from the file name, else the fallback', () => {
		const file = { path: 'Subs/talk.pt-BR.srt', text: '00:00:00,000 --> 00:00:01,000\nOlá' };
		expect(transcriptFromFile(file, 'en').languageCode).toBe('pt-BR');
		expect(transcriptFromFile({ ...file, path: 'talk.srt' }, 'en').languageCode).toBe('en');
		expect(languageOfFileName('My talk.final.srt')).toBeNull();
	});

	it('is a typed error naming the file when there is no timed line', () => {
		expect(() => transcriptFromFile({ path: 'a/b.txt', text: 'nothing' })).toThrow(
			new DigestError('transcript-file-invalid', 'b.txt'),
		);
	});
});

describe('chooseTranscriptFile', () => {
	const vault = ['Subs/abc123DEF45.en.srt', 'Subs/xabc123DEF45y.srt', 'Subs/abc123DEF45.md', 'Other/notes.vtt'];

	it('prefers a linked subtitle file, then one whose name holds the id as a whole word', () => {
		expect(chooseTranscriptFile('abc123DEF45', vault, ['Note.md', 'Other/notes.vtt'])).toBe('Other/notes.vtt');
		expect(chooseTranscriptFile('abc123DEF45', vault, ['Note.md'])).toBe('Subs/abc123DEF45.en.srt');
		expect(chooseTranscriptFile('zzz', vault, [])).toBeNull();
	});

	it('lists the video’s own files first for a choice by hand, and no Markdown notes', () => {
		expect(transcriptFileCandidates('abc123DEF45', vault)).toEqual([
			'Subs/abc123DEF45.en.srt',
			'Other/notes.vtt',
			'Subs/xabc123DEF45y.srt',
		]);
	});
});

describe('hostile subtitle files', () => {
	it('reads one cue of a hundred thousand lines in linear time, joined once', () => {
		const text = `1\n00:00:01,000 --> 00:00:05,000\n${'word\n'.repeat(100_000)}`;
		const [segment] = parseSubtitleText(text);
		expect(segment.text.length).toBe('word '.length * 100_000 - 1);
	});

	it('drops a cue whose time is beyond any video, and reads old Mac line endings', () => {
		const text =
			'1\r99999999:00:00,000 --> 99999999:00:05,000\rNonsense\r\r2\r00:00:02,000 --> 00:00:04,000\rReal\r';
		expect(parseSubtitleText(text)).toEqual([{ start: 2, duration: 2, text: 'Real' }]);
	});

	it('keeps a text line that looks like a timing inside a cue as text', () => {
		const text = '1\n00:00:01,000 --> 00:00:03,000\nFirst line\n10 --> 20 is the range\n';
		expect(parseSubtitleText(text)[0].text).toBe('First line 10 --> 20 is the range');
	});
});

describe('chooseTranscriptFile with several linked files', () => {
	it('takes the linked file that names this video, not the first one linked', () => {
		const linked = ['Subs/aaaaaaaaaaa.en.srt', 'Subs/bbbbbbbbbbb.en.srt'];
		expect(chooseTranscriptFile('bbbbbbbbbbb', linked, linked)).toBe('Subs/bbbbbbbbbbb.en.srt');
	});

	it('takes a lone linked file whatever its name, but not one of several that name other videos', () => {
		expect(chooseTranscriptFile('ccccccccccc', ['talk.srt'], ['talk.srt'])).toBe('talk.srt');
		const linked = ['Subs/aaaaaaaaaaa.en.srt', 'Subs/bbbbbbbbbbb.en.srt'];
		expect(chooseTranscriptFile('ccccccccccc', linked, linked)).toBeNull();
	});
});
