import type { DigestData } from './digestPipeline';

/**
 * What a run produced, kept so the note can be rendered again (new template, new timestamp style) or
 * translated without asking YouTube or the model again.
 */
export interface DigestRecord {
	version: 1;
	data: DigestData;
	/** The model that wrote the digest ('' for a transcript digest). */
	model: string;
	/** ISO time of the first run: a re-render keeps the note's `created`. */
	created: string;
	/** The note the video came from, when there was one. */
	sourcePath: string | null;
}

/** Where records live: the plugin's own folder in Obsidian. */
export interface DigestArchive {
	load(videoId: string, language: string): Promise<DigestRecord | null>;
	save(record: DigestRecord): Promise<void>;
}

/** One record per video and digest language: `GJLlxj_dtq8.en`, `GJLlxj_dtq8.german`. */
export function archiveKey(videoId: string, language: string): string {
	const safeLanguage = language.trim().toLowerCase().replace(/[^\p{L}\p{N}-]+/gu, '-') || 'default';
	return `${videoId.replace(/[^\w-]/g, '')}.${safeLanguage}`;
}
