import { App, Notice, TFile } from 'obsidian';
import { DigestArchive } from '../core/digestArchive';
import type { CostEstimate, DigestRequest, DigestStage, SourceNote, TranscriptChoice } from '../core/digest';
import { createDigest, DigestDependencies, DigestOutcome, estimateDigestCost } from '../core/digestPipeline';
import { DigestError, userMessage } from '../core/errors';
import { redactedErrorText } from '../core/redact';
import { TokenUsage } from '../core/llm/chatModel';
import { formatCost, needsCostConfirmation } from '../core/llm/pricing';
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

/** What the content check found, after the sentence that says the digest was written; never left unsaid. */
function checkText(warnings: string[] = []): string {
	return warnings.length > 0 ? `. Content check: ${warnings.join('; ')} (see digest_warnings).` : '';
}

/** Runs one digest with a progress notice, and tells the user how it ended in one sentence. */
type Control = Pick<DigestDependencies, 'signal' | 'onProgress' | 'confirmCost'> & {
	templateId?: string;
	transcript?: TranscriptChoice;
};

export class DigestRunner {
	private readonly running = new Set<string>();

	constructor(private readonly host: DigestRunnerHost) {}

	get lifetime(): AbortSignal {
		return this.host.lifetime;
	}

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
			new Notice(userMessage(new DigestError('already-running')));
			return;
		}
		const progress = new ProgressNotice(STAGE_MESSAGES.fetching(settings.model), this.host.lifetime);
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
					? noteLinkFragment(
							'Digest written: ',
							outcome.path,
							usageText(outcome) + checkText(outcome.warnings),
							open,
						)
					: noteLinkFragment('Transcript digest written: ', outcome.path, `. ${TRANSCRIPT_ONLY}`, open),
			);
			if (settings.openDigest && outcome.path !== source?.file.path) await openNote(app, outcome.path);
		} catch (error) {
			if (!(error instanceof DigestError)) console.error('YouTube Digest:', redactedErrorText(error));
			progress.finish(userMessage(error));
		}
	}

	/** One digest with no notice of its own: the building block of single runs and batches. */
	async digest(
		video: VideoRef,
		source: { file: TFile; linkText?: string } | undefined,
		control: Control,
	): Promise<DigestOutcome & { withModel: boolean }> {
		if (this.running.has(video.id)) throw new DigestError('already-running');
		this.running.add(video.id);
		try {
			const { request, deps } = await this.runOf(video, source, control);
			const outcome = await createDigest(request, deps);
			await this.remember(outcome.clientName);
			return { ...outcome, withModel: deps.chatModel !== null };
		} finally {
			this.running.delete(video.id);
		}
	}

	/** What a digest of this video would cost (its transcript is fetched and kept); null when no call is needed. */
	async estimate(video: VideoRef, source: { file: TFile; linkText?: string } | undefined, control: Control) {
		const { request, deps } = await this.runOf(video, source, control);
		return estimateDigestCost(request, deps);
	}

	/** Asks above the user's threshold, or for a very large input of unknown price; true to go ahead. */
	async confirmCost(estimate: CostEstimate, title = 'Summarize this video?', what = 'This digest'): Promise<boolean> {
		if (!needsCostConfirmation(estimate, this.host.settings.confirmAboveCost)) return true;
		const calls = estimate.calls === 1 ? 'one call' : `${estimate.calls} calls`;
		const cost =
			estimate.cost === null
				? 'a cost the price table does not know'
				: `an estimated ${formatCost(estimate.cost)}`;
		return confirm(
			this.host.app,
			title,
			`${what} needs ${calls} with about ${formatCount(estimate.inputTokens)} input tokens, ${cost}.`,
			'Summarize',
		);
	}

	private async runOf(video: VideoRef, source: { file: TFile; linkText?: string } | undefined, control: Control) {
		const { app, settings } = this.host;
		const chatModel = chatModelFromSettings(app, this.host);
		const templateId = chatModel ? (control.templateId ?? settings.defaultTemplate) : 'transcript';
		const template = await loadTemplate(app, settings, templateId);
		const { transcript, ...progressControl } = control;
		const request: DigestRequest = {
			video,
			source: source ? sourceNote(source.file, source.linkText) : undefined,
			options: digestOptionsFrom(settings, template),
			transcript,
		};
		const deps: DigestDependencies = {
			http: requestUrlHttp,
			chatModel,
			notes: vaultNoteStore(app),
			index: obsidianVaultIndex(app),
			now: () => new Date(),
			archive: this.host.archive,
			transcriptFile: vaultTranscriptFile(app),
			...progressControl,
		};
		return { request, deps };
	}

	private async remember(clientName: string): Promise<void> {
		if (!clientName || this.host.settings.lastWorkingClient === clientName) return;
		this.host.settings.lastWorkingClient = clientName;
		await this.host.saveSettings();
	}
}

/**
 * The source note as the core sees it; its path is read when the backlink is written, and a TFile's path
 * follows renames, so renaming the note while the digest is being made is harmless.
 */
function sourceNote(file: TFile, linkText: string | undefined): SourceNote {
	return {
		get path() {
			return file.path;
		},
		linkText,
	};
}

/** ` (12,345 tokens in, 1,234 out, $0.0061)`, or nothing when the digest came from the cache. */
function usageText(outcome: { usage: TokenUsage | null; cost: number | null; llmCalls: number }): string {
	if (!outcome.usage || outcome.llmCalls === 0) return ' (from the cache, no new call)';
	const { inputTokens, outputTokens } = outcome.usage;
	const tokens = `${formatCount(inputTokens)} tokens in, ${formatCount(outputTokens)} out`;
	return ` (${tokens}, ${formatCost(outcome.cost)})`;
}
