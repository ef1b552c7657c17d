import { App, normalizePath } from 'obsidian';
import { archiveKey, DigestArchive, DigestRecord } from '../core/digestArchive';

/** Digest records as JSON files in the plugin's own folder, outside the notes. */
export function vaultArchive(app: App, pluginDir: string): DigestArchive {
	const folder = normalizePath(`${pluginDir}/digests`);
	const pathOf = (videoId: string, language: string) => `${folder}/${archiveKey(videoId, language)}.json`;
	return {
		async load(videoId, language) {
			const path = pathOf(videoId, language);
			if (!(await app.vault.adapter.exists(path))) return null;
			try {
				const record = JSON.parse(await app.vault.adapter.read(path)) as DigestRecord;
				return record.version === 1 ? record : null;
			} catch {
				return null;
			}
		},
		async save(record) {
			if (!(await app.vault.adapter.exists(folder))) await app.vault.adapter.mkdir(folder);
			await app.vault.adapter.write(pathOf(record.data.info.id, record.data.outputLanguage), JSON.stringify(record));
		},
	};
}
