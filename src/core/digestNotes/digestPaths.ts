import type { WebOptions } from '../digest';
import {
	availableNotePath,
	MAX_NAME_BYTES,
	safeFileName,
	safeFolderPath,
	safeNameSegment,
	utf8Length,
} from '../notes/fileName';
import { DEFAULT_FILE_NAME_PATTERN, FileNameValues, fillFileNamePattern } from '../notes/fileNamePattern';
import { NoteStore } from '../notes/noteStore';
import { channelNoteName } from '../web/channelNote';

/** Every note name the plugin makes goes through here, so each is safe and none overwrites another. */

/**
 * `Folder/Title.md` (or the user's file-name pattern filled in), `Title 2.md` when that is taken; the
 * video id when the name comes out empty.
 */
export function newDigestPath(
	notes: NoteStore,
	folder: string,
	values: FileNameValues,
	pattern = DEFAULT_FILE_NAME_PATTERN,
): string {
	const name = fillFileNamePattern(pattern || DEFAULT_FILE_NAME_PATTERN, values);
	return freeNotePath(notes, safeFolderPath(folder), safeFileName(name, `YouTube ${values.videoId}`));
}

/**
 * A translation beside its original, in the folder the original is in now: `Title (German).md`. A long
 * title is cut so that the language stays in the name.
 */
export function translationPath(notes: NoteStore, originalPath: string, languageName: string): string {
	const slash = originalPath.lastIndexOf('/');
	const baseName = originalPath.slice(slash + 1).replace(/\.md$/, '');
	const language = ` (${safeNameSegment(languageName) || 'translation'})`;
	const room = MAX_NAME_BYTES - utf8Length(`${language}.md`);
	return freeNotePath(
		notes,
		originalPath.slice(0, Math.max(0, slash)),
		safeFileName(`${safeNameSegment(baseName, room)}${language}`),
	);
}

export function channelNotePath(web: WebOptions, channelName: string): string | null {
	if (web.channelFolder === null) return null;
	const folder = safeFolderPath(web.channelFolder);
	return `${folder ? `${folder}/` : ''}${channelNoteName(channelName)}.md`;
}

/** A path is taken when the store has it, also in another case: `Title.md` beside `title.md` gets a number. */
function freeNotePath(notes: NoteStore, safeFolder: string, baseName: string): string {
	const isTaken = (candidate: string) => notes.exists(candidate) || notes.existsIgnoringCase?.(candidate) === true;
	return availableNotePath(safeFolder, baseName, isTaken);
}
