import { groupIntoParagraphs } from '../../../src/core/transcript/paragraphs';
import { labelledParagraphs } from '../../../src/core/transcript/timeLabels';
import { REVIEW_CUES } from '../../support/reviewVideo';
import { syntheticCues } from '../../support/syntheticTranscript';

const seconds = (label: string) => label.split(':').reduce((total, part) => total * 60 + Number(part), 0);

describe('time labels for the model', () => {
	it.each([
		['the review video', REVIEW_CUES],
		['a synthetic hour of auto-captions', syntheticCues({ durationSeconds: 3600, seed: 3 })],
	])('in %s: a label at least every 20 s of speech, each the start of a real caption line', (_name, cues) => {
		const lines = labelledParagraphs(groupIntoParagraphs(cues), cues, cues[cues.length - 1].start >= 3600);
		const labels = lines.flatMap((line) => [...line.matchAll(/\[(\d+(?::\d{2}){1,2})\]/g)].map((m) => m[1]));
		const starts = new Set(cues.map((cue) => Math.floor(cue.start)));
		for (const label of labels) expect(starts.has(seconds(label))).toBe(true);
		const times = labels.map(seconds);
		// Every caption line is at most 20 s (plus the line's own length when one line is longer) after a label.
		for (const cue of cues) {
			const label = Math.max(...times.filter((time) => time <= cue.start));
			const longLine = cues.some((other) => Math.floor(other.start) === label && other.duration > 20);
			if (!longLine) expect(cue.start - label).toBeLessThanOrEqual(20);
		}
		// Every line of text is there once, in order.
		expect(lines.join(' ').replace(/\[[\d:]+\] /g, '')).toBe(cues.map((cue) => cue.text).join(' '));
	});

	it('costs little: the labelled hour is within 5 % of the paragraphs with one label each', () => {
		const cues = syntheticCues({ durationSeconds: 3600, seed: 3 });
		const paragraphs = groupIntoParagraphs(cues);
		const labelled = labelledParagraphs(paragraphs, cues, true).join('\n').length;
		const plain = paragraphs.map((paragraph) => `[0:00:00] ${paragraph.text}`).join('\n').length;
		expect(labelled / plain).toBeLessThan(1.05);
	});
});
