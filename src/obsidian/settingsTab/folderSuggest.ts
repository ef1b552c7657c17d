import { AbstractInputSuggest, App, TFolder } from 'obsidian';
import { KeysOf, SettingRow, SettingsEditor, textRow } from './settingRows';

/** The vault's folders whose path contains the typed text, those whose name starts with it first. */
export class FolderSuggest extends AbstractInputSuggest<TFolder> {
	constructor(app: App, inputEl: HTMLInputElement) {
		super(app, inputEl);
	}

	protected getSuggestions(query: string): TFolder[] {
		const typed = query.trim().toLowerCase();
		const startsWith = (folder: TFolder) => (folder.name.toLowerCase().startsWith(typed) ? 0 : 1);
		return this.app.vault
			.getAllFolders(false)
			.filter((folder) => folder.path.toLowerCase().includes(typed))
			.sort((a, b) => startsWith(a) - startsWith(b) || a.path.localeCompare(b.path));
	}

	renderSuggestion(folder: TFolder, el: HTMLElement): void {
		el.setText(folder.path);
	}
}

/** A folder field: typed freely, or chosen from the vault's folders as the user types. */
export function folderRow(
	editor: SettingsEditor,
	key: KeysOf<string>,
	name: string,
	desc: string,
	placeholder = '',
): SettingRow {
	return textRow(editor, key, name, desc, placeholder, (text) => {
		const suggest = new FolderSuggest(editor.app, text.inputEl).onSelect((folder) => {
			text.setValue(folder.path);
			editor.change({ [key]: folder.path });
			suggest.close();
		});
	});
}
