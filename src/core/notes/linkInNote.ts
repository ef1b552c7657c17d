import { frontmatterEnd } from './frontmatterBlock';
import { FoundVideoLink, findVideoLinks, parseVideoInput, VideoRef } from '../youtube/videoUrl';

export interface NoteLinkSources {
	selection: string;
	cursorLine: string;
	/** Cursor column on that line, to pick the link under the cursor when the line holds several. */
	cursorColumn: number;
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
 * link in the text.
 */
export function chooseVideoLink(sources: NoteLinkSources): ChosenVideoLink | null {
	const fromSelection = findVideoLinks(sources.selection)[0];
	if (fromSelection) return chosen(fromSelection, 'selection');
	const onLine = findVideoLinks(sources.cursorLine);
	const underCursor =
		onLine.find((link) => link.from <= sources.cursorColumn && sources.cursorColumn <= link.to) ?? onLine[0];
	if (underCursor) return chosen(underCursor, 'line');
	const fromProperty = linkFromProperties(sources.properties);
	if (fromProperty) return fromProperty;
	const inBody = findVideoLinks(sources.text.slice(frontmatterEnd(sources.text)))[0];
	return inBody ? chosen(inBody, 'body') : null;
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
