import type { WebOptions } from '../digest';
import { availableNotePath, safeFileName, safeFolderPath } from '../notes/fileName';
import { NoteStore } from '../notes/noteStore';
import { channelNoteName } from '../web/channelNote';

/** Every note name the plugin makes goes through here, so each is safe and none overwrites another. */

/** `Folder/Title.md`, or `Title 2.md` when that is taken; the video id when the title leaves no name. */
export function newDigestPath(notes: NoteStore, folder: string, title: string, videoId: string): string {
	return freeNotePath(notes, folder, safeFileName(title, `YouTube ${videoId}`));
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
