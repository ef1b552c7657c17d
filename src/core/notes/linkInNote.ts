import { hidesLink, nonProseRanges } from './nonProseRanges';
import { videoLinksInProse } from './videoLinksInProse';
import { FoundVideoLink, parseVideoInput, VideoRef } from '../youtube/videoUrl';

export interface NoteLinkSources {
	selection: string;
	cursorLine: string;
	/** Cursor column on that line, to pick the link under the cursor when the line holds several. */
	cursorColumn: number;
	/** The cursor line's number (from 0) in `text`, so a line inside a code block or comment is known as such. */
	cursorLineNumber?: number;
	properties: Record<string, unknown> | null;
	/** The whole note text. */
	text: string;
}

export type LinkOrigin = 'selection' | 'line' | 'property' | 'body';

export interface ChosenVideoLink {
	ref: VideoRef;
	/** The link as written, so the backlink can go right below this very link. */
	linkText: string;
	origin: LinkOrigin;
}

/**
 * Properties where notes keep the URL they are about: the Web Clipper's `source`, plain `url`, Media Notes'
 * `media_link`.
 */
const LINK_PROPERTIES = ['source', 'url', 'media_link'];

/**
 * The video a note is about: the selection, else the cursor's line, else a link property, else the first
 * link in the text. Links in code or comments are never chosen (see `videoLinksInProse`).
 */
export function chooseVideoLink(sources: NoteLinkSources): ChosenVideoLink | null {
	const fromSelection = videoLinksInProse(sources.selection)[0];
	if (fromSelection) return chosen(fromSelection, 'selection');
	const onLine = cursorLineInProse(sources) ? videoLinksInProse(sources.cursorLine) : [];
	const underCursor =
		onLine.find((link) => link.from <= sources.cursorColumn && sources.cursorColumn <= link.to) ?? onLine[0];
	if (underCursor) return chosen(underCursor, 'line');
	const fromProperty = linkFromProperties(sources.properties);
	if (fromProperty) return fromProperty;
	const inBody = videoLinksInProse(sources.text)[0];
	return inBody ? chosen(inBody, 'body') : null;
}

/** False when the cursor's line lies inside a fence, a comment or math of the note (known only with its number). */
function cursorLineInProse(sources: NoteLinkSources): boolean {
	const number = sources.cursorLineNumber;
	if (number === undefined || !Number.isInteger(number) || number < 0) return true;
	let offset = 0;
	for (let line = 0; line < number; line++) {
		const newline = sources.text.indexOf('\n', offset);
		if (newline < 0) return true;
		offset = newline + 1;
	}
	const ranges = nonProseRanges(sources.text).filter((range) => range.kind !== 'code');
	return !hidesLink(ranges, offset);
}

function chosen(link: FoundVideoLink, origin: LinkOrigin): ChosenVideoLink {
	return { ref: link.ref, linkText: link.text, origin };
}

function linkFromProperties(properties: Record<string, unknown> | null): ChosenVideoLink | null {
	if (!properties) return null;
	for (const name of LINK_PROPERTIES) {
		const values = ([] as unknown[]).concat(properties[name] ?? []);
		for (const value of values) {
			if (typeof value !== 'string') continue;
			const ref = parseVideoInput(value);
			if (ref) return { ref, linkText: value.trim(), origin: 'property' };
		}
	}
	return null;
}
