import type { DigestArchive, DigestRecord } from '../digestArchive';
import type { DigestData, RenderOptions, WebOptions } from '../digest';
import { DigestError } from '../errors';
import { channelNotePath } from './digestPaths';
import { DigestVault, renderDigestNote } from './digestVault';
import { replaceDigestBody } from './replaceDigestBody';

export type NoteRenderOptions = RenderOptions & { web: WebOptions };

/**
 * The data kept of the run that made a digest note. Found by what the plugin always writes and keeps, the
 * `youtube_id` and the note's path, so a `language` property the user renamed or removed costs nothing: the
 * record of that language when the property is there, else the one written to this note, else (without a
 * language) the video's only record.
 */
export async function digestRecordFor(
	archive: DigestArchive,
	properties: Record<string, unknown> | null | undefined,
	notePath: string,
): Promise<DigestRecord> {
	const videoId = typeof properties?.youtube_id === 'string' ? properties.youtube_id : '';
	if (!videoId) throw new DigestError('no-digest-data');
	const language = typeof properties?.language === 'string' ? properties.language : '';
	const byLanguage = language ? await archive.load(videoId, language) : null;
	if (byLanguage) return byLanguage;
	const all = await archive.loadAll(videoId);
	// A note that names its language is never given another language's record just because it is the only one.
	const only = !language && all.length === 1 ? all[0] : null;
	const record = all.find((candidate) => candidate.notePath === notePath) ?? only;
	if (!record) throw new DigestError('no-digest-data');
	return record;
}

/**
 * Applies the current template, timestamp style and properties again from the kept data: no request of
 * any kind. The user's text outside the generated part, and properties they added, stay.
 */
export async function rerenderDigestNote(
	vault: DigestVault,
	path: string,
	record: DigestRecord,
	options: NoteRenderOptions,
): Promise<void> {
	const place = {
		notePath: path,
		sourcePath: record.sourcePath,
		channelPath: existingChannelNote(vault, record.data, options),
	};
	const rendered = await renderDigestNote(vault, record.data, new Date(record.created), place, options);
	if (!(await replaceDigestBody(vault.notes, path, rendered, false))) throw new DigestError('no-generated-part');
}

/** Re-renders and translations link the channel note only when it is there: they never create one. */
export function existingChannelNote(vault: DigestVault, data: DigestData, options: NoteRenderOptions): string | null {
	const path = channelNotePath(options.web, data.info.channel.name);
	return path && vault.notes.exists(path) ? path : null;
}
