import { replaceControlCharacters } from '../text';

/**
 * Untrusted text (transcript, title, description, model output) must reach a note as inert text:
 * nothing that Templater, Dataview or the Markdown renderer would run, embed, hide, link or tag.
 * Every replacement keeps the text readable: a backslash escape renders as the character itself.
 */
export function escapeMarkdown(text: string): string {
	return (
		replaceControlCharacters(text)
			.replace(/\\/g, '\\\\')
			.replace(/<(?=[A-Za-z!/?])/g, '&lt;')
			.replace(/[`$|%[\]]/g, '\\$&')
			// Dataview reads `key:: value` as a field of the note.
			.replace(/::/g, ':\\:')
			.replace(/(^|\s)#/g, '$1\\#')
	);
}

/** For one-line places (list items, headings, table cells, link labels): whitespace collapsed, then escaped. */
export function escapeInline(text: string): string {
	return escapeMarkdown(collapseWhitespace(text));
}

export function collapseWhitespace(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * A wikilink target that points where it says: characters that Obsidian reads as link syntax
 * (`# | ^ : %% [[ ]]`) or that file systems refuse are dropped.
 */
export function safeLinkTarget(text: string): string {
	return collapseWhitespace(replaceControlCharacters(text).replace(/[#|^:%[\]\\*"<>?]/g, ' '));
}
