import type { DigestArchive } from './digestArchive';
import type { CostEstimate, DigestData, DigestRequest, DigestStage, RenderOptions } from './digest';
import { writeDigestNote } from './digestNotes/writeDigestNote';
import { DigestError, throwIfCancelled } from './errors';
import { HttpClient, withRequestTimeout } from './http';
import { SUMMARY_DEADLINE_MS, YOUTUBE_REQUEST_TIMEOUT_MS } from './defaults';
import { deadline } from './timing';
import { ChatModel } from './llm/chatModel';
import { randomBoundary } from './llm/dataBoundary';
import { defaultInputBudget, estimateCost } from './llm/pricing';
import { planSummary, SummarizeInput, summarizeTranscript, SummaryPlan } from './llm/summarizeTranscript';
import { instructionsKey, templateInstructions } from './llm/templateInstructions';
import { NoteStore } from './notes/noteStore';
import { sampleDigestContext } from './render/sampleContext';
import { formatProblem, isShippedTemplate, loadTemplateEngine } from './render/templateEngine';
import { groupIntoParagraphs } from './transcript/paragraphs';
import { TranscriptFile, transcriptFromFile } from './transcript/subtitleFile';
import { VaultIndex } from './web/vaultIndex';
import { fetchVideo } from './youtube/fetchVideo';
import { Transcript } from './youtube/transcriptSession';
import { VideoInfo } from './youtube/videoInfo';

/** The top of the core: link → transcript → digest → note. Everything it calls stands below it. */

export interface DigestDependencies {
	http: HttpClient;
	/** Null writes a transcript digest: metadata, chapters and the timestamped transcript, no summary. */
	chatModel: ChatModel | null;
	notes: NoteStore;
	now: () => Date;
	/** Stage changes; while summarizing a long video in parts, also how many parts are done. */
	onProgress?: (stage: DigestStage, parts?: { finished: number; total: number }) => void;
	signal?: AbortSignal;
	boundary?: () => string;
	/** Keeps each run's data: re-renders and translations without new requests, and re-runs without new calls. */
	archive?: DigestArchive;
	/** The vault's digests and notes, for updating in place, channel notes, entity links and related digests. */
	index?: VaultIndex;
	/** The model's whole part of the run ends by then (default: SUMMARY_DEADLINE_MS). */
	summaryDeadlineMs?: number;
	/** Asked before the model is called; false cancels the run. Absent: never asked. */
	confirmCost?: (estimate: CostEstimate) => Promise<boolean>;
	/** The vault's subtitle file for a video (its id in the name, or linked from the source note), for no captions. */
	transcriptFile?: (videoId: string, sourcePath: string | null) => Promise<TranscriptFile | null>;
}

export interface DigestOutcome extends DigestData {
	path: string;
}

/**
 * Link → transcript → digest → note. Nothing is written until everything before it has succeeded, and a
 * failure while writing undoes what the run wrote (see digestNotes/rollback.ts), so a failed run leaves
 * the vault as it was.
 */
export async function createDigest(request: DigestRequest, deps: DigestDependencies): Promise<DigestOutcome> {
	const data = await makeDigestData(request, deps);
	const created = deps.now();
	const record = {
		version: 1 as const,
		data,
		instructionsKey: instructionsKey(templateInstructions(request.options.template)),
		created: created.toISOString(),
		sourcePath: request.source?.path ?? null,
	};
	// Kept before writing, so a write that fails does not cost the model's work: a re-run finds it.
	if (data.llmCalls > 0) await deps.archive?.save(record).catch(() => undefined);
	deps.onProgress?.('writing');
	const path = await writeDigestNote(data, request, { ...deps, created });
	await deps.archive?.save({ ...record, notePath: path }).catch(() => undefined);
	return { ...data, path };
}

/**
 * Transcript and metadata (from the cache, else from YouTube), then the digest: from the cache when the
 * same video was summarized with the same model and language, else from the model.
 */
export async function makeDigestData(request: DigestRequest, deps: DigestDependencies): Promise<DigestData> {
	const prepared = await prepareDigest(request, deps);
	if (!prepared.plan) return prepared.data;
	const { data, plan, input, estimate } = prepared;
	const model = prepared.model;
	if (deps.confirmCost && !(await deps.confirmCost(estimate))) throw new DigestError('cancelled');
	const parts = plan.chunks.length > 1 ? { finished: 0, total: plan.chunks.length } : undefined;
	deps.onProgress?.('summarizing', parts);
	const summaryDeadlineMs = deps.summaryDeadlineMs ?? SUMMARY_DEADLINE_MS;
	const limit = deadline(deps.signal, summaryDeadlineMs);
	const summary = await summarizeTranscript(model, input, plan, {
		budgetTokens: request.options.inputBudgetTokens,
		concurrency: Math.max(1, request.options.concurrency),
		boundary: deps.boundary ?? randomBoundary,
		signal: limit.signal,
		onPart: (finished, total) => deps.onProgress?.('summarizing', { finished, total }),
	})
		.catch((error: unknown) => {
			if (!limit.expired()) throw error;
			const seconds = Math.round(summaryDeadlineMs / 1000);
			const limitText = seconds < 120 ? `${seconds} seconds` : `${Math.round(seconds / 60)} minutes`;
			throw new DigestError('llm-unavailable', `it did not finish within ${limitText}`);
		})
		.finally(() => limit.dispose());
	throwIfCancelled(deps.signal);
	return {
		...data,
		digest: summary.digest,
		model: model.model,
		usage: summary.usage,
		cost: estimateCost(summary.usage, model.model, model.baseUrl, request.options.prices),
		llmCalls: summary.calls,
		llmRounds: summary.rounds,
		warnings: summary.warnings,
	};
}

