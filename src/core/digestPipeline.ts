import { DigestArchive } from './digestArchive';
import { DigestError, throwIfCancelled } from './errors';
import { HttpClient } from './http';
import { ChatModel, TokenUsage } from './llm/chatModel';
import { randomBoundary } from './llm/dataBoundary';
import { defaultInputBudget, estimateCost, ModelPrice } from './llm/pricing';
import { planSummary, summarizeTranscript } from './llm/summarizeTranscript';
import { Digest } from './llm/grounding';
import { instructionsKey, templateInstructions } from './llm/templateInstructions';
import { NoteStore } from './notes/noteStore';
import { PropertySpec } from './render/properties';
import { RenderOptions } from './render/renderDigest';
import { writeDigest, WebOptions } from './digestWriter';
import { VaultIndex } from './web/vaultIndex';
import { formatProblem, loadTemplateEngine } from './render/templateEngine';
import { sampleDigestContext } from './render/sampleContext';
import { TimestampStyle } from './render/templateHelpers';
import { groupIntoParagraphs, Paragraph } from './transcript/paragraphs';
import { fetchVideo } from './youtube/fetchVideo';
import { InnertubeClient } from './youtube/innertubeClients';
import { Transcript } from './youtube/transcriptSession';
import { VideoInfo } from './youtube/videoInfo';
import { VideoRef } from './youtube/videoUrl';

export type DigestStage = 'fetching' | 'summarizing' | 'writing';

export interface DigestOptions {
	outputFolder: string;
	/** Caption languages in order of preference; empty means the spoken language. */
	transcriptLanguages: string[];
	/** Language of the digest; empty means the transcript's. */
	outputLanguage: string;
	timestampStyle: TimestampStyle;
	template: string;
	properties: PropertySpec[];
	innertubeClients: InnertubeClient[];
	preferredClient?: string;
	/** Most input tokens per model call; 0 chooses by server (about 25k hosted, 6k local). */
	inputBudgetTokens: number;
	/** Parts of a long video summarized at once. */
	concurrency: number;
	prices: Record<string, ModelPrice>;
	/** Channel notes, entity links, related digests and where the digest goes. */
	web: WebOptions;
}

/** What a run will cost, shown before calling when it is above the user's threshold. */
export interface CostEstimate {
	calls: number;
	inputTokens: number;
	outputTokens: number;
	/** Dollars, or null when the model's price is unknown. */
	cost: number | null;
}

export interface DigestRequest {
	video: VideoRef;
	/** The note the link came from: it gets a link to the digest, and the digest links back to it. */
	source?: { path: string; linkText?: string };
	options: DigestOptions;
}

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
	/** Asked before the model is called; false cancels the run. Absent: never asked. */
	confirmCost?: (estimate: CostEstimate) => Promise<boolean>;
}

/** Everything a digest note is made from, before anything is written. */
export interface DigestData {
	info: VideoInfo;
	transcript: Transcript;
	paragraphs: Paragraph[];
	digest: Digest | null;
	outputLanguage: string;
	usage: TokenUsage | null;
	/** Dollars for the model calls, null when unknown or when no model was used. */
	cost: number | null;
	llmCalls: number;
	/** Sequential rounds of model calls (0 when the digest came from the cache). */
	llmRounds: number;
	clientName: string;
	/** What the content check removed or could not fix: said in the notice and in `digest_warnings`. */
	warnings?: string[];
}

export interface DigestOutcome extends DigestData {
	path: string;
}

/**
 * Link → transcript → digest → note. Nothing is written until everything before it has succeeded, and a
 * failure while linking the source note removes the digest note again, so a failed run leaves the vault
 * as it was.
 */
export async function createDigest(request: DigestRequest, deps: DigestDependencies): Promise<DigestOutcome> {
	const data = await makeDigestData(request, deps);
	const created = deps.now();
	const path = await writeDigest(data, request, { ...deps, now: () => created });
	await deps.archive
		?.save({
			version: 1,
			data,
			model: data.digest ? (deps.chatModel?.model ?? '') : '',
			instructionsKey: instructionsKey(templateInstructions(request.options.template)),
			created: created.toISOString(),
			sourcePath: request.source?.path ?? null,
		})
		.catch(() => undefined);
	return { ...data, path };
}

