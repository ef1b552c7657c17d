/**
 * The vault port: what the pipeline needs of wherever notes live (Obsidian's vault, a folder on disk,
 * an in-memory vault in tests). Paths are vault-relative with forward slashes.
 */
export interface NoteStore {
	exists(path: string): boolean;
	/**
	 * Whether a note whose path differs only in case (or Unicode form) exists: on Windows and macOS it is
	 * the same file, and everywhere a link to either is ambiguous. Compare with `notePathKey`. Optional:
	 * without it only `exists` is asked.
	 */
	existsIgnoringCase?(path: string): boolean;
	read(path: string): Promise<string>;
	/** Creates the note and any missing parent folders; fails if the path is taken. */
	create(path: string, content: string): Promise<void>;
	/** Removes a note this run created, when a later step fails. */
	remove(path: string): Promise<void>;
	/** Atomic read-modify-write with a synchronous edit, so text typed meanwhile is not lost. */
	update(path: string, edit: (text: string) => string): Promise<void>;
	/** A link for a note body, following the user's link settings (wikilink or Markdown, path form). */
	markdownLink(targetPath: string, fromPath: string): string;
	/** A link for a property value: always a quoted wikilink, the only link form properties support. */
	propertyLink(targetPath: string, fromPath: string): string;
	/**
	 * Puts text at the cursor of the editor showing this note, if one does; false when none does (the
	 * command-line tool has no editor), and the caller places it another way.
	 */
	insertAtCursor?(path: string, text: string): boolean;
}
