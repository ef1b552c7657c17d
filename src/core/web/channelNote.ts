import { safeFileName } from '../notes/fileName';
import { replaceGenerated, wrapGenerated } from '../notes/generatedBlock';
import { serializeFrontmatter } from '../render/frontmatter';
import { escapeInline } from '../render/markdownSafety';
import { asText } from '../text';

/**
 * A channel note gathers every digest of one channel. The plugin owns only its generated block; the
 * rest of the note is the user's and is never rewritten.
 */
export const CHANNEL_BLOCK = 'channel';
export const CHANNEL_TAG = 'youtube-channel';

export interface ChannelRef {
	name: string;
	url: string;
}

/** One digest as read from its properties. */
export interface ChannelDigestEntry {
	/** A ready-made Markdown link to the digest, built by the adapter so that it follows the user's link settings. */
	link: string;
	title: string;
	published?: string | null;
	created?: string | null;
	/** `HH:MM:SS` as the digest's `duration` property holds it. */
	duration?: string | null;
}

export function channelNoteName(channelName: string): string {
	return safeFileName(channelName, 'YouTube channel');
}

/** The generated block's content: a heading, one line per digest, newest first, and the channel's page. */
export function channelNoteBody(channel: ChannelRef, digests: ChannelDigestEntry[]): string {
	const lines = sortChannelDigests(digests).map(digestLine);
	const list = lines.length > 0 ? lines.join('\n') : 'No digests yet.';
	const url = channelPageUrl(channel.url);
	return `## Digests from this channel\n\n${list}\n${url ? `\n[Channel on YouTube](${url})\n` : ''}`;
}

/**
 * The whole channel note: a new one when there is none, else the user's note with only the block's
 * content replaced, or with the block added at the end when the user removed it.
 */
export function updateChannelNote(
	existingText: string | null,
	channel: ChannelRef,
	digests: ChannelDigestEntry[],
): string {
	const body = channelNoteBody(channel, digests);
	if (existingText === null) return newChannelNote(channel, wrapGenerated(CHANNEL_BLOCK, body));
	const replaced = replaceGenerated(existingText, CHANNEL_BLOCK, body);
	if (replaced !== null) return replaced;
	return `${existingText}${separatorBefore(existingText)}${wrapGenerated(CHANNEL_BLOCK, body)}`;
}

/** Newest first by published date, else the day of the digest; undated last; ties by title, then link. */
export function sortChannelDigests(digests: ChannelDigestEntry[]): ChannelDigestEntry[] {
	return [...digests].sort(
		(a, b) =>
			compareText(sortDate(b), sortDate(a)) ||
			compareText(asText(a.title).toLowerCase(), asText(b.title).toLowerCase()) ||
			compareText(asText(a.title), asText(b.title)) ||
			compareText(a.link, b.link),
	);
}

function newChannelNote(channel: ChannelRef, block: string): string {
	const properties = serializeFrontmatter({ channel_url: channel.url || null, tags: [CHANNEL_TAG] });
	return `${properties}# ${escapeInline(channel.name) || 'YouTube channel'}\n\n${block}`;
}

/** A blank line between the user's last line and the block, adding only what is missing. */
function separatorBefore(text: string): string {
	if (text === '' || /\n[ \t]*\r?\n$/.test(text)) return '';
	return text.endsWith('\n') ? '\n' : '\n\n';
}

function digestLine(entry: ChannelDigestEntry): string {
	const details = [sortDate(entry), clockDuration(entry.duration)].filter(Boolean);
	return `- ${entry.link}${details.map((detail) => ` · ${detail}`).join('')}`;
}

/** Property values are whatever the user typed, text or not: only a real `YYYY-MM-DD` prefix counts as a date. */
function isoDay(value: string | null | undefined): string {
	return /^\d{4}-\d{2}-\d{2}/.exec(asText(value).trim())?.[0] ?? '';
}

function sortDate(entry: ChannelDigestEntry): string {
	return isoDay(entry.published) || isoDay(entry.created);
}

/** `00:12:34` reads as `12:34`; anything that is not a clock is left out rather than printed. */
function clockDuration(value: string | null | undefined): string {
	const clock = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/.exec(asText(value).trim());
	if (!clock) return '';
	const hours = Number(clock[1]);
	return hours > 0 ? `${hours}:${clock[2]}:${clock[3]}` : `${Number(clock[2])}:${clock[3]}`;
}

/**
 * The channel URL comes from YouTube's answer or a property: only an https YouTube page is linked, with
 * the characters that would end a Markdown link destination percent-encoded.
 */
function channelPageUrl(value: string): string {
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return '';
	}
	if (url.protocol !== 'https:' || !/^(?:(?:www|m)\.)?youtube\.com$/i.test(url.hostname)) return '';
	// A bare `%` could start an Obsidian comment (`%%`), so only real percent-escapes stay as they are.
	return url.href
		.replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
		.replace(/\(/g, '%28')
		.replace(/\)/g, '%29');
}

function compareText(a: string, b: string): number {
	if (a === b) return 0;
	return a < b ? -1 : 1;
}
