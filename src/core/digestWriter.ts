import type { DigestData, DigestDependencies, DigestRequest } from './digestPipeline';
import { DigestError, throwIfCancelled } from './errors';
import { insertBacklink, insertBlockBelowLink } from './notes/backlink';
import { availableNotePath, safeFileName, safeFolderPath } from './notes/fileName';
import { replaceGenerated, wrapGenerated } from './notes/generatedBlock';
import { NoteStore } from './notes/noteStore';
import { WebContext } from './render/digestContext';
import { formatDate } from './render/dateFormat';
import { mergeFrontmatter } from './render/frontmatter';
import { formatClockDuration } from './transcript/timestamps';
import { DIGEST_BLOCK, digestNoteText, renderDigest, RenderedDigest } from './render/renderDigest';
import { channelNoteName, updateChannelNote } from './web/channelNote';
import { EntityLinkMode, entityListLines, linkEntities } from './web/entityLinks';
import { relatedDigests } from './web/relatedDigests';
import { IndexedDigest, VaultIndex } from './web/vaultIndex';

/** Where a digest goes: a note of its own, or inside the note the link came from. */
export type Placement = 'note' | 'below-link' | 'cursor';

export interface WebOptions {
	/** Folder for channel notes; null for no channel notes. */
	channelFolder: string | null;
	entityLinks: EntityLinkMode;
	/** How many related digests to list; 0 for none. */
	relatedLimit: number;
	placement: Placement;
}

export const DEFAULT_WEB_OPTIONS: WebOptions = {
	channelFolder: 'YouTube channels',
	entityLinks: 'existing',
	relatedLimit: 5,
	placement: 'note',
};

/**
 * Writes the digest: a new note, or the existing digest of the same video and language updated in place,
 * or a block inside the source note. Links it from the source note and lists it on the channel note.
 * Whatever this run created is removed again when a later step fails. Returns the path written.
 */
