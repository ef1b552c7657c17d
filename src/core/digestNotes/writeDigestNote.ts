import type { DigestData, DigestRequest, SourceNote } from '../digest';
import { throwIfCancelled } from '../errors';
import { insertBacklink } from '../notes/backlink';
import { FileNameValues } from '../notes/fileNamePattern';
import { NoteStore } from '../notes/noteStore';
import { formatDate } from '../render/dateFormat';
import { digestNoteText } from './renderDigest';
import { IndexedDigest, VaultIndex } from '../web/vaultIndex';
import { ensureChannelNote, listOnChannelNote } from './channelListing';
import { channelNotePath, newDigestPath } from './digestPaths';
import { NoteWriting, renderDigestNote } from './digestVault';
import { replaceDigestBody } from './replaceDigestBody';
import { withRollback } from './rollback';
import { writeInline } from './writeInline';

/**
 * Writes the digest: a new note, or the existing digest of the same video and language updated in place,
 * or a block inside the source note. Links it from the source note and lists it on the channel note.
 * Whatever this run created is removed again when a later step fails. Returns the path written.
 */
export async function writeDigestNote(data: DigestData, request: DigestRequest, writing: NoteWriting): Promise<string> {
	const { options, source } = request;
	if (options.web.placement !== 'note' && source) return writeInline(data, request, writing, source.path);
	return withRollback(writing.notes, async (notes) => {
		const { index } = writing;
		const channelPath = channelNotePath(options.web, data.info.channel.name);
		if (channelPath) await ensureChannelNote(notes, channelPath, data);
		const place = (notePath: string) => ({ notePath, sourcePath: source?.path ?? null, channelPath });
		const render = (notePath: string) => renderDigestNote(writing, data, writing.created, place(notePath), options);
		const existing = findExisting(index, data);
		const newPath = () =>
			newDigestPath(notes, options.outputFolder, nameValues(data, writing.created), options.fileNamePattern);
		let path = existing?.path ?? newPath();
		let rendered = await render(path);
		throwIfCancelled(writing.signal);
		// A digest whose generated part the user removed is left alone; the new one goes next to it.
		const updated = existing ? await replaceDigestBody(notes, path, rendered, true) : false;
		if (!updated) {
			if (existing) {
				path = newPath();
				rendered = await render(path);
			}
			await notes.create(path, digestNoteText(rendered));
		}
		// A source note deleted during the run gets no link; the digest is still worth keeping. Nor does the
		// digest note itself, when the run started from it.
		if (source && source.path !== path && notes.exists(source.path))
			await linkFromSource(notes, source, path, data.info.id);
		if (channelPath) {
			const today = formatDate(writing.created, 'YYYY-MM-DD');
			await listOnChannelNote(notes, index, channelPath, data, path, today);
		}
		return path;
	});
}

/** The digest of the same video in the same language, so a re-run updates it instead of adding a second one. */
function findExisting(index: VaultIndex | undefined, data: DigestData): IndexedDigest | undefined {
	return index
		?.digests()
		.find(
			(digest) =>
				digest.youtubeId === data.info.id && (digest.language || data.outputLanguage) === data.outputLanguage,
		);
}

async function linkFromSource(notes: NoteStore, source: SourceNote, digestPath: string, videoId: string) {
	const digestLink = notes.markdownLink(digestPath, source.path);
	await notes.update(source.path, (text) =>
		insertBacklink(text, { videoId, originalLinkText: source.linkText, digestLink }),
	);
}

/** What a file-name pattern can use: the video's title, channel, ids and dates. */
function nameValues(data: DigestData, created: Date): FileNameValues {
	const { info } = data;
	return {
		title: info.title,
		channel: info.channel.name,
		published: info.published ?? '',
		created: formatDate(created, 'YYYY-MM-DD'),
		videoId: info.id,
	};
}
