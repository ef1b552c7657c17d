import {
	formatChapterTimestamp,
	MAX_WORDS_PER_MINUTE,
	MIN_WORDS_PER_MINUTE,
	syntheticChapters,
	syntheticChaptersDescription,
	syntheticCues,
	type Cue,
} from './syntheticTranscript';

const wordCount = (cues: readonly Cue[]) =>
	cues.reduce((sum, cue) => sum + cue.text.split(/\s+/).filter(Boolean).length, 0);

describe('syntheticCues', () => {
	it('is deterministic per seed and differs between seeds', () => {
		const a = syntheticCues({ durationSeconds: 300, seed: 42 });
		expect(syntheticCues({ durationSeconds: 300, seed: 42 })).toEqual(a);
		expect(syntheticCues({ durationSeconds: 300, seed: 43 })).not.toEqual(a);
	});

	it.each([
		['manual', false],
		['asr', true],
	])('%s cues cover the whole duration at 140-160 wpm with ms-exact times', (_label, asrStyle) => {
		const durationSeconds = 600;
		const cues = syntheticCues({ durationSeconds, asrStyle });
		expect(cues[0]?.start).toBe(0);
		for (const [i, cue] of cues.entries()) {
			expect(Number.isInteger(Math.round(cue.start * 1000))).toBe(true);
			expect(Math.abs(cue.start * 1000 - Math.round(cue.start * 1000))).toBeLessThan(1e-6);
			expect(cue.duration).toBeGreaterThan(0);
			expect(cue.text.length).toBeGreaterThan(0);
			const next = cues[i + 1];
			if (next) expect(next.start).toBeGreaterThan(cue.start);
		}
		const last = cues[cues.length - 1];
		expect(last.start + last.duration).toBeCloseTo(durationSeconds, 6);
		const wpm = wordCount(cues) / (durationSeconds / 60);
		expect(wpm).toBeGreaterThanOrEqual(MIN_WORDS_PER_MINUTE);
		expect(wpm).toBeLessThanOrEqual(MAX_WORDS_PER_MINUTE);
	});

	it('manual cues are contiguous and punctuated; ASR cues roll (end where the cue after next starts)', () => {
		const manual = syntheticCues({ durationSeconds: 120 });
		manual
			.slice(0, -1)
			.forEach((cue, i) => expect(cue.start + cue.duration).toBeCloseTo(manual[i + 1]?.start ?? NaN, 6));
		expect(manual.map((cue) => cue.text).join(' ')).toMatch(/[.?]/);
		expect(manual.map((cue) => cue.text).join(' ')).toMatch(/[A-Z]/);

		const asr = syntheticCues({ durationSeconds: 120, asrStyle: true });
		asr.slice(0, -2).forEach((cue, i) => expect(cue.start + cue.duration).toBeCloseTo(asr[i + 2]?.start ?? NaN, 6));
		const asrText = asr.map((cue) => cue.text).join(' ');
		expect(asrText).toBe(asrText.toLowerCase());
		expect(asrText).not.toMatch(/[.,?!"]/);
	});

	it('honours cueSeconds and handles durations shorter than one cue', () => {
		const cues = syntheticCues({ durationSeconds: 600, cueSeconds: 10 });
		expect(cues.length).toBeGreaterThan(50);
		expect(cues.length).toBeLessThan(70);
		expect(syntheticCues({ durationSeconds: 1.5 })).toEqual([expect.objectContaining({ start: 0, duration: 1.5 })]);
		expect(() => syntheticCues({ durationSeconds: 0 })).toThrow(RangeError);
	});

	it('generates a 3-hour transcript at a speaking pace', () => {
		const cues = syntheticCues({ durationSeconds: 3 * 3600, asrStyle: true });
		expect(wordCount(cues)).toBeGreaterThan(140 * 180);
	});
});

describe('synthetic chapters', () => {
	it.each([
		[600, 5],
		[3600, 12],
		[3 * 3600, 30],
		[30, 3],
	])('obeys YouTube chapter rules for %is / %i chapters', (duration, count) => {
		const chapters = syntheticChapters(duration, count);
		expect(chapters).toHaveLength(count);
		expect(chapters[0]).toEqual({ startSeconds: 0, title: 'Intro' });
		const ends = [...chapters.slice(1).map((c) => c.startSeconds), duration];
		chapters.forEach((chapter, i) => expect(ends[i] - chapter.startSeconds).toBeGreaterThanOrEqual(10));
	});

	it('writes a description with one "timestamp title" line per chapter', () => {
		const description = syntheticChaptersDescription(3 * 3600, 6, 9);
		const lines = description.split('\n').filter((line) => /^\d+:\d{2}(:\d{2})? /.test(line));
		expect(lines).toHaveLength(6);
		expect(lines[0]).toBe('0:00 Intro');
		expect(lines[5]).toMatch(/^\d:\d{2}:\d{2} Wrap-up$/);
		expect(syntheticChaptersDescription(3 * 3600, 6, 9)).toBe(description);
	});

	it('formats timestamps like YouTube descriptions', () => {
		expect(formatChapterTimestamp(0)).toBe('0:00');
		expect(formatChapterTimestamp(65)).toBe('1:05');
		expect(formatChapterTimestamp(3599)).toBe('59:59');
		expect(formatChapterTimestamp(3723)).toBe('1:02:03');
	});

	it('refuses impossible chapter lists', () => {
		expect(() => syntheticChapters(600, 2)).toThrow(RangeError);
		expect(() => syntheticChapters(29, 3)).toThrow(RangeError);
	});
});
