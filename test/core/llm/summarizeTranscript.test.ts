import { formatTimestamp } from '../../../src/core/transcript/timestamps';
import { randomBoundary } from '../../../src/core/llm/dataBoundary';
import { ChatModel } from '../../../src/core/llm/chatModel';
import { createOpenAIChatModel } from '../../../src/core/llm/openaiChatModel';
import { planSummary, summarizeTranscript } from '../../../src/core/llm/summarizeTranscript';
import { groupIntoParagraphs } from '../../../src/core/transcript/paragraphs';
import { VideoInfo } from '../../../src/core/youtube/videoInfo';
import { delayed, errorReply, FakeOpenAI, jsonReply, startFakeOpenAI } from '../../support/fakeOpenAIServer';
import { routedHttp } from '../../support/routedHttp';
import { isMergeRequest, scriptedAnswer } from '../../support/scriptedDigest';
import { syntheticCues } from '../../support/syntheticTranscript';
import { scriptedChatModel } from '../../support/scriptedChatModel';

const DURATION = 10_800;
const segments = syntheticCues({ durationSeconds: DURATION, seed: 11 });
const info: VideoInfo = {
	id: 'LongVideo01',
	url: 'https://www.youtube.com/watch?v=LongVideo01',
	title: 'A three-hour talk',
	channel: { name: 'Channel', id: 'UC1', url: '' },
	durationSeconds: DURATION,
	description: '',
	thumbnail: '',
	keywords: [],
	published: null,
	chapters: [],
	isLive: false,
};
const input = { info, paragraphs: groupIntoParagraphs(segments), segments, outputLanguage: 'en' };

let openai: FakeOpenAI;
beforeAll(async () => {
	openai = await startFakeOpenAI();
});
afterAll(() => openai.close());
beforeEach(() => {
	openai.reset();
	openai.set({ respond: (request) => delayed(150, jsonReply(scriptedAnswer(request))) });
});

function countingModel(): { model: ChatModel; maxInFlight: () => number } {
	const inner = createOpenAIChatModel({
		http: routedHttp({}).http,
		baseUrl: openai.baseUrl,
		apiKey: 'k',
		model: 'm',
	});
	let inFlight = 0;
	let max = 0;
	return {
		model: {
			...inner,
			async complete(request) {
				max = Math.max(max, ++inFlight);
				try {
					return await inner.complete(request);
				} finally {
					inFlight--;
				}
			},
		},
		maxInFlight: () => max,
	};
}

describe('summarizeTranscript on a three-hour transcript', () => {
	it('says what it left out of an answer that missed the schema twice', async () => {
		const model = scriptedChatModel((request) => ({ ...(scriptedAnswer(request) as object), tags: 'talk' }));
		const plan = planSummary(input, 200_000);
		const outcome = await summarizeTranscript(model, input, plan, {
			budgetTokens: 200_000,
			concurrency: 1,
			boundary: randomBoundary,
		});
		expect(outcome.digest.tags).toEqual([]);
		expect(outcome.digest.tldr).not.toBe('');
		expect(outcome.warnings).toContain('the model gave no usable tags: left out');
	});

	it('sends one call when the transcript fits the budget', async () => {
		const plan = planSummary(input, 200_000);
		expect(plan.chunks).toHaveLength(1);
		const outcome = await summarizeTranscript(countingModel().model, input, plan, {
			budgetTokens: 200_000,
			concurrency: 4,
			boundary: randomBoundary,
		});
		expect(outcome).toMatchObject({ calls: 1, rounds: 1 });
	});

	it('summarizes the parts in parallel, then merges them in a second round covering the whole timeline', async () => {
		const plan = planSummary(input, 12_000);
		expect(plan.chunks.length).toBeGreaterThanOrEqual(4);
		const counting = countingModel();
		const outcome = await summarizeTranscript(counting.model, input, plan, {
			budgetTokens: 12_000,
			concurrency: 4,
			boundary: randomBoundary,
		});

		expect(outcome.calls).toBe(plan.chunks.length + 1);
		expect(outcome.rounds).toBe(2);
		expect(counting.maxInFlight()).toBe(4);
		const requests = openai.requests;
		expect(requests.filter(isMergeRequest)).toHaveLength(1);
		expect(isMergeRequest(requests[requests.length - 1])).toBe(true);
		// Each part was sent only its own stretch of the transcript.
		const mapBodies = requests
			.filter((request) => !isMergeRequest(request))
			.map((request) => String(request.messages[1].content));
		// A paragraph's line opens with its label and its first caption line (more labels follow inside it).
		const opening = (chunk: (typeof plan.chunks)[number]) => {
			const start = chunk.paragraphs[0].start;
			const first = segments.find((segment) => segment.start === start)?.text ?? '';
			return `[${formatTimestamp(start, true)}] ${first}`;
		};
		plan.chunks.forEach((chunk, index) => {
			expect(
				mapBodies.some(
					(body) =>
						body.includes(opening(chunk)) &&
						!body.includes(opening(plan.chunks[(index + 1) % plan.chunks.length])),
				),
			).toBe(true);
		});

		// Sections come from every part, in order, each grounded inside its own part.
		const starts = new Set(segments.map((segment) => segment.start));
		const sections = outcome.digest.sections;
		expect(sections.length).toBe(plan.chunks.length * 2);
		plan.chunks.forEach((chunk, index) => {
			for (const section of sections.slice(index * 2, index * 2 + 2)) {
				expect(section.seconds).not.toBeNull();
				expect(section.seconds as number).toBeGreaterThanOrEqual(chunk.start);
				expect(section.seconds as number).toBeLessThan(chunk.end);
			}
		});
		// The merged insights cite real moments spread over the video.
		const insightTimes = outcome.digest.insights.map((insight) => insight.seconds);
		for (const time of insightTimes) expect(starts.has(time as number)).toBe(true);
		expect(Math.max(...(insightTimes as number[]))).toBeGreaterThan(DURATION * 0.6);
		expect(outcome.digest.tldr).toBe('The merged TL;DR.');
	});

	it('cancels every part in flight when one part fails', async () => {
		let calls = 0;
		openai.set({
			respond: (request) =>
				calls++ === 1
					? errorReply(401, { message: 'Incorrect API key' })
					: delayed(2000, jsonReply(scriptedAnswer(request))),
		});
		const plan = planSummary(input, 12_000);
		const started = Date.now();
		await expect(
			summarizeTranscript(countingModel().model, input, plan, {
				budgetTokens: 12_000,
				concurrency: 4,
				boundary: randomBoundary,
			}),
		).rejects.toMatchObject({
			kind: 'bad-api-key',
		});
		expect(openai.requests.filter(isMergeRequest)).toHaveLength(0);
		expect(Date.now() - started).toBeLessThan(1900);
	});
});
