import { Notice, TFile } from 'obsidian';
import { DigestArchive, DigestRecord } from '../core/digestArchive';
import { DIGEST_BLOCK, digestNoteText, renderDigest, RenderOptions } from '../core/render/renderDigest';
import { DigestError, userMessage } from '../core/errors';
import { languageName } from '../core/llm/languageName';
import { estimateCost } from '../core/llm/pricing';
import { translateDigest } from '../core/llm/translateDigest';
import { availableNotePath } from '../core/notes/fileName';
import { replaceGenerated } from '../core/notes/generatedBlock';
import { addTranslationLink } from '../core/notes/translationLink';
import { mergeFrontmatter } from '../core/render/frontmatter';
import { ChatModelHost, chatModelFor, openNote } from './digestRunner';
import { ProgressNotice } from './progressNotice';
import { loadTemplate } from './templates';
import { vaultNoteStore } from './vaultNoteStore';
import { channelNotePath, sourceLinks, webContext } from '../core/digestWriter';
import { WebContext } from '../core/render/digestContext';
import { obsidianVaultIndex } from './obsidianVaultIndex';
import { webOptions } from './settings';

export interface DigestNoteHost extends ChatModelHost {
	archive: DigestArchive;
}

const NO_RECORD =
	'This note has no saved digest data (it was not made here, or the data was cleared): summarize the video again instead.';
const NO_BLOCK = 'This note has no generated part to replace: summarize the video again instead.';

/** What can be done with an existing digest note, from the data kept of its run: no YouTube request, and for a re-render no model call. */
export class DigestNoteActions {
	constructor(private readonly host: DigestNoteHost) {}

	/** A digest note is one with a `youtube_id` property. */
	isDigestNote(file: TFile | null): file is TFile {
		return (
			file !== null && typeof this.host.app.metadataCache.getFileCache(file)?.frontmatter?.youtube_id === 'string'
		);
	}

	/** Applies the current template and properties again; the user's text outside the generated part stays. */
	async rerender(file: TFile): Promise<void> {
		try {
			const record = await this.record(file);
			const text = await this.host.app.vault.read(file);
			if (replaceGenerated(text, DIGEST_BLOCK, '') === null) throw new Error(NO_BLOCK);
			const rendered = await renderDigest({
				...sourceLinks(vaultNoteStore(this.host.app), record.sourcePath, file.path),
				...this.renderBase(record),
				options: await this.renderOptions(),
				web: this.web(record.data, file.path),
			});
			await this.host.app.vault.process(file, (current) =>
				mergeFrontmatter(
					replaceGenerated(current, DIGEST_BLOCK, rendered.body) ?? current,
					rendered.properties,
				),
			);
			new Notice('Digest rendered again with the current template.');
		} catch (error) {
			new Notice(
				error instanceof DigestError
					? userMessage(error)
					: error instanceof Error
						? error.message
						: String(error),
			);
		}
	}

	/** One model call over the digest (not the transcript), written as a sibling note that the original links to. */
	async translate(file: TFile, language: string): Promise<void> {
		const { app } = this.host;
		const model = chatModelFor(this.host);
		if (!model) {
			new Notice('Translating needs a language model: add an API key in the plugin settings.');
			return;
		}
		const progress = new ProgressNotice(`Translating into ${languageName(language)}…`);
		try {
			const record = await this.record(file);
			if (!record.data.digest) throw new Error('A transcript digest has no summary to translate.');
			const { info, transcript } = record.data;
			const translated = await translateDigest(
				model,
				record.data.digest,
				language,
				transcript.segments,
				info.durationSeconds,
				progress.signal,
			);
			const data = {
				...record.data,
				digest: translated.digest,
				outputLanguage: language,
				usage: translated.usage,
				cost: estimateCost(translated.usage, model.model, model.baseUrl, this.host.settings.prices),
				llmCalls: 1,
			};
			const folder = file.parent && !file.parent.isRoot() ? file.parent.path : '';
			const path = availableNotePath(
				folder,
				`${file.basename} (${languageName(language)})`,
				(candidate) => app.vault.getAbstractFileByPath(candidate) !== null,
			);
			const notes = vaultNoteStore(app);
			const created = new Date();
			const rendered = await renderDigest({
				data,
				model: model.model,
				created,
				...sourceLinks(notes, file.path, path),
				options: await this.renderOptions(),
				web: this.web(data, path),
			});
			await notes.create(path, digestNoteText(rendered));
			await this.host.archive.save({
				version: 1,
				data,
				model: model.model,
				created: created.toISOString(),
				sourcePath: file.path,
			});
			const link = notes.markdownLink(path, file.path);
			await app.vault.process(file, (text) =>
				addTranslationLink(text, DIGEST_BLOCK, languageName(language), link),
			);
			progress.finish(`Translation written: ${path}`);
			if (this.host.settings.openDigest) await openNote(app, path);
		} catch (error) {
			progress.finish(
				error instanceof DigestError
					? userMessage(error)
					: error instanceof Error
						? error.message
						: String(error),
			);
		}
	}

	private async record(file: TFile): Promise<DigestRecord> {
		const frontmatter = this.host.app.metadataCache.getFileCache(file)?.frontmatter ?? {};
		const videoId = String(frontmatter.youtube_id ?? '');
		const record = await this.host.archive.load(
			videoId,
			typeof frontmatter.language === 'string' ? frontmatter.language : '',
		);
		if (!record) throw new Error(NO_RECORD);
		return record;
	}

	/** Channel note, entity and related links as the vault is now; the channel note only if it exists. */
	private web(data: DigestRecord['data'], notePath: string): WebContext {
		const { app, settings } = this.host;
		const options = webOptions(settings);
		const channel = channelNotePath(options, data.info.channel.name);
		return webContext(
			data,
			{ notes: vaultNoteStore(app), index: obsidianVaultIndex(app) },
			options,
			notePath,
			channel && app.vault.getFileByPath(channel) ? channel : null,
		);
	}

	private renderBase(record: DigestRecord) {
		return { data: record.data, model: record.model, created: new Date(record.created) };
	}

	private async renderOptions(): Promise<RenderOptions> {
		const { app, settings } = this.host;
		return {
			template: await loadTemplate(app, settings, settings.defaultTemplate),
			timestampStyle: settings.timestampStyle,
			properties: settings.properties,
		};
	}
}
