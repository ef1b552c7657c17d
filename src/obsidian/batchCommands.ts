import { App, Notice, TFile, TFolder } from 'obsidian';
import type { CostEstimate } from '../core/digest';
import {
	batchEstimate,
	BatchJob,
	batchReport,
	BatchLink,
	planBatch,
	runBatch,
	videoLinksInNote,
} from '../core/digestNotes/batch';
import { DigestRunner } from './digestRunner';
import { obsidianVaultIndex } from './obsidianVaultIndex';
import { ProgressNotice } from './progressNotice';

/**
 * Every YouTube link of some notes, digested one after another: videos that already have a digest are
 * skipped, one failure never stops the rest, the notice counts as it goes and can cancel, and the end
 * says what happened.
 */
export async function summarizeLinksIn(app: App, runner: DigestRunner, files: TFile[]): Promise<void> {
	const links: BatchLink[] = [];
	for (const file of files) links.push(...videoLinksInNote(file.path, await app.vault.cachedRead(file)));
	const digested = new Set(
		obsidianVaultIndex(app)
			.digests()
			.map((digest) => digest.youtubeId),
	);
	const jobs = planBatch(links, digested);
	if (jobs.length === 0) {
		new Notice('No YouTube links found.');
		return;
	}
	const progress = new ProgressNotice(`Summarizing ${jobs.length} YouTube links…`, runner.lifetime);
	if (!(await confirmBatchCost(app, runner, jobs, progress))) {
		progress.finish('Cancelled: nothing was written.');
		return;
	}
	const summary = await runBatch(
		jobs,
		async (job, signal) => {
			const file = app.vault.getFileByPath(job.sourcePath);
			await runner.digest({ id: job.videoId }, file ? { file, linkText: job.linkText } : undefined, { signal });
		},
		{
			signal: progress.signal,
			onProgress: (counts) =>
				progress.setMessage(
					`Summarizing YouTube links: ${counts.done} done, ${counts.failed} failed, ` +
						`${counts.skipped} skipped of ${counts.total}…`,
				),
		},
	);
	progress.finish(batchReport(summary));
}

/**
 * Estimates every video to be summarized (fetching transcripts, which are kept for the run that follows)
 * and asks once when the whole batch is above the threshold; a video that cannot be estimated counts
 * nothing here and fails in its run with its own reason.
 */
async function confirmBatchCost(app: App, runner: DigestRunner, jobs: BatchJob[], progress: ProgressNotice) {
	const toRun = jobs.filter((job) => !job.skip);
	const estimates: (CostEstimate | null)[] = [];
	for (const [index, job] of toRun.entries()) {
		if (progress.signal.aborted) return false;
		progress.setMessage(`Estimating the cost: ${index + 1} of ${toRun.length} videos…`);
		const file = app.vault.getFileByPath(job.sourcePath);
		const source = file ? { file, linkText: job.linkText } : undefined;
		estimates.push(
			await runner.estimate({ id: job.videoId }, source, { signal: progress.signal }).catch(() => null),
		);
	}
	if (progress.signal.aborted) return false;
	const videos = toRun.length === 1 ? 'one video' : `${toRun.length} videos`;
	return runner.confirmCost(batchEstimate(estimates), `Summarize ${videos}?`, `Summarizing ${videos}`);
}

/** The Markdown notes in a folder and its subfolders, in path order. */
export function notesIn(folder: TFolder): TFile[] {
	const notes: TFile[] = [];
	const visit = (current: TFolder) => {
		for (const child of current.children) {
			if (child instanceof TFolder) visit(child);
			else if (child instanceof TFile && child.extension === 'md') notes.push(child);
		}
	};
	visit(folder);
	return notes.sort((a, b) => a.path.localeCompare(b.path));
}
