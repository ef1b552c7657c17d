import { containsPhrase, words } from './wordMatch';

/** What an entity's name is checked against: the video's own words. */
export interface SourceWords {
	/** Title, description and transcript, as `words` splits them. */
	words: string[];
}

/** A vault note an entity may match, by basename or alias (as the metadata cache lists them). */
export interface NamedNote {
	basename: string;
	aliases: string[];
}

/**
 * Roles and pronouns a model lists as entities when the video names nobody: "the reviewer", "the host",
 * "he". They would link to the wrong notes or to none, and say nothing.
 */
const GENERIC = new Set(
	(
		'i me you he she it we they him her them this that someone somebody people person narrator speaker ' +
		'host presenter reviewer author creator youtuber vlogger viewer viewers audience channel video ' +
		'company user users guest interviewer interviewee everyone anyone man woman guy'
	).split(' '),
);
const ARTICLE = /^(?:the|a|an|this|that|our|my|your|his|her|their)\s+/i;

/** Empty, a pronoun or a role: "the reviewer", "this channel", "Speaker". */
export function isGenericName(name: string): boolean {
	const bare = name.trim().replace(ARTICLE, '').toLowerCase();
	const nameWords = words(bare);
	return nameWords.length === 0 || (nameWords.length <= 2 && nameWords.every((word) => GENERIC.has(word)));
}

/**
 * Whether the video names the entity: its name, or an alias of the vault note it would link to, occurs
 * in the title, description or transcript, spelled the same or within a letter or two (captions misspell
 * names). A name the video never says is the model's addition and is neither listed nor linked.
 */
export function isNamedInVideo(name: string, source: SourceWords, notes: NamedNote[] = []): boolean {
	const candidates = [name, ...aliasesOf(name, notes)];
	return candidates.some((candidate) => containsPhrase(source.words, words(candidate)));
}

/** The other names of the note whose basename or alias is this name. */
function aliasesOf(name: string, notes: NamedNote[]): string[] {
	const key = name.trim().toLowerCase();
	const note = notes.find(
		(candidate) =>
			candidate.basename.toLowerCase() === key ||
			(candidate.aliases ?? []).some((alias) => String(alias).toLowerCase() === key),
	);
	return note ? [note.basename, ...(note.aliases ?? []).map(String)] : [];
}
