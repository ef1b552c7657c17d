import type { DigestRecord } from '../digestArchive';
import { DigestError } from '../errors';
import { ChatModel, TokenUsage } from '../llm/chatModel';
import { randomBoundary } from '../llm/dataBoundary';
import { buildAskMessages } from '../llm/askPrompt';
import { ANSWER_SPEC } from '../llm/askSchema';
import { groundTimestamp } from '../llm/grounding';
import { defaultInputBudget, estimateCost, ModelPrice } from '../llm/pricing';
import { requestStructured } from '../llm/structuredRequest';
import { estimateTokens } from '../llm/tokenEstimate';
import { NoteStore } from '../notes/noteStore';
import { collapseWhitespace } from '../render/markdownSafety';
import { TimestampStyle } from '../render/timestampStyle';
import { relevantStretches } from '../transcript/relevantStretches';
import { appendAnswer, answerMarkdown } from './questionsBlock';

export interface AskDependencies {
	model: ChatModel;
	/** Most input tokens for the call; 0 chooses by server, as for digests. */
	inputBudgetTokens: number;
	prices: Record<string, ModelPrice>;
	timestampStyle: TimestampStyle;
	boundary?: () => string;
	signal?: AbortSignal;
}

export interface AskOutcome {
	answered: boolean;
	/** The grounded time of the answer, or null. */
	seconds: number | null;
	usage: TokenUsage;
	cost: number | null;
}

/** Room kept for the instructions, the question and the answer inside the input budget. */
const PROMPT_TOKENS = 400;

/**
 * A question about a digested video, answered from the kept transcript (no YouTube request) in one model
 * call, and appended to the note's questions part, which re-renders and re-runs leave alone. A long
 * transcript is cut to the stretches most related to the question.
 */
export async function askVideo(
	notes: NoteStore,
	path: string,
	record: DigestRecord,
	question: string,
	deps: AskDependencies,
): Promise<AskOutcome> {
	const asked = collapseWhitespace(question);
	if (!asked) throw new DigestError('no-question');
	const { info, paragraphs, transcript, outputLanguage } = record.data;
	const budget = (deps.inputBudgetTokens || defaultInputBudget(deps.model.baseUrl)) - PROMPT_TOKENS;
	const stretches = relevantStretches(paragraphs, asked, budget - estimateTokens(asked), (paragraph) =>
		estimateTokens(paragraph.text),
	);
	const messages = buildAskMessages({
		title: info.title,
		channel: info.channel.name,
		durationSeconds: info.durationSeconds,
		question: asked,
		paragraphs: stretches.paragraphs,
		excerpt: stretches.excerpt,
		outputLanguage: outputLanguage || transcript.languageCode,
		boundary: (deps.boundary ?? randomBoundary)(),
	});
	const { value, usage } = await requestStructured(deps.model, messages, ANSWER_SPEC, deps.signal);
	const starts = transcript.segments.map((segment) => segment.start);
	const limit = info.durationSeconds > 0 ? info.durationSeconds : (starts[starts.length - 1] ?? 0) + 60;
	const seconds = value.answered ? groundTimestamp(value.at, starts, limit) : null;
	const answer = value.answer.trim() || 'The video does not say.';
	const context = { videoId: info.id, url: info.url, durationSeconds: info.durationSeconds };
	const block = answerMarkdown(asked, answer, seconds, { ...context, timestampStyle: deps.timestampStyle });
	await appendAnswer(notes, path, block);
	const cost = estimateCost(usage, deps.model.model, deps.model.baseUrl, deps.prices);
	return { answered: value.answered, seconds, usage, cost };
}