/**
 * What summarizing this video would cost, without calling the model (the transcript is fetched and kept,
 * so the run that follows needs no second YouTube request); null when no model call would be made.
 */
export async function estimateDigestCost(
	request: DigestRequest,
	deps: DigestDependencies,
): Promise<CostEstimate | null> {
	const prepared = await prepareDigest(request, deps);
	return prepared.plan ? prepared.estimate : null;
}

/** The data so far, and when the model has work to do, its plan and what that will cost. */
type PreparedDigest =
	| { data: DigestData; plan?: undefined }
	| { data: DigestData; model: ChatModel; input: SummarizeInput; plan: SummaryPlan; estimate: CostEstimate };

/** Transcript and metadata, then the digest from the cache when it is there, else the plan for the model. */
async function prepareDigest(request: DigestRequest, deps: DigestDependencies): Promise<PreparedDigest> {
	const { options } = request;
	await checkTemplates(options);
	deps.onProgress?.('fetching');
	const { info, transcript, clientName } = await videoAndTranscript(request, deps);
	throwIfCancelled(deps.signal);
	const paragraphs = groupIntoParagraphs(transcript.segments, info.chapters);
	const outputLanguage = options.outputLanguage.trim() || transcript.languageCode;
	const data: DigestData = {
		info,
		transcript,
		paragraphs,
		digest: null,
		model: '',
		outputLanguage,
		usage: null,
		cost: null,
		llmCalls: 0,
		llmRounds: 0,
		clientName,
	};
	const model = deps.chatModel;
	if (!model) return { data };

	const instructions = templateInstructions(options.template);
	// A transcript chosen by hand is summarized anew, not answered with the digest of another transcript.
	const cached = request.transcript ? null : await deps.archive?.load(info.id, outputLanguage).catch(() => null);
	const sameRequest =
		cached?.data.model === model.model && (cached.instructionsKey ?? '') === instructionsKey(instructions);
	if (cached?.data.digest && sameRequest) {
		const { digest, usage, cost, warnings } = cached.data;
		return { data: { ...data, digest, model: model.model, usage, cost, warnings } };
	}

	const input: SummarizeInput = {
		info,
		paragraphs,
		segments: transcript.segments,
		outputLanguage,
		transcriptLanguage: transcript.languageCode,
		instructions,
		notes: deps.index?.notes(),
	};
	const plan = planSummary(input, options.inputBudgetTokens || defaultInputBudget(model.baseUrl));
	const tokens = { inputTokens: plan.estimatedInputTokens, outputTokens: plan.estimatedOutputTokens };
	const cost = estimateCost(tokens, model.model, model.baseUrl, options.prices);
	return { data, model, input, plan, estimate: { calls: plan.calls, ...tokens, cost } };
}

/**
 * The transcript cached for these caption languages, or a fresh one from YouTube (then cached); without
 * captions, the video's subtitle file in the vault. A transcript chosen by hand bypasses the cache, and a
 * picked caption track is not cached as the languages' choice.
 */
async function videoAndTranscript(
	request: DigestRequest,
	deps: DigestDependencies,
): Promise<{ info: VideoInfo; transcript: Transcript; clientName: string }> {
	const { options, video, transcript: choice } = request;
	const languages = options.transcriptLanguages;
	const cached = choice ? null : await deps.archive?.loadTranscript(video.id, languages).catch(() => null);
	if (cached) return { ...cached, clientName: options.preferredClient ?? '' };
	const fromFile = (file: TranscriptFile) => transcriptFromFile(file, languages[0] ?? '');
	const findFile = deps.transcriptFile;
	const http = withRequestTimeout(deps.http, YOUTUBE_REQUEST_TIMEOUT_MS);
	const fetched = await fetchVideo(http, video.id, {
		clients: options.innertubeClients,
		preferredClient: options.preferredClient,
		preferredLanguages: languages,
		signal: deps.signal,
		track: choice && 'track' in choice ? choice.track : undefined,
		transcript: choice && 'file' in choice ? fromFile(choice.file) : undefined,
		fallback: findFile
			? async () => {
					const file = await findFile(video.id, request.source?.path ?? null);
					return file ? fromFile(file) : null;
				}
			: undefined,
	});
	const record = { info: fetched.info, transcript: fetched.transcript };
	if (!(choice && 'track' in choice))
		await deps.archive?.saveTranscript(video.id, languages, record).catch(() => undefined);
	return fetched;
}

/** A broken template or property expression is reported before any request is made, not after the model answered. */
async function checkTemplates(options: RenderOptions): Promise<void> {
	const engine = await loadTemplateEngine([
		options.template,
		...options.properties.map((property) => property.value),
	]);
	// The shipped texts are known to check clean; rendering them against the sample would cost a render each.
	const sample = lazy(() => sampleDigestContext(options.timestampStyle));
	const problem = isShippedTemplate(options.template) ? null : engine.check(options.template, sample());
	if (problem) throw new DigestError('template-invalid', formatProblem(problem));
	for (const property of options.properties) {
		if (isShippedTemplate(property.value)) continue;
		const propertyProblem = engine.check(property.value, sample());
		if (propertyProblem)
			throw new DigestError('template-invalid', `property ${property.name}, ${formatProblem(propertyProblem)}`);
	}
}

function lazy<T>(make: () => T): () => T {
	let made: { value: T } | null = null;
	return () => (made ??= { value: make() }).value;
}
