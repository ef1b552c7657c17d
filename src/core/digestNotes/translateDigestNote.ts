import type { DigestArchive, DigestRecord } from '../digestArchive';
import type { DigestData } from '../digest';
import { DigestError } from '../errors';
import { ChatModel } from '../llm/chatModel';
import { languageName } from '../llm/languageName';
import { estimateCost, ModelPrice } from '../llm/pricing';
import { translateDigest } from '../llm/translateDigest';
import { addTranslationLink } from '../notes/translationLink';
import { DIGEST_BLOCK, digestNoteText } from './renderDigest';
import { translationPath } from './digestPaths';
import { DigestVault, renderDigestNote } from './digestVault';
import { existingChannelNote, NoteRenderOptions } from './rerenderDigestNote';
import { withRollback } from './rollback';

export interface Translating {
	model: ChatModel;
	archive: DigestArchive;
	prices: Record<string, ModelPrice>;
	now: () => Date;
	signal?: AbortSignal;
}

/**
 * One model call over the digest (not the transcript), written as a sibling note `Title (German)` that
 * the original links to. A failure after the note was created removes it again. Returns its path.
 */
export async function translateDigestNote(
	vault: DigestVault,
	originalPath: string,
	record: DigestRecord,
	language: string,
	options: NoteRenderOptions,
	translating: Translating,
): Promise<string> {
	const { model, signal } = translating;
	const { digest, info, transcript } = record.data;
	if (!digest) throw new DigestError('nothing-to-translate');
	const translated = await translateDigest(
		model,
		digest,
		language,
		transcript.segments,
		info.durationSeconds,
		signal,
	);
	const data: DigestData = {
		...record.data,
		digest: translated.digest,
		model: model.model,
		outputLanguage: language,
		usage: translated.usage,
		cost: estimateCost(translated.usage, model.model, model.baseUrl, translating.prices),
		llmCalls: 1,
	};
	const name = languageName(language);
	const created = translating.now();
	const path = await withRollback(vault.notes, async (notes) => {
		const notePath = translationPath(notes, originalPath, name);
		const place = { notePath, sourcePath: originalPath, channelPath: existingChannelNote(vault, data, options) };
		const rendered = await renderDigestNote(vault, data, created, place, options);
		await notes.create(notePath, digestNoteText(rendered));
		const link = notes.markdownLink(notePath, originalPath);
		await notes.update(originalPath, (text) => addTranslationLink(text, DIGEST_BLOCK, name, link));
		return notePath;
	});
	const saved = {
		version: 1 as const,
		data,
		created: created.toISOString(),
		notePath: path,
		sourcePath: originalPath,
	};
	await translating.archive.save(saved).catch(() => undefined);
	return path;
}
