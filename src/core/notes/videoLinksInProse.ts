import { FoundVideoLink, findVideoLinks } from '../youtube/videoUrl';
import { frontmatterEnd } from './frontmatterBlock';
import { isInRanges, nonProseRanges } from './nonProseRanges';

/**
 * The YouTube links of a note's body that are the user's prose: not in the properties, not in code,
 * not in an HTML or `%%` comment. Every place that picks a link from a note (the command, batches, the
 * backlink's anchor) reads links through here.
 */
export function videoLinksInProse(text: string): FoundVideoLink[] {
	const bodyStart = frontmatterEnd(text);
	const ranges = nonProseRanges(text);
	return findVideoLinks(text).filter((link) => link.from >= bodyStart && !isInRanges(ranges, link.from));
}
