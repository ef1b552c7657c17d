import { eachVideoLink, FoundVideoLink, findVideoLinks } from '../youtube/videoUrl';
import { frontmatterEnd } from './frontmatterBlock';
import { hidesLink, NonProseRange, nonProseRanges } from './nonProseRanges';

/**
 * The YouTube links of a note's body that are the user's prose: not in the properties, not in code,
 * not in an HTML or `%%` comment, not in `$$` math (an HTML block's links are kept). Every place that
 * picks a link from a note (the command, batches, the backlink's anchor) reads links through here.
 */
export function videoLinksInProse(text: string): FoundVideoLink[] {
	const bodyStart = frontmatterEnd(text);
	const links = findVideoLinks(text).filter((link) => link.from >= bodyStart);
	if (links.length === 0) return links;
	const ranges = nonProseRanges(text, links[links.length - 1].from);
	return links.filter((link) => !hidesLink(ranges, link.from));
}

/**
 * Whether `videoLinksInProse(text)` holds a link that `skip` does not refuse, reading the note only as far
 * as that first link when it can (most notes that hold a link hold it in prose, near the top).
 */
export function hasVideoLinkInProse(text: string, skip: (link: FoundVideoLink) => boolean): boolean {
	const bodyStart = frontmatterEnd(text);
	// The first candidate needs the ranges up to it only; after it, those of the whole note, made once.
	let ranges: NonProseRange[] | null = null;
	for (const link of eachVideoLink(text)) {
		if (link.from < bodyStart || skip(link)) continue;
		if (ranges === null) {
			if (!hidesLink(nonProseRanges(text, link.from), link.from)) return true;
			ranges = nonProseRanges(text);
		} else if (!hidesLink(ranges, link.from)) return true;
	}
	return false;
}
