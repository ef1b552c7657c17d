import { DigestArchive, DigestRecord, TranscriptRecord, archiveKey, transcriptKey } from '../../src/core/digestArchive';

/** The archive port in memory, keyed like the plugin's files, with a log of what was saved. */
export function memoryArchive(): DigestArchive & { saved: DigestRecord[]; transcripts: Map<string, TranscriptRecord> } {
	const digests = new Map<string, DigestRecord>();
	const transcripts = new Map<string, TranscriptRecord>();
	const saved: DigestRecord[] = [];
	return {
		saved,
		transcripts,
		load: async (videoId, language) => structuredClone(digests.get(archiveKey(videoId, language)) ?? null),
		loadAll: async (videoId) =>
			structuredClone([...digests.values()].filter((record) => record.data.info.id === videoId)),
		async save(record) {
			saved.push(record);
			digests.set(archiveKey(record.data.info.id, record.data.outputLanguage), structuredClone(record));
		},
		loadTranscript: async (videoId, languages) =>
			structuredClone(transcripts.get(transcriptKey(videoId, languages)) ?? null),
		async saveTranscript(videoId, languages, record) {
			transcripts.set(transcriptKey(videoId, languages), structuredClone(record));
		},
		async clear() {
			const count = digests.size + transcripts.size;
			digests.clear();
			transcripts.clear();
			return count;
		},
	};
}
