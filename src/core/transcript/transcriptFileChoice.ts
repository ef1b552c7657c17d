import { isTranscriptFilePath } from './subtitleFile';

/**
 * Which subtitle file in the vault belongs to a video: one the source note links or embeds comes first
 * (the user said so) — the one naming this video when it links several, any name when it links just one —
 * then one whose name holds the video id (`dQw4w9WgXcQ.en.srt`, `Talk [dQw4w9WgXcQ].vtt`).
 */
export function chooseTranscriptFile(videoId: string, vaultPaths: string[], linkedPaths: string[]): string | null {
	const linkedFiles = linkedPaths.filter(isTranscriptFilePath);
	const linked =
		linkedFiles.find((path) => nameHolds(path, videoId)) ?? (linkedFiles.length === 1 ? linkedFiles[0] : null);
	if (linked) return linked;
	return vaultPaths.filter((path) => isTranscriptFilePath(path) && nameHolds(path, videoId)).sort(byPath)[0] ?? null;
}

/** Candidates for an explicit choice: the video's own files first, then every other subtitle file. */
export function transcriptFileCandidates(videoId: string, vaultPaths: string[]): string[] {
	const files = vaultPaths.filter(isTranscriptFilePath).sort(byPath);
	return [...files.filter((path) => nameHolds(path, videoId)), ...files.filter((path) => !nameHolds(path, videoId))];
}

/** The id as a whole word of the name: `abc` must not match inside `xabcy`, since ids are letters and digits. */
function nameHolds(path: string, videoId: string): boolean {
	const name = path.slice(path.lastIndexOf('/') + 1);
	const at = name.indexOf(videoId);
	if (at < 0 || !videoId) return false;
	const isIdCharacter = (character: string | undefined) => character !== undefined && /[\w-]/.test(character);
	return !isIdCharacter(name[at - 1]) && !isIdCharacter(name[at + videoId.length]);
}

function byPath(a: string, b: string): number {
	return a.localeCompare(b);
}
