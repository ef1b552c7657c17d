import type { DigestData } from './digest';
import type { Transcript } from './youtube/transcriptSession';
import type { VideoInfo } from './youtube/videoInfo';

/**
 * What a run produced, kept so the note can be rendered again (new template, new timestamp style) or
 * translated without asking YouTube or the model again.
 */
export interface DigestRecord {
	version: 1;
	data: DigestData;
	/** Fingerprint of the template's instructions to the model ('' for none): other instructions, other digest. */
	instructionsKey?: string;
	/** ISO time of the first run: a re-render keeps the note's `created`. */
	created: string;
	/** The digest note the run wrote (its path then: the note may have been renamed since). */
	notePath?: string;
	/** The note the video came from, when there was one. */
	sourcePath: string | null;
}

/** A video's metadata and transcript, kept so that a new digest of it needs no YouTube request. */
export interface TranscriptRecord {
	info: VideoInfo;
	transcript: Transcript;
}

/** Where records live (the plugin's own folder in Obsidian), bounded in size by the implementation. */
export interface DigestArchive {
	load(videoId: string, language: string): Promise<DigestRecord | null>;
	/** Every record of the video, whatever its language. */
	loadAll(videoId: string): Promise<DigestRecord[]>;
	save(record: DigestRecord): Promise<void>;
	loadTranscript(videoId: string, languages: string[]): Promise<TranscriptRecord | null>;
	saveTranscript(videoId: string, languages: string[], record: TranscriptRecord): Promise<void>;
	/** Forgets everything; returns how many records were removed. */
	clear(): Promise<number>;
}

/** One record per video and digest language: `GJLlxj_dtq8.en`, `GJLlxj_dtq8.german`. */
export function archiveKey(videoId: string, language: string): string {
	const safeLanguage =
		language
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}-]+/gu, '-') || 'default';
	return `${archivePrefix(videoId)}${safeLanguage}`;
}

/** What every record key of one video starts with. */
export function archivePrefix(videoId: string): string {
	return `${videoId.replace(/[^\w-]/g, '')}.`;
}

/** Transcripts are kept per caption-language preference, since that decides which track was read. */
export function transcriptKey(videoId: string, languages: string[]): string {
	return archiveKey(videoId, languages.join('-') || 'spoken');
}

/** A stored record checked as it enters, or null; records written before `data.model` existed get it back. */
export function readDigestRecord(value: unknown): DigestRecord | null {
	if (typeof value !== 'object' || value === null) return null;
	const record = value as Partial<DigestRecord> & { model?: unknown };
	if (record.version !== 1 || typeof record.data !== 'object' || record.data === null) return null;
	const legacyModel = typeof record.model === 'string' ? record.model : '';
	const model = typeof record.data.model === 'string' ? record.data.model : legacyModel;
	return {
		version: 1,
		data: { ...record.data, model },
		instructionsKey: typeof record.instructionsKey === 'string' ? record.instructionsKey : '',
		created: typeof record.created === 'string' ? record.created : new Date(0).toISOString(),
		sourcePath: typeof record.sourcePath === 'string' ? record.sourcePath : null,
		...(typeof record.notePath === 'string' ? { notePath: record.notePath } : {}),
	};
}
