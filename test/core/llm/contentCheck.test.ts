import { checkDigest, ContentCheckContext, describeIssues, repairProblems } from '../../../src/core/llm/contentCheck';
import { ModelDigest } from '../../../src/core/llm/digestSchema';
import { goodReviewAnswer, REVIEW_CHAPTERS, REVIEW_CUES, weakReviewAnswer } from '../../support/reviewVideo';

const context: ContentCheckContext = {
	segments: REVIEW_CUES,
	durationSeconds: 316,
	chapters: REVIEW_CHAPTERS.map((chapter) => ({ title: chapter.title, startSeconds: chapter.start })),
	title: 'Surface Go Review - It’s Awesome',
	description:
		'Dave2D review of the Microsoft Surface Go. This is the best 2 in 1 laptop from Microsoft for students.',
	checkNames: true,
	withSections: true,
};
const good = () => goodReviewAnswer() as unknown as ModelDigest;
const weak = () => weakReviewAnswer() as unknown as ModelDigest;
const starts = new Set(REVIEW_CUES.map((cue) => cue.start));

describe('the content check', () => {
	it('passes a careful answer untouched, every time the start of a caption line or a chapter', () => {
		const { digest, issues } = checkDigest(good(), context);
		expect(issues).toEqual([]);
		expect(digest.insights).toHaveLength(7);
		const times = [...digest.insights.map((item) => item.seconds), ...digest.questions.map((item) => item.seconds)];
		for (const time of times) expect(starts.has(time as number)).toBe(true);
		expect(digest.sections.map((section) => section.seconds)).toEqual([0, 65, 150, 248]);
		expect(digest.entities.map((entity) => entity.name)).toEqual([
			'Surface Go',
			'Microsoft',
			'Intel Pentium Gold', // the captions say "intel pentiem gold": a close spelling counts
			'Surface Pro',
		]);
	});

	it('resolves a label to the caption line playing then: 2:50 is the line that started at 2:47', () => {
		const answer = good();
		answer.insights[3].at = '2:50';
		expect(checkDigest(answer, context).digest.insights[3].seconds).toBe(167);
	});

	it('starts sections at their chapters, sorts them, and gives missing chapters back to the model', () => {
		const { digest, issues } = checkDigest(weak(), context);
		// "Design" at 1:03 follows the chapter "Design and keyboard" at 1:05; "Verdict" at 4:07 the one at 4:08.
		expect(digest.sections.map((section) => [section.title, section.seconds])).toEqual([
			['Intro', 0],
			['Design', 65],
			['Verdict', 248],
		]);
		expect(issues).toContainEqual({ kind: 'section-order', detail: 'sections' });
		expect(repairProblems(issues)).toContain(
			'there is no section for the chapter "Performance and battery" at [2:30]',
		);
	});

	it('drops what it can fix and says so: references, repeats, a price never said, invented entities', () => {
		const { digest, issues } = checkDigest(weak(), context);
		// The reference "design section" is not a time: kept without a timestamp, and reported.
		expect(digest.insights.find((item) => item.text.startsWith('The design is'))?.seconds).toBeNull();
		// "$549" is never said: the insight is left out, not shown with a real-looking timestamp.
		expect(digest.insights.some((item) => item.text.includes('$549'))).toBe(false);
		// "9:59" is past the end; the question repeats an earlier one and goes too.
		expect(digest.questions.map((item) => item.question)).toEqual([
			'Can the Surface Go replace a laptop?',
			'Which configuration should I buy?',
			'How long does the battery last?',
		]);
		expect(digest.takeaways).toEqual([
			'Buy the 8 GB model rather than the base model.',
			'Budget for the Type Cover.',
			'Switch out of S mode if you need other apps.',
		]);
		expect(digest.entities.map((entity) => entity.name)).not.toContain('Dave Lee');
		expect(digest.entities.map((entity) => entity.name)).not.toContain('the reviewer');
		expect(repairProblems(issues)).toEqual(
			expect.arrayContaining([
				'insights[5] states "$549", which the transcript does not say near [2:30]: keep to what the video says',
				'insights[6].at "design section" is not a [time] label of the transcript',
				'questions[3].at "9:59" is not a [time] label of the transcript',
			]),
		);
		const warnings = describeIssues(issues);
		expect(warnings).toEqual(
			expect.arrayContaining([
				'2 references to no moment of the video left without a timestamp ("design section", "9:59")',
				'no section for 1 chapter ("Performance and battery")',
				'sections came out of order and were sorted',
				'1 generic entity left out ("the reviewer")',
				'1 entity the video never names left out',
				'1 item stating what the video does not say left out ("$549")',
			]),
		);
		expect(warnings.join(' ')).not.toContain('Dave Lee');
	});

	it('re-points a figure said elsewhere to where the video says it', () => {
		const answer = good();
		answer.insights[5].at = '0:30'; // the battery claim, said at 3:37 and 3:42
		const { digest, issues } = checkDigest(answer, context);
		expect(digest.insights[5].seconds).toBe(222.6);
		expect(issues).toEqual([]);
	});

	it('flags a name the video never says, and leaves names alone in another language', () => {
		const answer = good();
		answer.questions[0].answer = 'Yes, and it beats the Lenovo Duet for writing.';
		expect(repairProblems(checkDigest(answer, context).issues)).toContain(
			'questions[0].answer states "lenovo duet", which the transcript does not say near [2:41]: ' +
				'keep to what the video says',
		);
		expect(checkDigest(answer, { ...context, checkNames: false }).issues).toEqual([]);
	});

	it('cuts lists longer than asked and asks for more when there are too few', () => {
		const answer = good();
		answer.insights = [
			...answer.insights,
			...answer.insights.map((item) => ({ ...item, text: `${item.text} Also.` })),
		];
		answer.insights.push(
			{ emoji: '🔊', text: 'The front speakers are surprisingly loud.', at: '3:54' },
			{ emoji: '📷', text: 'The webcam is good enough for calls.', at: '4:00' },
			{ emoji: '💾', text: 'A micro SD slot sits under the kickstand.', at: '2:04' },
		);
		answer.takeaways = ['Buy the 8 GB model.'];
		const { digest, issues } = checkDigest(answer, context);
		expect(digest.insights).toHaveLength(9);
		expect(describeIssues(issues)).toEqual(
			expect.arrayContaining([
				'lists longer than asked were cut (insights 10 → 9)',
				'fewer items than asked: 1 takeaways (3-7 asked)',
			]),
		);
		expect(repairProblems(issues)).toContain('takeaways has 1 distinct items; write 3-7, each a different point');
	});
});

describe('a padded answer', () => {
	it('is cut before the pairwise checks: ten thousand insights end as at most the asked count', () => {
		const answer = good();
		const padded = {
			...answer,
			insights: Array.from({ length: 10_000 }, (_, index) => ({
				...answer.insights[0],
				text: `Point ${index}.`,
			})),
			takeaways: Array.from({ length: 10_000 }, (_, index) => `Takeaway number ${index}.`),
		};
		const { digest, issues } = checkDigest(padded, context);
		expect(digest.insights.length).toBeLessThanOrEqual(9);
		expect(digest.takeaways.length).toBeLessThanOrEqual(7);
		expect(issues.some((issue) => issue.kind === 'too-many')).toBe(true);
	});
});
