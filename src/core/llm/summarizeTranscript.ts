import { mapWithConcurrency } from '../concurrency';
import { throwIfCancelled } from '../errors';
import { splitIntoChunks, TranscriptChunk } from '../transcript/chunking';
import { Paragraph } from '../transcript/paragraphs';
import { formatTimestamp } from '../transcript/timestamps';
import { TranscriptSegment } from '../youtube/transcriptSession';
import { VideoInfo } from '../youtube/videoInfo';
import { ChatMessage, ChatModel, TokenUsage } from './chatModel';
import { buildDigestMessages, VideoPart } from './digestPrompt';
import { DIGEST_SCHEMA, DIGEST_SPEC, MERGE_SPEC } from './digestSchema';
import { Digest, groundDigest } from './grounding';
import { buildMergeMessages } from './mergePrompt';
import { addUsage, requestStructured, StructuredSpec } from './structuredRequest';
import { estimateTokens } from './tokenEstimate';

export interface SummarizeInput {
	info: VideoInfo;
	paragraphs: Paragraph[];
	segments: TranscriptSegment[];
	outputLanguage: string;
}

export interface SummarizeOptions {
	/** Most input tokens one call may carry; a transcript above it is summarized in parts, then merged. */
	budgetTokens: number;
	/** How many parts are summarized at once. */
	concurrency: number;
	boundary: () => string;
	signal?: AbortSignal;
	/** Called as parts finish: (finished, total). */
	onPart?: (finished: number, total: number) => void;
}

export interface SummaryOutcome {
	digest: Digest;
	usage: TokenUsage;
	calls: number;
	/** Sequential rounds of calls: 1 for one call, 2 for parts then merge. */
	rounds: number;
}

export interface SummaryPlan {
	chunks: TranscriptChunk[];
	calls: number;
	estimatedInputTokens: number;
	estimatedOutputTokens: number;
}

/** Room in each call for the instructions and the schema, which are sent with every part. */
const FIXED_TOKENS_PER_CALL = estimateTokens(JSON.stringify(DIGEST_SCHEMA)) + 400;
const OUTPUT_TOKENS_PER_CALL = 1500;
const MERGE_INPUT_TOKENS_PER_PART = 700;

/** How the transcript will be cut and what the calls will cost, before any call is made. */
export function planSummary(input: SummarizeInput, budgetTokens: number): SummaryPlan {
	const withHours = input.info.durationSeconds >= 3600;
	const tokensOf = (paragraph: Paragraph) =>
		estimateTokens(`[${formatTimestamp(paragraph.start, withHours)}] ${paragraph.text}\n`);
	const chunks = splitIntoChunks(
		input.paragraphs,
		input.info.chapters,
		Math.max(1000, budgetTokens - FIXED_TOKENS_PER_CALL),
		tokensOf,
	);
	const parts = chunks.length;
	const transcriptTokens = chunks.reduce((sum, chunk) => sum + chunk.tokens, 0);
	const calls = parts > 1 ? parts + 1 : 1;
	const mergeTokens = parts > 1 ? parts * MERGE_INPUT_TOKENS_PER_PART : 0;
	return {
		chunks,
		calls,
		estimatedInputTokens: transcriptTokens + calls * FIXED_TOKENS_PER_CALL + mergeTokens,
		estimatedOutputTokens: calls * OUTPUT_TOKENS_PER_CALL,
	};
}

/**
 * One call when the transcript fits the budget. Otherwise the parts are summarized in parallel, each
 * grounded in its own part of the transcript, and one more call merges them; the merged digest keeps
 * the parts' sections, so every stretch of the video has its own. Two rounds whatever the length.
 */
export async function summarizeTranscript(
	model: ChatModel,
	input: SummarizeInput,
	plan: SummaryPlan,
	options: SummarizeOptions,
): Promise<SummaryOutcome> {
	const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
	let calls = 0;
	const ask = async <T>(messages: ChatMessage[], spec: StructuredSpec<T>, signal?: AbortSignal): Promise<T> => {
		const result = await requestStructured(model, messages, spec, signal);
		addUsage(usage, result.usage);
		calls += result.calls;
		return result.value;
	};
	const duration = input.info.durationSeconds;
	const messagesFor = (paragraphs: Paragraph[], part?: VideoPart) =>
		buildDigestMessages({
			title: input.info.title,
			channel: input.info.channel.name,
			durationSeconds: duration,
			chapters: input.info.chapters,
			paragraphs,
			outputLanguage: input.outputLanguage,
			boundary: options.boundary(),
			part,
		});

	if (plan.chunks.length <= 1) {
		const digest = groundDigest(
			await ask(messagesFor(input.paragraphs), DIGEST_SPEC, options.signal),
			input.segments,
			duration,
		);
		return { digest, usage, calls, rounds: 1 };
	}

	// One failed part fails the run: stop the other parts' requests instead of paying for them.
	const controller = new AbortController();
	const abort = () => controller.abort();
	options.signal?.addEventListener('abort', abort, { once: true });
	let finished = 0;
	try {
		const parts = await mapWithConcurrency(plan.chunks, options.concurrency, async (chunk, index) => {
			const part = { index, count: plan.chunks.length, start: chunk.start, end: chunk.end };
			const next = plan.chunks[index + 1];
			const own = input.segments.filter(
				(segment) => segment.start >= chunk.start && (!next || segment.start < next.start),
			);
			try {
				const digest = groundDigest(
					await ask(messagesFor(chunk.paragraphs, part), DIGEST_SPEC, controller.signal),
					own,
					duration,
				);
				options.onPart?.(++finished, plan.chunks.length);
				return { start: chunk.start, end: chunk.end, digest };
			} catch (error) {
				controller.abort();
				throw error;
			}
		});
		throwIfCancelled(options.signal);
		const merged = await ask(
			buildMergeMessages({
				title: input.info.title,
				channel: input.info.channel.name,
				durationSeconds: duration,
				parts,
				outputLanguage: input.outputLanguage,
				boundary: options.boundary(),
			}),
			MERGE_SPEC,
			options.signal,
		);
		const whole = groundDigest({ ...merged, sections: [] }, input.segments, duration);
		return {
			digest: { ...whole, sections: parts.flatMap((part) => part.digest.sections) },
			usage,
			calls,
			rounds: 2,
		};
	} finally {
		options.signal?.removeEventListener('abort', abort);
	}
}
