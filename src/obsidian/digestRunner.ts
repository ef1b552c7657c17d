import { App, Notice, TFile } from 'obsidian';
import { DigestArchive } from '../core/digestArchive';
import type { CostEstimate, DigestStage, TranscriptChoice } from '../core/digest';
import { createDigest, DigestDependencies, DigestOutcome } from '../core/digestPipeline';
import { DigestError, userMessage } from '../core/errors';
import { TokenUsage } from '../core/llm/chatModel';
import { formatCost } from '../core/llm/pricing';
import { formatCount } from '../core/llm/formatCount';
import { VideoRef } from '../core/youtube/videoUrl';
import { chatModelFromSettings } from './chatModelFromSettings';
import { confirm } from './confirmModal';
import { obsidianVaultIndex } from './obsidianVaultIndex';
import { openNote } from './openNote';
import { ProgressNotice } from './progressNotice';
import { requestUrlHttp } from './requestUrlHttp';
import { digestOptionsFrom, SettingsHost } from './settings';
import { noteLinkFragment } from './noteLinkFragment';
import { loadTemplate } from './templates';
import { vaultNoteStore } from './vaultNoteStore';
import { vaultTranscriptFile } from './vaultTranscriptFile';

export interface DigestRunnerHost extends SettingsHost {
	app: App;
	archive: DigestArchive;
}

const STAGE_MESSAGES: Record<DigestStage, (model: string, parts?: { finished: number; total: number }) => string> = {
	fetching: () => 'Fetching transcript…',
	summarizing: (model, parts) =>
		parts
			? `Summarizing with ${model}: ${parts.finished} of ${parts.total} parts done…`
			: `Summarizing with ${model}…`,
	writing: () => 'Writing the digest note…',
};

const TRANSCRIPT_ONLY =
	'No API key is set, so this digest holds the transcript without a summary. ' +
	'Add a key in the plugin settings for the full digest.';

/** Runs one digest with a progress notice, and tells the user how it ended in one sentence. */
export class DigestRunner {
	private readonly running = new Set<string>();

	constructor(private readonly host: DigestRunnerHost) {}

	/**
	 * `templateId`: a preset id or a template note; by default the one chosen in the settings.
	 * `transcript`: a subtitle file or caption track the user picked; by default YouTube's captions.
	 */
	async run(
		video: VideoRef,
		source?: { file: TFile; linkText?: string },
		choice: { templateId?: string; transcript?: TranscriptChoice } = {},
	): Promise<void> {
		const { app, settings } = this.host;
		if (this.running.has(video.id)) {
			new Notice('This video is already being summarized.');
			return;
		}
		this.running.add(video.id);
		const progress = new ProgressNotice(STAGE_MESSAGES.fetching(settings.model));
		try {
			const outcome = await this.digest(video, source, {
				...choice,
				signal: progress.signal,
				onProgress: (stage, parts) => progress.setMessage(STAGE_MESSAGES[stage](settings.model, parts)),
				confirmCost: (estimate) => this.confirmCost(estimate),
			});
			const open = () => void openNote(app, outcome.path);
			progress.finish(
				outcome.withModel
					? noteLinkFragment('Digest written: ', outcome.path, usageText(outcome), open)
					: noteLinkFragment('Transcript digest written: ', outcome.path, `. ${TRANSCRIPT_ONLY}`, open),
			);
			if (settings.openDigest && outcome.path !== source?.file.path) await openNote(app, outcome.path);
		} catch (error) {
			if (!(error instanceof DigestError)) console.error('YouTube Digest:', error);
			progress.finish(userMessage(error));
		} finally {
			this.running.delete(video.id);
		}
	}

	/** One digest with no notice of its own: the building block of single runs and batches. */
	async digest(
		video: VideoRef,
		source: { file: TFile; linkText?: string } | undefined,
		control: Pick<DigestDependencies, 'signal' | 'onProgress' | 'confirmCost'> & {
			templateId?: string;
			transcript?: TranscriptChoice;
		},
	): Promise<DigestOutcome & { withModel: boolean }> {
		const { app, settings } = this.host;
		const chatModel = chatModelFromSettings(app, this.host);
		const templateId = chatModel ? (control.templateId ?? settings.defaultTemplate) : 'transcript';
		const template = await loadTemplate(app, settings, templateId);
		const { transcript, ...progressControl } = control;
		const outcome = await createDigest(
			{
				video,
				source: source ? { path: source.file.path, linkText: source.linkText } : undefined,
				options: digestOptionsFrom(settings, template),
				transcript,
			},
			{
				http: requestUrlHttp,
				chatModel,
				notes: vaultNoteStore(app),
				index: obsidianVaultIndex(app),
				now: () => new Date(),
				archive: this.host.archive,
				transcriptFile: vaultTranscriptFile(app),
				...progressControl,
			},
		);
		await this.remember(outcome.clientName);
		return { ...outcome, withModel: chatModel !== null };
	}

	/** Asks only above the user's threshold, and only when the price is known. */
	private async confirmCost(estimate: CostEstimate): Promise<boolean> {
		const threshold = this.host.settings.confirmAboveCost;
		if (threshold < 0 || estimate.cost === null || estimate.cost <= threshold) return true;
		const calls = estimate.calls === 1 ? 'one call' : `${estimate.calls} calls`;
		return confirm(
			this.host.app,
			'Summarize this video?',
			`This digest needs ${calls} with about ${formatCount(estimate.inputTokens)} input tokens, ` +
				`an estimated ${formatCost(estimate.cost)}.`,
			'Summarize',
		);
	}

	private async remember(clientName: string): Promise<void> {
		if (!clientName || this.host.settings.lastWorkingClient === clientName) return;
		this.host.settings.lastWorkingClient = clientName;
		await this.host.saveSettings();
	}
}

/** ` (12,345 tokens in, 1,234 out, $0.0061)`, or nothing when the digest came from the cache. */
function usageText(outcome: { usage: TokenUsage | null; cost: number | null; llmCalls: number }): string {
	if (!outcome.usage || outcome.llmCalls === 0) return ' (from the cache, no new call)';
	const { inputTokens, outputTokens } = outcome.usage;
	const tokens = `${formatCount(inputTokens)} tokens in, ${formatCount(outputTokens)} out`;
	return ` (${tokens}, ${formatCost(outcome.cost)})`;
}
