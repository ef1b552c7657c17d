import { blockMarkers } from './generatedBlock';
import { lineEndingOf } from './lineEnding';

/**
 * The original digest with a line linking one of its translations, right after its generated block,
 * where re-renders leave it alone. A link that is already there is not added again.
 */
export function addTranslationLink(text: string, blockName: string, languageName: string, link: string): string {
	if (text.includes(link)) return text;
	const eol = lineEndingOf(text);
	const line = `Translation (${languageName}): ${link}${eol}`;
	const { end } = blockMarkers(blockName);
	const at = text.indexOf(end);
	if (at < 0) return text.endsWith('\n') || text === '' ? `${text}${line}` : `${text}${eol}${line}`;
	const lineEnd = text.indexOf('\n', at);
	const insertAt = lineEnd < 0 ? text.length : lineEnd + 1;
	const prefix = lineEnd < 0 ? `${text}${eol}` : text.slice(0, insertAt);
	return `${prefix}${line}${text.slice(insertAt)}`;
}