/**
 * Transcript and metadata (from the cache, else from YouTube), then the digest: from the cache when the
 * same video was summarized with the same model and language, else from the model.
 */
export async function makeDigestData(request: DigestRequest, deps: DigestDependencies): Promise<DigestData> {
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
		outputLanguage,
		usage: null,
		cost: null,
		llmCalls: 0,
		llmRounds: 0,
		clientName,
	};
	const model = deps.chatModel;
	if (!model) return data;

	const instructions = templateInstructions(options.template);
	const cached = await deps.archive?.load(info.id, outputLanguage).catch(() => null);
	const sameRequest =
		cached?.model === model.model && (cached.instructionsKey ?? '') === instructionsKey(instructions);
	if (cached?.data.digest && sameRequest) {
		const { digest, usage, cost, warnings } = cached.data;
		return { ...data, digest, usage, cost, warnings };
	}

	const input = {
		info,
		paragraphs,
		segments: transcript.segments,
		outputLanguage,
		transcriptLanguage: transcript.languageCode,
		instructions,
		notes: deps.index?.notes(),
	};
	const plan = planSummary(input, options.inputBudgetTokens || defaultInputBudget(model.baseUrl));
	if (deps.confirmCost) {
		const estimate = { inputTokens: plan.estimatedInputTokens, outputTokens: plan.estimatedOutputTokens };
		const confirmed = await deps.confirmCost({
			calls: plan.calls,
			...estimate,
			cost: estimateCost(estimate, model.model, model.baseUrl, options.prices),
		});
		if (!confirmed) throw new DigestError('cancelled');
	}
	deps.onProgress?.('summarizing', plan.chunks.length > 1 ? { finished: 0, total: plan.chunks.length } : undefined);
	const summary = await summarizeTranscript(model, input, plan, {
		budgetTokens: options.inputBudgetTokens,
		concurrency: Math.max(1, options.concurrency),
		boundary: deps.boundary ?? randomBoundary,
		signal: deps.signal,
		onPart: (finished, total) => deps.onProgress?.('summarizing', { finished, total }),
	});
	throwIfCancelled(deps.signal);
	return {
		...data,
		digest: summary.digest,
		usage: summary.usage,
		cost: estimateCost(summary.usage, model.model, model.baseUrl, options.prices),
		llmCalls: summary.calls,
		llmRounds: summary.rounds,
		warnings: summary.warnings,
	};
}

/** The transcript cached for these caption languages, or a fresh one from YouTube (then cached). */
async function videoAndTranscript(
	request: DigestRequest,
	deps: DigestDependencies,
): Promise<{ info: VideoInfo; transcript: Transcript; clientName: string }> {
	const { options } = request;
	const cached = await deps.archive?.loadTranscript(request.video.id, options.transcriptLanguages).catch(() => null);
	if (cached) return { ...cached, clientName: options.preferredClient ?? '' };
	const fetched = await fetchVideo(deps.http, request.video.id, {
		clients: options.innertubeClients,
		preferredClient: options.preferredClient,
		preferredLanguages: options.transcriptLanguages,
		signal: deps.signal,
	});
	await deps.archive
		?.saveTranscript(request.video.id, options.transcriptLanguages, {
			info: fetched.info,
			transcript: fetched.transcript,
		})
		.catch(() => undefined);
	return fetched;
}

/** A broken template or property expression is reported before any request is made, not after the model has answered. */
async function checkTemplates(options: RenderOptions): Promise<void> {
	const engine = await loadTemplateEngine();
	const sample = sampleDigestContext(options.timestampStyle);
	const problem = engine.check(options.template, sample);
	if (problem) throw new DigestError('template-invalid', formatProblem(problem));
	for (const property of options.properties) {
		const propertyProblem = engine.check(property.value, sample);
		if (propertyProblem)
			throw new DigestError('template-invalid', `property ${property.name}, ${formatProblem(propertyProblem)}`);
	}
}
