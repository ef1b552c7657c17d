import { TimestampStyle } from './timestampStyle';
import { formatTimestamp } from '../transcript/timestamps';
import { timestampUrl } from '../youtube/videoUrl';
import { collapseWhitespace, escapeInline, escapeMarkdown, safeLinkTarget } from './markdownSafety';
import { safeFileName } from '../notes/fileName';
import { yamlString } from './frontmatter';
import { asText } from '../text';
import { formatDate, parseDate } from './dateFormat';

/** What a helper sees of Handlebars: hash arguments, the block body, the root context. */
export interface HelperOptions {
	hash: Record<string, unknown>;
	fn?: (context: unknown) => string;
	data?: { root?: Record<string, unknown> };
}

/** Marks a helper's output as Markdown the plugin built itself, so `{{…}}` does not escape it again. */
export type Trusted = (markdown: string) => unknown;

/**
 * Pure helpers: each builds Markdown from its arguments, escaping every untrusted piece it places, and
 * never touches files, the network or code. The last argument is always Handlebars' options object.
 */
export function createHelpers(trusted: Trusted): Record<string, (this: unknown, ...args: unknown[]) => unknown> {
	return {
		timestamp: (seconds: unknown, options: unknown) => timestampLabel(seconds, root(options)),
		timestampLink: (seconds: unknown, options: unknown) => trusted(timestampLink(seconds, root(options))),
		wikilink: (...args: unknown[]) => trusted(wikilink(argText(args[0]), args.length > 2 ? argText(args[1]) : '')),
		callout(...args: unknown[]) {
			return trusted(callout(this, args));
		},
		blockquote(...args: unknown[]) {
			return trusted(blockquote(blockBody(this, args)));
		},
		list: (items: unknown) => trusted(list(items)),
		join: (items: unknown, separator: unknown) => join(items, typeof separator === 'string' ? separator : ', '),
		default: (value: unknown, fallback: unknown) => (isEmpty(value) ? fallback : value),
		truncate: (value: unknown, length: unknown) => truncate(argText(value), Number(length) || 100),
		safeName: (value: unknown) => safeFileName(argText(value)),
		yaml: (value: unknown) => trusted(yamlString(argText(value))),
		date: (value: unknown, format: unknown) => {
			const date = parseDate(value);
			return date ? formatDate(date, typeof format === 'string' ? format : 'YYYY-MM-DD') : '';
		},
	};
}

/**
 * An argument as text: a nested helper's output (a SafeString, e.g. `{{truncate (wikilink title) 20}}`) by its
 * Markdown, anything else as `asText` reads it.
 */
function argText(value: unknown): string {
	return isTrusted(value) ? asText((value as { toHTML: () => unknown }).toHTML()) : asText(value);
}

function isTrusted(value: unknown): boolean {
	return typeof value === 'object' && value !== null && typeof (value as { toHTML?: unknown }).toHTML === 'function';
}

function root(options: unknown): Record<string, unknown> {
	return (options as HelperOptions | undefined)?.data?.root ?? {};
}

function seconds(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function timestampLabel(value: unknown, context: Record<string, unknown>): string {
	const at = seconds(value);
	return at === null ? '' : formatTimestamp(at, Number(context.durationSeconds) >= 3600);
}

/** `[12:34](https://www.youtube.com/watch?v=ID&t=754s)`, or the link shape of a media plugin; '' for no time. */
export function timestampLink(value: unknown, context: Record<string, unknown>): string {
	const at = seconds(value);
	if (at === null) return '';
	const label = timestampLabel(at, context);
	const videoId = asText(context.videoId);
	const style = (context.timestampStyle as TimestampStyle | undefined) ?? 'youtube';
	if (style === 'media-extended') return `[${label}](${context.url as string}#t=${Math.floor(at)})`;
	if (style === 'media-notes') return `[${label}]()`;
	return `[${label}](${timestampUrl(videoId, at)})`;
}

export function wikilink(target: string, alias: string): string {
	const cleanTarget = safeLinkTarget(target);
	if (!cleanTarget) return '';
	const cleanAlias = escapeInline(alias.replace(/\]\]/g, '] ]')).replace(/\\\|/g, '-');
	return cleanAlias ? `[[${cleanTarget}|${cleanAlias}]]` : `[[${cleanTarget}]]`;
}

/** `{{#callout "tip" "Title" fold="-"}}body{{/callout}}` or `{{callout text type="tip" title="Title"}}`. */
function callout(context: unknown, args: unknown[]): string {
	const options = args[args.length - 1] as HelperOptions;
	const positional = args.slice(0, -1).map(argText);
	const isBlock = typeof options.fn === 'function';
	const body = blockBody(context, args);
	const type =
		(argText(options.hash.type) || (isBlock ? (positional[0] ?? '') : '')).replace(/[^\w-]/g, '') || 'note';
	const title = argText(options.hash.title) || (isBlock ? (positional[1] ?? '') : '');
	const fold = options.hash.fold === '-' || options.hash.fold === '+' ? options.hash.fold : '';
	const header = `> [!${type}]${fold}${title ? ` ${escapeInline(title)}` : ''}`;
	// A block keeps the line break that ended its body, as the template's own lines would.
	return `${header}\n${blockquote(body)}${isBlock ? '\n' : ''}`;
}

/** The rendered block of a block helper, or its first argument escaped when used inline. */
function blockBody(context: unknown, args: unknown[]): string {
	const options = args[args.length - 1] as HelperOptions;
	if (typeof options.fn === 'function') return options.fn(context);
	if (args.length < 2) return '';
	// A nested helper's output is Markdown the plugin built (a callout in a blockquote): kept, not escaped.
	return isTrusted(args[0]) ? argText(args[0]) : escapeMarkdown(asText(args[0]));
}

function blockquote(markdown: string): string {
	return markdown
		.replace(/\s+$/, '')
		.split('\n')
		.map((line) => (line.trim() ? `> ${line}` : '>'))
		.join('\n');
}

function list(items: unknown): string {
	if (!Array.isArray(items)) return '';
	return items.map((item) => `- ${escapeInline(argText(item))}`).join('\n');
}

function join(items: unknown, separator: string): string {
	return Array.isArray(items) ? items.map((item) => collapseWhitespace(argText(item))).join(separator) : '';
}

function truncate(text: string, length: number): string {
	const characters = [...text];
	return characters.length <= length
		? text
		: `${characters
				.slice(0, Math.max(0, length - 1))
				.join('')
				.trimEnd()}…`;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