export async function writeDigest(data: DigestData, request: DigestRequest, deps: DigestDependencies): Promise<string> {
	deps.onProgress?.('writing');
	const web = request.options.web;
	if (web.placement !== 'note' && request.source) return writeInline(data, request, deps, request.source.path);

	const { notes } = deps;
	const existing = findExisting(deps.index, data);
	const created: string[] = [];
	try {
		const channel = await ensureChannelNote(notes, web, data, created);
		const newPath = () =>
			availableNotePath(
				safeFolderPath(request.options.outputFolder),
				safeFileName(data.info.title, `YouTube ${data.info.id}`),
				(candidate) => notes.exists(candidate),
			);
		const path = existing?.path ?? newPath();
		const rendered = await render(data, request, deps, path, channel);
		throwIfCancelled(deps.signal);
		const updated = existing ? await updateInPlace(notes, path, rendered) : false;
		// A digest whose generated part the user removed is left alone; the new one goes next to it.
		const finalPath = existing && !updated ? newPath() : path;
		if (!updated) {
			await notes.create(
				finalPath,
				digestNoteText(finalPath === path ? rendered : await render(data, request, deps, finalPath, channel)),
			);
			created.push(finalPath);
		}
		if (request.source) await linkFromSource(notes, request.source, finalPath, data.info.id);
		if (channel)
			await listOnChannelNote(notes, deps.index, channel, data, finalPath, formatDate(deps.now(), 'YYYY-MM-DD'));
		return finalPath;
	} catch (error) {
		for (const path of created.reverse()) await notes.remove(path).catch(() => undefined);
		throw error instanceof DigestError
			? error
			: new DigestError('write-failed', error instanceof Error ? error.message : undefined, { cause: error });
	}
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

async function render(
	data: DigestData,
	request: DigestRequest,
	deps: DigestDependencies,
	notePath: string,
	channelPath: string | null,
): Promise<RenderedDigest> {
	const source = request.source;
	return renderDigest({
		data,
		model: data.digest ? (deps.chatModel?.model ?? '') : '',
		created: deps.now(),
		...sourceLinks(deps.notes, source?.path ?? null, notePath),
		options: request.options,
		web: webContext(data, deps, request.options.web, notePath, channelPath),
	});
}

/** The links from a digest note back to its source note, for the body and for the properties; '' without one. */
export function sourceLinks(
	notes: NoteStore,
	sourcePath: string | null,
	notePath: string,
): { sourceNoteLink: string; sourceNoteProperty: string } {
	if (!sourcePath || !notes.exists(sourcePath)) return { sourceNoteLink: '', sourceNoteProperty: '' };
	return {
		sourceNoteLink: notes.markdownLink(sourcePath, notePath),
		sourceNoteProperty: notes.propertyLink(sourcePath, notePath),
	};
}

/** Links to the channel note, the entities' notes and related digests, from the vault as it is now. */
export function webContext(
	data: DigestData,
	deps: Pick<DigestDependencies, 'notes' | 'index'>,
	web: WebOptions,
	notePath: string,
	channelPath: string | null,
): WebContext {
	const { notes, index } = deps;
	const entities = linkEntities(data.digest?.entities ?? [], index?.notes() ?? [], web.entityLinks);
	const others = (index?.digests() ?? []).filter((digest) => digest.path !== notePath);
	const related = relatedDigests(
		{
			path: notePath,
			youtubeId: data.info.id,
			channel: data.info.channel.name,
			tags: data.digest?.tags ?? [],
			entities: entities.map((entity) => entity.name),
		},
		others.map((digest) => ({
			path: digest.path,
			youtubeId: digest.youtubeId,
			channel: digest.channel,
			tags: digest.tags,
			entities: digest.entities,
		})),
		web.relatedLimit,
	);
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

/** The generated part replaced and the generated properties set; `created` and everything else the user added kept. */
async function updateInPlace(notes: NoteStore, path: string, rendered: RenderedDigest): Promise<boolean> {
	if (replaceGenerated(await notes.read(path), DIGEST_BLOCK, '') === null) return false;
	const properties = Object.fromEntries(Object.entries(rendered.properties).filter(([key]) => key !== 'created'));
	await notes.update(path, (text) =>
		mergeFrontmatter(replaceGenerated(text, DIGEST_BLOCK, rendered.body) ?? text, properties),
	);
	return true;
}

async function linkFromSource(
	notes: NoteStore,
	source: { path: string; linkText?: string },
	digestPath: string,
	videoId: string,
): Promise<void> {
	const digestLink = notes.markdownLink(digestPath, source.path);
	await notes.update(source.path, (text) =>
		insertBacklink(text, { videoId, originalLinkText: source.linkText, digestLink }),
	);
}

/** The channel note's path, created (empty) when missing so the digest can link to it; null when channel notes are off. */
async function ensureChannelNote(
	notes: NoteStore,
	web: WebOptions,
	data: DigestData,
	created: string[],
): Promise<string | null> {
	const path = channelNotePath(web, data.info.channel.name);
	if (path === null) return null;
	if (!notes.exists(path)) {
		await notes.create(path, updateChannelNote(null, channelRef(data), []));
		created.push(path);
	}
	return path;
}

export function channelNotePath(web: WebOptions, channelName: string): string | null {
	if (web.channelFolder === null) return null;
	const folder = safeFolderPath(web.channelFolder);
	return `${folder ? `${folder}/` : ''}${channelNoteName(channelName)}.md`;
}

/** Rewrites the channel note's list from every digest of the channel in the vault, this one included. */
async function listOnChannelNote(
	notes: NoteStore,
	index: VaultIndex | undefined,
	channelPath: string,
	data: DigestData,
	digestPath: string,
	today: string,
): Promise<void> {
	const channel = channelRef(data);
	const others = (index?.digests() ?? []).filter(
		(digest) => digest.path !== digestPath && sameChannel(digest, channel),
	);
	const entries = [
		...others.map((digest) => ({
			link: notes.markdownLink(digest.path, channelPath),
			title: digest.title,
			published: digest.published,
			created: digest.created,
			duration: digest.duration,
		})),
		{
			link: notes.markdownLink(digestPath, channelPath),
			title: data.info.title,
			published: data.info.published,
			created: today,
			duration: formatClockDuration(data.info.durationSeconds),
		},
	];
	await notes.update(channelPath, (text) => updateChannelNote(text, channel, entries));
}

function channelRef(data: DigestData): { name: string; url: string } {
	return { name: data.info.channel.name, url: data.info.channel.url };
}

function sameChannel(digest: IndexedDigest, channel: { name: string; url: string }): boolean {
	// Digests written without `channel_url` (no longer a default property) are matched by name.
	return channel.url && digest.channelUrl ? digest.channelUrl === channel.url : digest.channel === channel.name;
}

/** The digest as a generated block in the source note: below the link, or at the cursor; replaced on a re-run. */
async function writeInline(
	data: DigestData,
	request: DigestRequest,
	deps: DigestDependencies,
	sourcePath: string,
): Promise<string> {
	const { notes } = deps;
	const block = `digest-${data.info.id}`;
	const rendered = await renderDigest({
		data,
		model: data.digest ? (deps.chatModel?.model ?? '') : '',
		created: deps.now(),
		sourceNoteLink: '',
		sourceNoteProperty: '',
		options: request.options,
		web: webContext(data, deps, { ...request.options.web, channelFolder: null }, sourcePath, null),
	});
	throwIfCancelled(deps.signal);
	const text = await notes.read(sourcePath);
	if (replaceGenerated(text, block, rendered.body) !== null) {
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
