import type { CostEstimate } from '../digest';
import { mapWithConcurrency } from '../concurrency';
import { userMessage } from '../errors';
import { generatedRanges } from '../notes/generatedBlock';
import { hasVideoLinkInProse, videoLinksInProse } from '../notes/videoLinksInProse';

/**
 * "Summarize all YouTube links in this note/folder": which videos to digest, then digesting them one
 * failure at a time.
 */
export interface BatchLink {
	videoId: string;
	sourcePath: string;
	/** The link as written, so the backlink goes right below it. */
	linkText: string;
}

export type SkipReason = 'already-digested' | 'duplicate';

export interface BatchJob extends BatchLink {
	skip: SkipReason | null;
}

export type JobOutcome = 'done' | 'failed' | 'skipped' | 'cancelled';

export interface JobResult {
	job: BatchJob;
	outcome: JobOutcome;
	/** What the run threw, for the caller to turn into a sentence. */
	error?: unknown;
}

export interface BatchProgress {
	done: number;
	failed: number;
	skipped: number;
	cancelled: number;
	total: number;
}

export interface BatchSummary extends BatchProgress {
	/** One per job, in the order of the jobs. */
	results: JobResult[];
	aborted: boolean;
}

export interface BatchOptions {
	concurrency?: number;
	signal?: AbortSignal;
	onProgress?: (progress: BatchProgress) => void;
}

/**
 * The links of a note body in order: not those in the properties (a digest's `source`), in code or
 * comments (`videoLinksInProse`), nor those in the plugin's own generated blocks (a digest's embed and
 * timestamp links), which are not the user's.
 */
export function videoLinksInNote(path: string, text: string): BatchLink[] {
	const blocks = generatedRanges(text);
	return videoLinksInProse(text)
		.filter((link) => !blocks.some(([from, to]) => link.from >= from && link.from < to))
		.map((link) => ({ videoId: link.ref.id, sourcePath: path, linkText: link.text }));
}

/** Whether `videoLinksInNote` would find any link, reading the note no further than the first. */
export function noteHasVideoLinks(text: string): boolean {
	const blocks = generatedRanges(text);
	return hasVideoLinkInProse(text, (link) => blocks.some(([from, to]) => link.from >= from && link.from < to));
}

/** Every link as a job in its order; a video is run once, at its first link, and not at all when a digest exists. */
export function planBatch(links: BatchLink[], alreadyDigested: ReadonlySet<string>): BatchJob[] {
	const seen = new Set<string>();
	return links.map((link) => {
		const skip: SkipReason | null = seen.has(link.videoId)
			? 'duplicate'
			: alreadyDigested.has(link.videoId)
				? 'already-digested'
				: null;
		seen.add(link.videoId);
		return { ...link, skip };
	});
}

/**
 * Runs the jobs, `concurrency` at a time. A failing job is recorded and the next one starts; after
 * the signal aborts no job starts (those left are `cancelled`, as is a running job that throws once
 * aborted). Progress is reported after every job, skipped ones included.
 */
export async function runBatch(
	jobs: BatchJob[],
	run: (job: BatchJob, signal: AbortSignal) => Promise<void>,
	options: BatchOptions = {},
): Promise<BatchSummary> {
	const signal = options.signal ?? new AbortController().signal;
	const progress: BatchProgress = { done: 0, failed: 0, skipped: 0, cancelled: 0, total: jobs.length };
	const results = await mapWithConcurrency<BatchJob, JobResult>(
		jobs,
		workerCount(options.concurrency),
		async (job) => {
			// A planned skip is skipped whether or not the batch gets that far; anything else not reached is cancelled.
			if (signal.aborted) return { job, outcome: job.skip ? 'skipped' : 'cancelled' };
			const result = await runOne(job, run, signal);
			progress[result.outcome]++;
			report(options.onProgress, progress);
			return result;
		},
	);
	return { ...countOutcomes(results), results, aborted: signal.aborted };
}

function countOutcomes(results: JobResult[]): BatchProgress {
	const count = (outcome: JobOutcome) => results.filter((result) => result.outcome === outcome).length;
	return {
		done: count('done'),
		failed: count('failed'),
		skipped: count('skipped'),
		cancelled: count('cancelled'),
		total: results.length,
	};
}

async function runOne(
	job: BatchJob,
	run: (job: BatchJob, signal: AbortSignal) => Promise<void>,
	signal: AbortSignal,
): Promise<JobResult> {
	if (job.skip) return { job, outcome: 'skipped' };
	try {
		// Inside the promise chain, so a run that throws before returning its promise is caught too.
		await Promise.resolve().then(() => run(job, signal));
		return { job, outcome: 'done' };
	} catch (error) {
		return { job, outcome: signal.aborted ? 'cancelled' : 'failed', error };
	}
}

/** A progress display that throws must not stop the jobs behind it. */
function report(onProgress: BatchOptions['onProgress'], progress: BatchProgress): void {
	try {
		onProgress?.({ ...progress });
	} catch {
		// Nothing to do: the batch goes on and the summary still says everything.
	}
}

function workerCount(concurrency: number | undefined): number {
	return typeof concurrency === 'number' && Number.isFinite(concurrency) ? Math.max(1, Math.floor(concurrency)) : 1;
}

const FAILURES_SHOWN = 3;

/** How a batch ended, in one notice: the counts, then the first failures with their reasons. */
export function batchReport(summary: BatchSummary): string {
	const failures = summary.results.filter((result) => result.outcome === 'failed');
	const details = failures
		.slice(0, FAILURES_SHOWN)
		.map((result) => ` ${result.job.linkText}: ${userMessage(result.error)}`);
	const more = failures.length > FAILURES_SHOWN ? ` And ${failures.length - FAILURES_SHOWN} more.` : '';
	const cancelled = summary.aborted ? ` Cancelled with ${summary.cancelled} not done.` : '';
	const counts = `${summary.done} digested, ${summary.failed} failed, ${summary.skipped} skipped.`;
	return `YouTube links: ${counts}${cancelled}${details.join('')}${more}`;
}

/** The cost of a whole batch: calls and tokens add up; the cost is unknown when any video's is. */
export function batchEstimate(estimates: readonly (CostEstimate | null)[]): CostEstimate {
	const known = estimates.filter((estimate): estimate is CostEstimate => estimate !== null);
	const sum = (pick: (estimate: CostEstimate) => number) =>
		known.reduce((total, estimate) => total + pick(estimate), 0);
	const unknownCost = known.some((estimate) => estimate.cost === null);
	return {
		calls: sum((estimate) => estimate.calls),
		inputTokens: sum((estimate) => estimate.inputTokens),
		outputTokens: sum((estimate) => estimate.outputTokens),
		cost: unknownCost ? null : sum((estimate) => estimate.cost ?? 0),
	};
}
