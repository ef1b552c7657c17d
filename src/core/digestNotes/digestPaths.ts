import type { WebOptions } from '../digest';
import { availableNotePath, safeFileName, safeFolderPath } from '../notes/fileName';
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
	return freeNotePath(notes, folder, safeFileName(name, `YouTube ${values.videoId}`));
}

/** A translation beside its original: `Title (German).md`. */
export function translationPath(notes: NoteStore, originalPath: string, languageName: string): string {
	const slash = originalPath.lastIndexOf('/');
	const baseName = originalPath.slice(slash + 1).replace(/\.md$/, '');
	return freeNotePath(
		notes,
		originalPath.slice(0, Math.max(0, slash)),
		safeFileName(`${baseName} (${languageName})`),
	);
}

export function channelNotePath(web: WebOptions, channelName: string): string | null {
	if (web.channelFolder === null) return null;
	const folder = safeFolderPath(web.channelFolder);
	return `${folder ? `${folder}/` : ''}${channelNoteName(channelName)}.md`;
}

function freeNotePath(notes: NoteStore, folder: string, baseName: string): string {
	return availableNotePath(safeFolderPath(folder), baseName, (candidate) => notes.exists(candidate));
}
