import { App, MarkdownView, Notice, TFile } from 'obsidian';
import { DigestError, userMessage } from '../core/errors';
import { chooseVideoLink, ChosenVideoLink } from '../core/notes/linkInNote';

/** The Markdown note in front of the user, in editing or reading view. */
export function activeMarkdownFile(app: App): TFile | null {
	const file = app.workspace.getActiveFile();
	return file && file.extension === 'md' ? file : null;
}

/**
 * The video a note is about. In editing view the selection and the cursor's line come first; in reading
 * view (no cursor) the note's link properties, then its first link.
 */
export async function videoLinkOfNote(app: App, file: TFile): Promise<ChosenVideoLink | null> {
	const properties = app.metadataCache.getFileCache(file)?.frontmatter ?? null;
	const view = app.workspace.getActiveViewOfType(MarkdownView);
	if (view && view.file === file && view.getMode() === 'source') {
		const editor = view.editor;
		const cursor = editor.getCursor();
		return chooseVideoLink({
			selection: editor.getSelection(),
			cursorLine: editor.getLine(cursor.line),
			cursorColumn: cursor.ch,
			cursorLineNumber: cursor.line,
			properties,
			text: editor.getValue(),
		});
	}
	const text = await app.vault.cachedRead(file);
	return chooseVideoLink({ selection: '', cursorLine: '', cursorColumn: 0, properties, text });
}

/**
 * A command for the active Markdown note, in editing and reading view alike: available on any Markdown
 * note, and telling the user when the note has no video link.
 */
export function onActiveVideoLink(
	app: App,
	action: (link: ChosenVideoLink, source: { file: TFile; linkText: string }) => void,
): (checking: boolean) => boolean {
	return (checking) => {
		const file = activeMarkdownFile(app);
		if (!file) return false;
		if (!checking) {
			videoLinkOfNote(app, file).then(
				(link) => {
					if (link) action(link, { file, linkText: link.linkText });
					else new Notice(userMessage(new DigestError('no-link')));
				},
				(error: unknown) => new Notice(userMessage(error)),
			);
		}
		return true;
	};
}
