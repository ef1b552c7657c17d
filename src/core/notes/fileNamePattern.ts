/**
 * The digest's file-name pattern, `{{published}} {{title}}`: variables replaced by plain substitution,
 * never compiled, so a title holding `{{…}}` or a helper call stays text. The result is a name to be made
 * safe (`safeFileName`), like every name; an unknown variable is left out.
 */
export const FILE_NAME_VARIABLES = ['title', 'channel', 'published', 'created', 'videoId'] as const;

export type FileNameValues = Record<(typeof FILE_NAME_VARIABLES)[number], string>;

export const DEFAULT_FILE_NAME_PATTERN = '{{title}}';

export function fillFileNamePattern(pattern: string, values: FileNameValues): string {
	// One pass over the pattern: a value is inserted once and never scanned again.
	return pattern.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
		Object.prototype.hasOwnProperty.call(values, name) ? values[name as keyof FileNameValues] : '',
	);
}
