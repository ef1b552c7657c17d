import { replaceControlCharacters } from '../text';

/**
 * Names of notes and folders that every platform, Obsidian and a wikilink accept, decided here once:
 * - invisible format characters (bidi overrides and isolates, zero-width characters, the BOM: Unicode's
 *   `Cf` category) are removed, so a name reads as what it is (`review ‮fdp.exe` cannot pose as a PDF);
 *   control characters become spaces;
 * - path separators, characters Windows refuses and link syntax (`# ^ | [ ] :`) become spaces, runs of `%`
 *   one `%`, so a wikilink to the note holds no comment marker (`%%`) and no `[[`/`]]`;
 * - leading dots go (no hidden files, no `..`), trailing dots and spaces go (Windows drops them);
 * - Windows device names (`CON`, `NUL.txt`, `com1.tar.gz`, `COM¹`) get a `_` after the device part;
 * - at most 120 characters, and at most 255 bytes of UTF-8 with the `.md` extension and any ` 2` suffix,
 *   cut between characters (between graphemes where the runtime can tell them).
 */
const MAX_NAME_CHARACTERS = 120;
/** The byte limit of a file name on every common file system. */
export const MAX_NAME_BYTES = 255;
const NOTE_EXTENSION = '.md';

const FORMAT_CHARACTERS = /\p{Cf}/gu;
const C1_CONTROLS = /[\u0080-\u009F]/g;
const REFUSED = /[\\/:*?"<>|#^[\]]/g;
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)(?=[ .]|$)/i;

/** One name (a file name without extension, or one folder), or '' when nothing usable is left. */
export function safeNameSegment(text: string, maxBytes = MAX_NAME_BYTES): string {
	let name = replaceControlCharacters(withoutLoneSurrogates(String(text)).normalize('NFC'))
		.replace(FORMAT_CHARACTERS, '')
		.replace(C1_CONTROLS, ' ')
		.replace(REFUSED, ' ')
		.replace(/%{2,}/g, '%')
		.replace(/\s+/g, ' ')
		.replace(/^[.\s]+/, '');
	name = trimEnd(cutToLength(name, MAX_NAME_CHARACTERS, maxBytes));
	if (DEVICE_NAME.test(name)) name = trimEnd(cutToLength(name.replace(DEVICE_NAME, '$1_'), Infinity, maxBytes));
	return name;
}

/**
 * A note's file name without `.md`; room is left for the extension. `fallback` (made by the plugin, such
 * as `YouTube <id>`) is used when the title leaves no name.
 */
export function safeFileName(title: string, fallback = 'YouTube digest'): string {
	const maxBytes = MAX_NAME_BYTES - utf8Length(NOTE_EXTENSION);
	return safeNameSegment(title, maxBytes) || safeNameSegment(fallback, maxBytes) || 'Untitled';
}

/**
 * A folder path from settings, confined to the vault and visible in it: `\` read as `/`, a drive letter
 * (`C:`) dropped, and each folder made safe like a file name. A folder starting with a dot
 * is made visible (`.obsidian` → `obsidian`) rather than dropped, so notes never go into Obsidian's
 * config folder or a hidden one; `.` and `..` leave nothing and are dropped.
 */
export function safeFolderPath(folder: string): string {
	return String(folder)
		.replace(/\\/g, '/')
		.replace(/^\/*[A-Za-z]:(?=\/|$)/, '')
		.split('/')
		.map((segment) => safeNameSegment(segment))
		.filter(Boolean)
		.join('/');
}

/**
 * `Folder/Name.md`, then `Folder/Name 2.md`, … until `isTaken` says the path is free. The name is cut
 * further when a suffix would take it past the byte limit.
 */
export function availableNotePath(folder: string, baseName: string, isTaken: (path: string) => boolean): string {
	const prefix = folder ? `${folder.replace(/\/+$/, '')}/` : '';
	for (let attempt = 1; ; attempt++) {
		const suffix = attempt === 1 ? '' : ` ${attempt}`;
		const room = MAX_NAME_BYTES - utf8Length(`${suffix}${NOTE_EXTENSION}`);
		const name = trimEnd(cutToLength(baseName, Infinity, room)) || 'Untitled';
		const path = `${prefix}${name}${suffix}${NOTE_EXTENSION}`;
		if (!isTaken(path)) return path;
	}
}

/**
 * What two paths that name the same note on a case-insensitive or normalising file system (Windows,
 * macOS) have in common; stores compare these to find `title.md` when asked about `Title.md`.
 */
export function notePathKey(path: string): string {
	return path.normalize('NFC').toLowerCase();
}

/** Half a surrogate pair has no UTF-8 form; no file system takes it. */
function withoutLoneSurrogates(text: string): string {
	let result = '';
	for (const character of text) {
		const code = character.codePointAt(0) ?? 0;
		if (code < 0xd800 || code > 0xdfff) result += character;
	}
	return result;
}

function trimEnd(name: string): string {
	return name.replace(/[.\s]+$/, '');
}

export function utf8Length(text: string): number {
	let bytes = 0;
	for (const character of text) {
		const code = character.codePointAt(0) ?? 0;
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	}
	return bytes;
}

/** The longest start of `text` within both limits, ending on a grapheme (or at least a code point) boundary. */
function cutToLength(text: string, maxCharacters: number, maxBytes: number): string {
	if (utf8Length(text) <= maxBytes && [...text].length <= maxCharacters) return text;
	let result = '';
	let characters = 0;
	let bytes = 0;
	for (const piece of graphemes(text)) {
		const pieceCharacters = [...piece].length;
		const pieceBytes = utf8Length(piece);
		if (characters + pieceCharacters > maxCharacters || bytes + pieceBytes > maxBytes) break;
		result += piece;
		characters += pieceCharacters;
		bytes += pieceBytes;
	}
	return result;
}

interface GraphemeSegmenter {
	segment(text: string): Iterable<{ segment: string }>;
}

function graphemes(text: string): string[] {
	const Segmenter = (Intl as unknown as { Segmenter?: new (locale?: string, options?: object) => GraphemeSegmenter })
		.Segmenter;
	if (!Segmenter) return [...text];
	return [...new Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((piece) => piece.segment);
}
