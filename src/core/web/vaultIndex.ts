import { ExistingNote } from './entityLinks';

/** A digest note as its properties describe it. */
export interface IndexedDigest {
	path: string;
	youtubeId: string;
	language: string;
	title: string;
	channel: string;
	channelUrl: string;
	published: string | null;
	created: string | null;
	duration: string | null;
	tags: string[];
	entities: string[];
}

/**
 * What the writer needs to know about the rest of the vault, read from note properties (Obsidian's
 * metadata cache, or the files of a folder): the digests already there and the notes entities can link to.
 */
export interface VaultIndex {
	digests(): IndexedDigest[];
	notes(): ExistingNote[];
}

/** An index entry from a note's properties, or null when the note is not a digest. */
export function indexedDigest(
	path: string,
	properties: Record<string, unknown> | null | undefined,
): IndexedDigest | null {
	const youtubeId = properties?.youtube_id;
	if (!properties || typeof youtubeId !== 'string' || !youtubeId) return null;
	const text = (key: string) => (typeof properties[key] === 'string' ? properties[key] : null);
	const list = (key: string) =>
		([] as unknown[]).concat(properties[key] ?? []).filter((item): item is string => typeof item === 'string');
	return {
		path,
		youtubeId,
		language: text('language') ?? '',
		title: text('title') ?? path.replace(/^.*\//, '').replace(/\.md$/, ''),
		// `author` is a list of links (as the Web Clipper writes it) or, in older digests, one text.
		channel: (text('author') ?? list('author')[0] ?? '').replace(/^\[\[([^|\]]+)(?:\|[^\]]*)?\]\]$/, '$1'),
		channelUrl: text('channel_url') ?? '',
		published: text('published') ?? dateText(properties.published),
		created: text('created') ?? dateText(properties.created),
		duration: text('duration'),
		tags: list('tags'),
		entities: list('entities'),
	};
}

/** YAML readers turn unquoted dates into Date objects. */
function dateText(value: unknown): string | null {
	return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : null;
}
