import { safeFolderPath } from '../notes/fileName';
import { replaceControlCharacters } from '../text';

/**
 * An Obsidian Bases file (`.base`, Obsidian 1.9+) that lists every digest. The syntax follows
 * Obsidian's help, "Bases syntax" (top-level `filters` with `and`, `properties` with `displayName`,
 * `views` with `type`, `name`, `order`) and "Functions" (`file.hasProperty(name)`, and
 * `file.inFolder(folder)`, which includes sub-folders), and the sort entries that obsidian.d.ts
 * types as `BasesSortConfig` (`{ property: BasesPropertyId, direction: 'ASC' | 'DESC' }`, since 1.10).
 * Translations carry the `youtube_id` too, so they are listed as well.
 */
export interface DigestIndexOptions {
	/** Digest folder; empty lists digests wherever they are. */
	folder: string;
}

const COLUMNS: [property: string, displayName: string][] = [
	['file.name', 'Title'],
	['note.author', 'Channel'],
	['note.published', 'Published'],
	['note.duration', 'Duration'],
	['note.created', 'Created'],
];

export function digestIndexBase(options: DigestIndexOptions): string {
	const folder = safeFolderPath(replaceControlCharacters(options.folder).replace(/[\r\n]/g, ' '));
	const filters = ['file.hasProperty("youtube_id")', ...(folder ? [`file.inFolder(${JSON.stringify(folder)})`] : [])];
	return [
		'filters:',
		'  and:',
		...filters.map((filter) => `    - ${singleQuoted(filter)}`),
		'properties:',
		...COLUMNS.flatMap(([property, displayName]) => [`  ${property}:`, `    displayName: ${displayName}`]),
		'views:',
		'  - type: table',
		'    name: Digests',
		'    order:',
		...COLUMNS.map(([property]) => `      - ${property}`),
		'    sort:',
		'      - property: note.created',
		'        direction: DESC',
		'',
	].join('\n');
}

/** A YAML single-quoted scalar holds any one-line text; only the quote itself is doubled. */
function singleQuoted(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}
