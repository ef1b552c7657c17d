import { safeFileName } from '../notes/fileName';
import { generatedContent, replaceGenerated, wrapGenerated } from '../notes/generatedBlock';
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
 * content replaced, or with the block added at the end when the user removed it. The list is updated,
 * never rebuilt: every digest it already lists stays (a property renamed or removed since cannot drop
 * it), and `digests` are added or replace the line of the same note. Run inside the store's atomic
 * update, two runs for one channel each keep the other's line.
 */
export function updateChannelNote(
	existingText: string | null,
	channel: ChannelRef,
	digests: ChannelDigestEntry[],
): string {
	const listed = listedDigests(existingText ?? '');
	for (const digest of digests) {
		const same = listed.findIndex((entry) => sameNote(entry.link, digest.link));
		if (same >= 0) listed[same] = digest;
		else listed.push(digest);
	}
	const body = channelNoteBody(channel, listed);
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

/**
 * The digests the note's block lists now, read back from their lines (`- link · 2026-01-15 · 5:16`). A link
 * keeps its note's identity: Obsidian rewrites it when the note is renamed.
 */
function listedDigests(text: string): ChannelDigestEntry[] {
	const block = generatedContent(text, CHANNEL_BLOCK) ?? '';
	return block.split(/\r?\n/).flatMap((line) => {
		// Only a date or a clock counts as a detail: a title may hold ` · ` itself.
		const item = /^- (.+?)((?: · (?:\d{4}-\d{2}-\d{2}|\d+(?::\d{2}){1,2}))*)\s*$/.exec(line);
		if (!item) return [];
		const details = item[2].split(' · ').map((detail) => detail.trim());
		const date = details.find((detail) => /^\d{4}-\d{2}-\d{2}$/.test(detail)) ?? null;
		const clock = details.find((detail) => /^\d+(?::\d{2}){1,2}$/.test(detail)) ?? null;
		return [{ link: item[1], title: linkLabel(item[1]), published: date, duration: clock && fullClock(clock) }];
	});
}

/**
 * Two links to one note, whatever their form: `[[Talk]]`, `[[Digests/Talk|Talk]]` and `[Talk](Digests/Talk.md)`
 * name the same note when their paths agree, or when one is the shortest form (the name alone) of the other.
 */
function sameNote(a: string, b: string): boolean {
	const [first, second] = [linkTarget(a), linkTarget(b)];
	if (first === second) return true;
	const name = (target: string) => target.slice(target.lastIndexOf('/') + 1);
	return (!first.includes('/') || !second.includes('/')) && name(first) === name(second);
}

function linkTarget(link: string): string {
	const wiki = /^\[\[([^\]|#]*)/.exec(link)?.[1];
	const markdown = /^\[[^\]]*\]\(<?([^)>]*)>?\)$/.exec(link)?.[1];
	let target = wiki ?? markdown ?? link;
	try {
		target = markdown === undefined ? target : decodeURI(target);
	} catch {
		// A malformed escape stays as written: the link is still compared as text.
	}
	return target
		.trim()
		.replace(/^\.?\//, '')
		.replace(/\.md$/i, '')
		.toLowerCase();
}

/** The text a reader sees of a link, for sorting ties: `[[Note|shown]]` → shown, `[shown](…)` → shown. */
function linkLabel(link: string): string {
	const wiki = /^\[\[([^\]|]*)(?:\|([^\]]*))?\]\]$/.exec(link);
	if (wiki) return wiki[2] ?? wiki[1];
	return /^\[([^\]]*)\]\(/.exec(link)?.[1] ?? link;
}

/** `5:16` → `00:05:16`, the shape the `duration` property has. */
function fullClock(clock: string): string {
	const parts = clock.split(':');
	while (parts.length < 3) parts.unshift('0');
	return parts.map((part) => part.padStart(2, '0')).join(':');
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
