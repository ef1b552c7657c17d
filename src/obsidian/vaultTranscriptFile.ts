import { App, getLinkpath, TFile } from 'obsidian';
import { TranscriptFile } from '../core/transcript/subtitleFile';
import { chooseTranscriptFile, transcriptFileCandidates } from '../core/transcript/transcriptFileChoice';

/** The finder the pipeline asks when YouTube gives no captions: by the video id in the name, or a link. */
export function vaultTranscriptFile(
	app: App,
): (videoId: string, sourcePath: string | null) => Promise<TranscriptFile | null> {
	return async (videoId, sourcePath) => {
		const path = chooseTranscriptFile(videoId, vaultPaths(app), linkedPaths(app, sourcePath));
		const file = path ? app.vault.getFileByPath(path) : null;
		return file ? readTranscriptFile(app, file) : null;
	};
}

/** Subtitle files to pick from by hand, the video's own first. */
export function transcriptFilesFor(app: App, videoId: string): TFile[] {
	return transcriptFileCandidates(videoId, vaultPaths(app))
		.map((path) => app.vault.getFileByPath(path))
		.filter((file): file is TFile => file !== null);
}

export async function readTranscriptFile(app: App, file: TFile): Promise<TranscriptFile> {
	return { path: file.path, text: await app.vault.cachedRead(file) };
}

function vaultPaths(app: App): string[] {
	return app.vault.getFiles().map((file) => file.path);
}

/** Files the source note links to or embeds, resolved as Obsidian resolves them. */
function linkedPaths(app: App, sourcePath: string | null): string[] {
	const source = sourcePath ? app.vault.getFileByPath(sourcePath) : null;
	const cache = source ? app.metadataCache.getFileCache(source) : null;
	if (!source || !cache) return [];
	return [...(cache.embeds ?? []), ...(cache.links ?? [])]
		.map((link) => app.metadataCache.getFirstLinkpathDest(getLinkpath(link.link), source.path)?.path)
		.filter((path): path is string => path !== undefined);
}
