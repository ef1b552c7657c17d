import { mapWithConcurrency } from '../concurrency';
import { throwIfCancelled } from '../errors';
import { splitIntoChunks, TranscriptChunk } from '../transcript/chunking';
import { Paragraph } from '../transcript/paragraphs';
import { formatTimestamp } from '../transcript/timestamps';
import { TranscriptSegment } from '../youtube/transcriptSession';
import { VideoInfo } from '../youtube/videoInfo';
import { ChatMessage, ChatModel, TokenUsage } from './chatModel';
import { NamedNote } from './entityGrounding';
import { claimSource } from './claimSupport';
import { checkDigest, ContentCheckContext, ContentIssue, describeIssues, repairProblems } from './contentCheck';
import { buildDigestMessages, VideoPart } from './digestPrompt';
import { DIGEST_SCHEMA, DIGEST_SPEC, MERGE_SPEC } from './digestSchema';
import { Digest } from './grounding';
import { languageName } from './languageName';
import { buildMergeMessages } from './mergePrompt';
import { addUsage, requestStructured, StructuredSpec } from './structuredRequest';
import { estimateTokens } from './tokenEstimate';

export interface SummarizeInput {
	info: VideoInfo;
	paragraphs: Paragraph[];
	segments: TranscriptSegment[];
	outputLanguage: string;
	/** The captions' language code, to know whether the digest's capitalised words can be checked as names. */
	transcriptLanguage?: string;
	/** From the template: sent with every call (see templateInstructions). */
	instructions?: string;
	/** The vault's notes: an entity the video names by an alias of its note counts as named. */
	notes?: NamedNote[];
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
	/** What the content check found still wrong, or fixed by dropping something; empty for a clean answer. */
	warnings: string[];
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
	const salvaged: string[] = [];
	const ask = async <T>(messages: ChatMessage[], spec: StructuredSpec<T>, signal?: AbortSignal): Promise<T> => {
		const result = await requestStructured(model, messages, spec, signal);
		addUsage(usage, result.usage);
		calls += result.calls;
		for (const path of result.salvaged ?? []) salvaged.push(`the model gave no usable ${path.slice(2)}: left out`);
		return result.value;
	};
	const duration = input.info.durationSeconds;
	const messagesFor = (paragraphs: Paragraph[], part?: VideoPart, segments = input.segments) =>
		buildDigestMessages({
			title: input.info.title,
			channel: input.info.channel.name,
			durationSeconds: duration,
			chapters: input.info.chapters,
			paragraphs,
			segments,
			description: input.info.description,
			instructions: input.instructions,
			outputLanguage: input.outputLanguage,
			boundary: options.boundary(),
			part,
		});
	const issues: ContentIssue[] = [];
	const checkContext = contentCheckContext(input);
	/** The content check runs on every answer, and what it cannot fix goes back in the one repair call. */
	const checked = async <T extends Parameters<typeof checkDigest>[0]>(
		messages: ChatMessage[],
		spec: StructuredSpec<T>,
		context: ContentCheckContext,
		signal?: AbortSignal,
	): Promise<Digest> => {
		const review = (value: T) => repairProblems(checkDigest(value, context).issues);
		const result = checkDigest(await ask(messages, { ...spec, review }, signal), context);
		issues.push(...result.issues);
		return result.digest;
	};

	if (plan.chunks.length <= 1) {
		const digest = await checked(messagesFor(input.paragraphs), DIGEST_SPEC, checkContext, options.signal);
		return { digest, usage, calls, rounds: 1, warnings: [...describeIssues(issues), ...salvaged] };
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
			const inPart = (seconds: number) => seconds >= chunk.start && (!next || seconds < next.start);
			const own = input.segments.filter((segment) => inPart(segment.start));
			try {
				const digest = await checked(
					messagesFor(chunk.paragraphs, part, own),
					DIGEST_SPEC,
					{
						...checkContext,
						segments: own,
						chapters: input.info.chapters.filter((chapter) => inPart(chapter.startSeconds)),
					},
					controller.signal,
				);
				options.onPart?.(++finished, plan.chunks.length);
				return { start: chunk.start, end: chunk.end, digest };
			} catch (error) {
				controller.abort();
				throw error;
			}
		});
		throwIfCancelled(options.signal);
		const whole = await checked(
			buildMergeMessages({
				title: input.info.title,
				channel: input.info.channel.name,
				durationSeconds: duration,
				parts,
				outputLanguage: input.outputLanguage,
				instructions: input.instructions,
				boundary: options.boundary(),
			}),
			MERGE_SPEC,
			{ ...checkContext, withSections: false },
			options.signal,
		);
		return {
			digest: { ...whole, sections: parts.flatMap((part) => part.digest.sections) },
			usage,
			calls,
			rounds: 2,
			warnings: [...describeIssues(issues), ...salvaged],
		};
	} finally {
		options.signal?.removeEventListener('abort', abort);
	}
}

/** The whole video's check; parts narrow the segments and chapters to their own. */
function contentCheckContext(input: SummarizeInput): ContentCheckContext {
	const { info } = input;
	const digestLanguage = languageName(input.outputLanguage);
	const captionLanguage = languageName(input.transcriptLanguage ?? input.outputLanguage);
	return {
		segments: input.segments,
		durationSeconds: info.durationSeconds,
		chapters: info.chapters,
		title: info.title,
		description: info.description,
		// Capitalised words are names only in the captions' own language, and not in German, which capitalises nouns.
		checkNames: digestLanguage === captionLanguage && digestLanguage !== 'German',
		notes: input.notes,
		withSections: true,
		source: claimSource(input.segments, info.title, info.description),
	};
}
