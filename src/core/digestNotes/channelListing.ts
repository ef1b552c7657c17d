import type { DigestData } from '../digest';
import { NoteStore } from '../notes/noteStore';
import { formatClockDuration } from '../transcript/timestamps';
import { ChannelRef, updateChannelNote } from '../web/channelNote';
import { IndexedDigest, VaultIndex } from '../web/vaultIndex';

/** Creates the (empty) channel note when missing, so the digest can link to it. */
export async function ensureChannelNote(notes: NoteStore, path: string, data: DigestData): Promise<void> {
	if (!notes.exists(path)) await notes.create(path, updateChannelNote(null, channelRef(data), []));
}

/** Rewrites the channel note's list from every digest of the channel in the vault, this one included. */
export async function listOnChannelNote(
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

function channelRef(data: DigestData): ChannelRef {
	return { name: data.info.channel.name, url: data.info.channel.url };
}

function sameChannel(digest: IndexedDigest, channel: ChannelRef): boolean {
	// Digests written without `channel_url` (no longer a default property) are matched by name.
	return channel.url && digest.channelUrl ? digest.channelUrl === channel.url : digest.channel === channel.name;
}
