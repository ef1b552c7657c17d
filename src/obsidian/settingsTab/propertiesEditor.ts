import { TextAreaComponent } from 'obsidian';
import { DEFAULT_PROPERTIES } from '../../core/render/properties';
import { formatPropertyLines, parsePropertyLines } from '../../core/render/propertyLines';
import { SettingRow, SettingsEditor } from './settingRows';

/** The digest's properties as lines of `name (type): expression`, checked as the user types. */
export function propertiesRow(editor: SettingsEditor): SettingRow {
	return {
		name: 'Properties',
		desc:
			'One per line: "name: value", or "name (type): value" with type list, date, number or checkbox. ' +
			'Values are template expressions such as {{channel}}. youtube_id and source_note are always written.',
		render: (setting) => {
			setting.settingEl.addClass('youtube-digest-template-setting');
			const errorEl = setting.descEl.createDiv({ cls: 'youtube-digest-template-error' });
			let textArea: TextAreaComponent | null = null;
			setting.addTextArea((component) => {
				textArea = component;
				component.inputEl.addClass('youtube-digest-template-input');
				component.setValue(formatPropertyLines(editor.settings.properties)).onChange((value) => {
					const { specs, problems } = parsePropertyLines(value);
					errorEl.setText(problems.join(' '));
					if (problems.length === 0) editor.change({ properties: specs });
				});
			});
			setting.addExtraButton((button) =>
				button
					.setIcon('rotate-ccw')
					.setTooltip('Reset to the default properties')
					.onClick(() => {
						editor.change({ properties: DEFAULT_PROPERTIES });
						textArea?.setValue(formatPropertyLines(DEFAULT_PROPERTIES));
						errorEl.setText('');
					}),
			);
		},
	};
}
