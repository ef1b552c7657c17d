import { App, Notice, TFile } from 'obsidian';
import { DigestArchive } from '../core/digestArchive';
import { digestRecordFor, NoteRenderOptions, rerenderDigestNote } from '../core/digestNotes/rerenderDigestNote';
import { askVideo } from '../core/digestNotes/askVideo';
import { translateDigestNote } from '../core/digestNotes/translateDigestNote';
import { userMessage } from '../core/errors';
import { formatCount } from '../core/llm/formatCount';
import { languageName } from '../core/llm/languageName';
import { formatCost } from '../core/llm/pricing';
import { chatModelFromSettings } from './chatModelFromSettings';
import { obsidianVaultIndex } from './obsidianVaultIndex';
import { openNote } from './openNote';
import { ProgressNotice } from './progressNotice';
import { SettingsHost, webOptions } from './settings';
import { loadTemplate } from './templates';
import { vaultNoteStore } from './vaultNoteStore';

export interface DigestNoteHost extends SettingsHost {
	app: App;
	archive: DigestArchive;
}

/** The commands on an existing digest note: the core does the work, this says how it went. */
export class DigestNoteActions {
	constructor(private readonly host: DigestNoteHost) {}

	/** A digest note is one with a `youtube_id` property. */
	isDigestNote(file: TFile | null): file is TFile {
		return file !== null && typeof this.properties(file)?.youtube_id === 'string';
	}

	/** Applies the current template and properties again; the user's text outside the generated part stays. */
	async rerender(file: TFile): Promise<void> {
		try {
			const record = await digestRecordFor(this.host.archive, this.properties(file), file.path);
			await rerenderDigestNote(this.vault(), file.path, record, await this.renderOptions());
			new Notice('Digest rendered again with the current template.');
		} catch (error) {
			new Notice(userMessage(error));
		}
	}

	/** One model call over the digest (not the transcript), written as a sibling note that the original links to. */
	async translate(file: TFile, language: string): Promise<void> {
		const { app, settings, archive } = this.host;
		const model = chatModelFromSettings(app, this.host);
		if (!model) {
			new Notice('Translating needs a language model: add an API key in the plugin settings.');
			return;
		}
		const progress = new ProgressNotice(`Translating into ${languageName(language)}…`, this.host.lifetime);
		try {
			const record = await digestRecordFor(archive, this.properties(file), file.path);
			const path = await translateDigestNote(
				this.vault(),
				file.path,
				record,
				language,
				await this.renderOptions(),
				{
					model,
					archive,
					prices: settings.prices,
					now: () => new Date(),
					signal: progress.signal,
				},
			);
			progress.finish(`Translation written: ${path}`);
			if (settings.openDigest) await openNote(app, path);
		} catch (error) {
			progress.finish(userMessage(error));
		}
	}

	/** One model call over the kept transcript, no YouTube request; the answer is appended to the note. */
	async ask(file: TFile, question: string): Promise<void> {
		const { app, settings, archive } = this.host;
		const model = chatModelFromSettings(app, this.host);
		if (!model) {
			new Notice('Asking a video needs a language model: add an API key in the plugin settings.');
			return;
		}
		const progress = new ProgressNotice(`Asking ${settings.model}…`, this.host.lifetime);
		try {
			const record = await digestRecordFor(archive, this.properties(file), file.path);
			const outcome = await askVideo(vaultNoteStore(app), file.path, record, question, {
				model,
				inputBudgetTokens: settings.inputBudgetTokens,
				prices: settings.prices,
				timestampStyle: settings.timestampStyle,
				signal: progress.signal,
			});
			const { inputTokens, outputTokens } = outcome.usage;
			const tokens = `${formatCount(inputTokens)} tokens in, ${formatCount(outputTokens)} out`;
			const usage = `${tokens}, ${formatCost(outcome.cost)}`;
			progress.finish(
				outcome.answered
					? `Answer added to the note (${usage}).`
					: `The video does not answer that question; the note says so (${usage}).`,
			);
		} catch (error) {
			progress.finish(userMessage(error));
		}
	}

	private properties(file: TFile): Record<string, unknown> | undefined {
		return this.host.app.metadataCache.getFileCache(file)?.frontmatter;
	}

	private vault() {
		return { notes: vaultNoteStore(this.host.app), index: obsidianVaultIndex(this.host.app) };
	}

	private async renderOptions(): Promise<NoteRenderOptions> {
		const { app, settings } = this.host;
		return {
			template: await loadTemplate(app, settings, settings.defaultTemplate),
			timestampStyle: settings.timestampStyle,
			properties: settings.properties,
			web: webOptions(settings),
		};
	}
}
