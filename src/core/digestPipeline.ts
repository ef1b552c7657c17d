import type { DigestArchive } from './digestArchive';
import type { CostEstimate, DigestData, DigestRequest, DigestStage, RenderOptions } from './digest';
import { writeDigestNote } from './digestNotes/writeDigestNote';
import { DigestError, throwIfCancelled } from './errors';
import { HttpClient } from './http';
import { ChatModel } from './llm/chatModel';
import { randomBoundary } from './llm/dataBoundary';
import { defaultInputBudget, estimateCost } from './llm/pricing';
import { planSummary, summarizeTranscript } from './llm/summarizeTranscript';
import { NoteStore } from './notes/noteStore';
import { sampleDigestContext } from './render/sampleContext';
import { formatProblem, loadTemplateEngine } from './render/templateEngine';
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
 * failure while linking the source note removes the digest note again, so a failed run leaves the vault
 * as it was.
 */
export async function createDigest(request: DigestRequest, deps: DigestDependencies): Promise<DigestOutcome> {
	const data = await makeDigestData(request, deps);
	const created = deps.now();
	deps.onProgress?.('writing');
	const path = await writeDigestNote(data, request, { ...deps, created });
	const record = {
		version: 1 as const,
		data,
		created: created.toISOString(),
		sourcePath: request.source?.path ?? null,
	};
	await deps.archive?.save(record).catch(() => undefined);
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
		model: '',
		outputLanguage,
		usage: null,
		cost: null,
		llmCalls: 0,
		llmRounds: 0,
		clientName,
	};
	const model = deps.chatModel;
	if (!model) return data;

	// A transcript chosen by hand is summarized anew, not answered with the digest of another transcript.
	const cached = request.transcript ? null : await deps.archive?.load(info.id, outputLanguage).catch(() => null);
	if (cached?.data.digest && cached.data.model === model.model) {
		const { digest, usage, cost } = cached.data;
		return { ...data, digest, model: model.model, usage, cost };
	}

	const input = { info, paragraphs, segments: transcript.segments, outputLanguage };
	const plan = planSummary(input, options.inputBudgetTokens || defaultInputBudget(model.baseUrl));
	if (deps.confirmCost) {
		const tokens = { inputTokens: plan.estimatedInputTokens, outputTokens: plan.estimatedOutputTokens };
		const cost = estimateCost(tokens, model.model, model.baseUrl, options.prices);
		if (!(await deps.confirmCost({ calls: plan.calls, ...tokens, cost }))) throw new DigestError('cancelled');
	}
	const parts = plan.chunks.length > 1 ? { finished: 0, total: plan.chunks.length } : undefined;
	deps.onProgress?.('summarizing', parts);
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
		model: model.model,
		usage: summary.usage,
		cost: estimateCost(summary.usage, model.model, model.baseUrl, options.prices),
		llmCalls: summary.calls,
		llmRounds: summary.rounds,
	};
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
	const fetched = await fetchVideo(deps.http, video.id, {
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
	const sample = sampleDigestContext(options.timestampStyle);
	const problem = engine.check(options.template, sample);
	if (problem) throw new DigestError('template-invalid', formatProblem(problem));
	for (const property of options.properties) {
		const propertyProblem = engine.check(property.value, sample);
		if (propertyProblem)
			throw new DigestError('template-invalid', `property ${property.name}, ${formatProblem(propertyProblem)}`);
	}
}
