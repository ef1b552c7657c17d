import type { DigestData, RenderOptions, WebOptions } from '../digest';
import { NoteStore } from '../notes/noteStore';
import { WebContext } from '../render/digestContext';
import { renderDigest, RenderedDigest } from './renderDigest';
import { entityListLines, linkEntities } from '../web/entityLinks';
import { relatedDigests } from '../web/relatedDigests';
import { VaultIndex } from '../web/vaultIndex';

/** The vault as the digest-note use cases see it: notes to read and write, and an index of what is there. */
export interface DigestVault {
	notes: NoteStore;
	/** The vault's digests and notes, for updating in place, channel notes, entity links and related digests. */
	index?: VaultIndex;
}

/** What writing a digest needs beyond the vault. */
export interface NoteWriting extends DigestVault {
	/** The run's time: the note's `created`, and its date on the channel note. */
	created: Date;
	signal?: AbortSignal;
}

/** Where a digest note stands in the vault: its own path, its source note and its channel note. */
export interface NotePlace {
	notePath: string;
	sourcePath: string | null;
	channelPath: string | null;
}

/** The note's body and properties, with every link made from where the note is (or will be). */
export function renderDigestNote(
	vault: DigestVault,
	data: DigestData,
	created: Date,
	place: NotePlace,
	options: RenderOptions & { web: WebOptions },
): Promise<RenderedDigest> {
	return renderDigest({
		data,
		created,
		...sourceLinks(vault.notes, place.sourcePath, place.notePath),
		options,
		web: webContext(vault, data, options.web, place.notePath, place.channelPath),
	});
}

/**
 * The links from a digest note back to its source note, for the body and for the properties; '' without one,
 * and when the run started from the digest note itself (its `source_note` then stays as it was).
 */
function sourceLinks(
	notes: NoteStore,
	sourcePath: string | null,
	notePath: string,
): { sourceNoteLink: string; sourceNoteProperty: string } {
	if (!sourcePath || sourcePath === notePath || !notes.exists(sourcePath))
		return { sourceNoteLink: '', sourceNoteProperty: '' };
	return {
		sourceNoteLink: notes.markdownLink(sourcePath, notePath),
		sourceNoteProperty: notes.propertyLink(sourcePath, notePath),
	};
}

/** Links to the channel note, the entities' notes and related digests, from the vault as it is now. */
function webContext(
	{ notes, index }: DigestVault,
	data: DigestData,
	web: WebOptions,
	notePath: string,
	channelPath: string | null,
): WebContext {
	const entities = linkEntities(data.digest?.entities ?? [], index?.notes() ?? [], web.entityLinks);
	const others = (index?.digests() ?? []).filter((digest) => digest.path !== notePath);
	const facts = {
		path: notePath,
		youtubeId: data.info.id,
		channel: data.info.channel.name,
		tags: data.digest?.tags ?? [],
		entities: entities.map((entity) => entity.name),
	};
	const related = relatedDigests(facts, others, web.relatedLimit);
	return {
		author: channelPath ? notes.propertyLink(channelPath, notePath) : data.info.channel.name,
		channelNote: channelPath ? notes.markdownLink(channelPath, notePath) : '',
		entityList: entityListLines(entities, (path) => notes.markdownLink(path, notePath)),
		related:
			web.relatedLimit > 0
				? related.map((digest) => `- ${notes.markdownLink(digest.path, notePath)}`).join('\n')
				: '',
	};
}
