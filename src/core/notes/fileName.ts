import { replaceControlCharacters } from '../text';

/** Names that Windows refuses for a file whatever the extension. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_NAME_LENGTH = 120;

/**
 * A file name that every platform and Obsidian accept and that stays inside its folder: no path
 * separators, no characters Obsidian reads as link syntax, no leading dots, no reserved device names.
 */
export function safeFileName(title: string, fallback = 'YouTube digest'): string {
	let name = replaceControlCharacters(title.normalize('NFC'))
		.replace(/[\\/:*?"<>|#^[\]]/g, ' ')
		.replace(/\s+/g, ' ')
		.replace(/^[.\s]+/, '')
		.trim();
	if ([...name].length > MAX_NAME_LENGTH) name = [...name].slice(0, MAX_NAME_LENGTH).join('').trim();
	name = name.replace(/[.\s]+$/, '');
	if (!name) return fallback;
	return RESERVED_NAMES.test(name) ? `${name}_` : name;
}

/** `Folder/Name.md`, then `Folder/Name 2.md`, … until `isTaken` says the path is free. */
export function availableNotePath(folder: string, baseName: string, isTaken: (path: string) => boolean): string {
	const prefix = folder ? `${folder.replace(/\/+$/, '')}/` : '';
	for (let attempt = 1; ; attempt++) {
		const path = `${prefix}${baseName}${attempt === 1 ? '' : ` ${attempt}`}.md`;
		if (!isTaken(path)) return path;
	}
}

/** A folder path from settings, confined to the vault: no `..`, no absolute paths, no empty segments. */
export function safeFolderPath(folder: string): string {
	return folder
		.replace(/\\/g, '/')
		.split('/')
		.map((segment) => segment.trim())
		.filter((segment) => segment && segment !== '.' && segment !== '..')
		.join('/');
}
