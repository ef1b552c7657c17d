import type { DigestData, DigestRequest } from '../digest';
import { throwIfCancelled } from '../errors';
import { insertBlockBelowLink } from '../notes/backlink';
import { replaceGenerated, wrapGenerated } from '../notes/generatedBlock';
import { NoteWriting, renderDigestNote } from './digestVault';

/** The digest as a generated block in the source note: below the link, or at the cursor; replaced on a re-run. */
export async function writeInline(
	data: DigestData,
	request: DigestRequest,
	writing: NoteWriting,
	sourcePath: string,
): Promise<string> {
	const { notes } = writing;
	const block = `digest-${data.info.id}`;
	const options = { ...request.options, web: { ...request.options.web, channelFolder: null } };
	const place = { notePath: sourcePath, sourcePath: null, channelPath: null };
	const rendered = await renderDigestNote(writing, data, writing.created, place, options);
	throwIfCancelled(writing.signal);
	if (replaceGenerated(await notes.read(sourcePath), block, rendered.body) !== null) {
		await notes.update(sourcePath, (current) => replaceGenerated(current, block, rendered.body) ?? current);
		return sourcePath;
	}
	const wrapped = wrapGenerated(block, rendered.body);
	const atCursor = request.options.web.placement === 'cursor' && notes.insertAtCursor?.(sourcePath, wrapped);
	if (!atCursor) {
		const anchor = { videoId: data.info.id, originalLinkText: request.source?.linkText };
		await notes.update(sourcePath, (current) => insertBlockBelowLink(current, anchor, wrapped));
	}
	return sourcePath;
}
