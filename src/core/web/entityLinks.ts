import type { EntityLinkMode } from '../digest';
import { ENTITY_TYPES } from '../llm/digestSchema';
import { safeFileName } from '../notes/fileName';
import { collapseWhitespace, escapeInline } from '../render/markdownSafety';
import { wikilink } from '../render/templateHelpers';
import { asText } from '../text';

/**
 * People, organisations and concepts the digest names, as links to the user's own notes. Only the
 * vault's notes decide what exists, so the model's text never chooses a path on its own.
 */

export interface Entity {
	name: string;
	/** One of `ENTITY_TYPES` from a validated digest; kept as text because properties may hold anything. */
	type: string;
}

/** A note of the vault as the metadata cache describes it. */
export interface ExistingNote {
	path: string;
	basename: string;
	aliases: string[];
}

export interface LinkedEntity {
	name: string;
	type: string;
	/** The wikilink target, or null for plain text. */
	target: string | null;
	/** The matched note's path, for links in the user's link format; null when none matched. */
	path: string | null;
}

/** Each entity once (names compared without case), with the note it links to under the given mode. */
export function linkEntities(entities: Entity[], notes: ExistingNote[], mode: EntityLinkMode): LinkedEntity[] {
	const index = noteIndex(notes);
	const seen = new Set<string>();
	const linked: LinkedEntity[] = [];
	for (const entity of entities) {
		const name = collapseWhitespace(asText(entity.name));
		const key = nameKey(name);
		if (!key || seen.has(key)) continue;
		seen.add(key);
		linked.push(resolve(name, entity.type, mode === 'never' ? undefined : index.get(key), mode));
	}
	return linked;
}

/**
 * A link made by the note store (the user's link format), for entities whose note exists; the writer passes
 * `NoteStore.markdownLink`. Without one, or for a note that does not exist yet, a wikilink.
 */
export type NoteLinker = (path: string) => string;

/** `[[Target|name]]` when the shown name differs from the target, `[[Target]]` when the same, else the name. */
export function entityText(entity: LinkedEntity, linkNote?: NoteLinker): string {
	if (entity.target === null) return escapeInline(entity.name);
	if (entity.path && linkNote) return linkNote(entity.path) || escapeInline(entity.name);
	const shown = entity.target === entity.name ? '' : entity.name;
	return wikilink(entity.target, shown) || escapeInline(entity.name);
}

/** One list line per entity: `- [[Alan Turing]] (person)`. */
export function entityListLines(entities: LinkedEntity[], linkNote?: NoteLinker): string {
	return entities.map((entity) => `- ${entityText(entity, linkNote)}${typeLabel(entity.type)}`).join('\n');
}

/** The entities on one line, comma separated. */
export function entityInlineList(entities: LinkedEntity[]): string {
	return entities.map((entity) => entityText(entity)).join(', ');
}

/** Under 'always' a missing note gets a link to the note Obsidian would create on click, named safely. */
function resolve(name: string, type: string, note: IndexedNote | undefined, mode: EntityLinkMode): LinkedEntity {
	if (note) return { name, type, target: note.target, path: note.path };
	return { name, type, target: mode === 'always' ? safeFileName(name, '') || null : null, path: null };
}

interface IndexedNote extends ExistingNote {
	target: string;
}

/**
 * Lower-cased names to notes: a basename wins over an alias, and between equals the shorter, then
 * alphabetically first path, so the choice does not depend on the order the vault listed its files.
 */
function noteIndex(notes: ExistingNote[]): Map<string, IndexedNote> {
	const sorted = [...notes].sort(
		(a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
	);
	const basenameCount = countBy(sorted.map((note) => nameKey(note.basename)));
	const index = new Map<string, IndexedNote>();
	const isShared = (note: ExistingNote) => (basenameCount.get(nameKey(note.basename)) ?? 0) > 1;
	const indexed = sorted.map((note) => ({
		...note,
		target: isShared(note) ? withoutExtension(note.path) : note.basename,
	}));
	for (const note of indexed) addOnce(index, nameKey(note.basename), note);
	for (const note of indexed) for (const alias of note.aliases ?? []) addOnce(index, nameKey(alias), note);
	return index;
}

function addOnce(index: Map<string, IndexedNote>, key: string, note: IndexedNote): void {
	if (key && !index.has(key)) index.set(key, note);
}

function countBy(keys: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
	return counts;
}

/**
 * Aliases come from the user's YAML, where `aliases: [2001]` is a number: numbers count as text, objects and
 * nulls match nothing.
 */
function nameKey(name: unknown): string {
	return collapseWhitespace(asText(name).normalize('NFC')).toLowerCase();
}

/** Two notes with one basename need the path to tell them apart; Obsidian links paths without `.md`. */
function withoutExtension(path: string): string {
	return path.replace(/\.md$/i, '');
}

function typeLabel(type: string): string {
	return (ENTITY_TYPES as readonly string[]).includes(type) ? ` (${type})` : '';
}
