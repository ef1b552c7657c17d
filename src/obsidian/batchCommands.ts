import { App, Notice, TFile, TFolder } from 'obsidian';
import { batchReport, BatchLink, planBatch, runBatch, videoLinksInNote } from '../core/digestNotes/batch';
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
