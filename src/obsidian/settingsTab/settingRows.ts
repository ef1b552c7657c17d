import { App, Setting, TextComponent } from 'obsidian';
import { SettingsHost, YouTubeDigestSettings } from '../settings';
import { SETTINGS_SCHEMA } from '../settingsSchema';

/** One row of the settings tab, rendered by either setting API (see settingsTab.ts). */
export interface SettingRow {
	name: string;
	desc: string;
	render(setting: Setting): void;
}

export interface SettingSection {
	heading?: string;
	rows: SettingRow[];
}

/** What a section of the tab works with: the app, the current settings, and a way to change and save them. */
export class SettingsEditor {
	constructor(
		readonly app: App,
		readonly host: SettingsHost,
	) {}

	get settings(): YouTubeDigestSettings {
		return this.host.settings;
	}

	change(changes: Partial<YouTubeDigestSettings>): void {
		Object.assign(this.host.settings, changes);
		void this.host.saveSettings();
	}
}

export type KeysOf<T> = {
	[K in keyof YouTubeDigestSettings]: YouTubeDigestSettings[K] extends T ? K : never;
}[keyof YouTubeDigestSettings];

/** A text field saved trimmed as the user types; `extend` adds to the field (a folder suggester, say). */
export function textRow(
	editor: SettingsEditor,
	key: KeysOf<string>,
	name: string,
	desc: string,
	placeholder = '',
	extend?: (text: TextComponent) => void,
): SettingRow {
	return {
		name,
		desc,
		render: (setting) => {
			setting.addText((text) => {
				text.setPlaceholder(placeholder)
					.setValue(editor.settings[key])
					.onChange((value) => editor.change({ [key]: value.trim() }));
				extend?.(text);
			});
		},
	};
}

/**
 * A number field that keeps the last valid number while the user types; valid means what data.json
 * would accept on the next start (SETTINGS_SCHEMA), so a setting never changes on a restart.
 */
export function numberRow(editor: SettingsEditor, key: KeysOf<number>, name: string, desc: string): SettingRow {
	return {
		name,
		desc,
		render: (setting) => {
			setting.addText((text) => {
				text.inputEl.type = 'number';
				text.setValue(String(editor.settings[key])).onChange((value) => {
					const number = value.trim() === '' ? undefined : SETTINGS_SCHEMA[key](Number(value));
					if (number !== undefined) editor.change({ [key]: number });
				});
			});
		},
	};
}

export function toggleRow(editor: SettingsEditor, key: KeysOf<boolean>, name: string, desc: string): SettingRow {
	return {
		name,
		desc,
		render: (setting) => {
			setting.addToggle((toggle) =>
				toggle.setValue(editor.settings[key]).onChange((value) => editor.change({ [key]: value })),
			);
		},
	};
}

export function dropdownRow<K extends KeysOf<string>>(
	editor: SettingsEditor,
	key: K,
	name: string,
	desc: string,
	options: Record<YouTubeDigestSettings[K], string>,
): SettingRow {
	return {
		name,
		desc,
		render: (setting) => {
			setting.addDropdown((dropdown) =>
				dropdown
					.addOptions(options)
					.setValue(editor.settings[key])
					.onChange((value) => editor.change({ [key]: value })),
			);
		},
	};
}
