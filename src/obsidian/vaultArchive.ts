import { App, normalizePath } from 'obsidian';
import {
	archiveKey,
	archivePrefix,
	DigestArchive,
	DigestRecord,
	readDigestRecord,
	TranscriptRecord,
	transcriptKey,
} from '../core/digestArchive';

/**
 * Records as JSON files in the plugin's own folder, outside the notes: `cache/digests` and
 * `cache/transcripts`. After each write the oldest files go until the folder is under `limitBytes()`.
 */
export function vaultArchive(app: App, pluginDir: string, limitBytes: () => number): DigestArchive {
	const adapter = app.vault.adapter;
	const root = normalizePath(`${pluginDir}/cache`);
	const digests = `${root}/digests`;
	const transcripts = `${root}/transcripts`;

	const read = async <T>(path: string): Promise<T | null> => {
		if (!(await adapter.exists(path))) return null;
		try {
			return JSON.parse(await adapter.read(path)) as T;
		} catch {
			return null;
		}
	};
	const write = async (folder: string, name: string, value: unknown) => {
		for (const path of [root, folder]) if (!(await adapter.exists(path))) await adapter.mkdir(path);
		await adapter.write(`${folder}/${name}.json`, JSON.stringify(value));
		await evictOldest();
	};
	const cacheFiles = async () => {
		const files: string[] = [];
		for (const folder of [digests, transcripts])
			if (await adapter.exists(folder)) files.push(...(await adapter.list(folder)).files);
		return files;
	};
	const evictOldest = async () => {
		const stats = [];
		for (const path of await cacheFiles()) {
			const stat = await adapter.stat(path);
			if (stat) stats.push({ path, size: stat.size, mtime: stat.mtime });
		}
		let total = stats.reduce((sum, file) => sum + file.size, 0);
		for (const file of stats.sort((a, b) => a.mtime - b.mtime)) {
			if (total <= limitBytes()) break;
			await adapter.remove(file.path);
			total -= file.size;
		}
	};

	return {
		async load(videoId, language) {
			return readDigestRecord(await read<unknown>(`${digests}/${archiveKey(videoId, language)}.json`));
		},
		async loadAll(videoId) {
			if (!(await adapter.exists(digests))) return [];
			const prefix = `${digests}/${archivePrefix(videoId)}`;
			const paths = (await adapter.list(digests)).files.filter((path) => path.startsWith(prefix));
			const records = await Promise.all(paths.map(async (path) => readDigestRecord(await read<unknown>(path))));
			return records.filter((record): record is DigestRecord => record?.data.info.id === videoId);
		},
		save: (record) => write(digests, archiveKey(record.data.info.id, record.data.outputLanguage), record),
		loadTranscript: (videoId, languages) =>
			read<TranscriptRecord>(`${transcripts}/${transcriptKey(videoId, languages)}.json`),
		saveTranscript: (videoId, languages, record) => write(transcripts, transcriptKey(videoId, languages), record),
		async clear() {
			const files = await cacheFiles();
			for (const path of files) await adapter.remove(path);
			return files.length;
		},
	};
}
