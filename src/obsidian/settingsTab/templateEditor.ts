import { TextAreaComponent } from 'obsidian';
import { presetById } from '../../core/render/presets';
import { sampleDigestContext } from '../../core/render/sampleContext';
import { formatProblem, loadTemplateEngine } from '../../core/render/templateEngine';
import { listTemplates } from '../templates';
import { folderRow } from './folderSuggest';
import { SettingRow, SettingsEditor } from './settingRows';

interface EditorElements {
	textArea: TextAreaComponent;
	errorEl: HTMLElement;
	previewEl: HTMLElement;
}

/** Template folder, default template and the live editor that checks and previews it as the user types. */
export function templateRows(editor: SettingsEditor): SettingRow[] {
	let elements: EditorElements | null = null;
	const show = () => (elements ? showInEditor(editor, elements) : Promise.resolve());
	return [
		folderRow(
			editor,
			'templateFolder',
			'Template folder',
			'Every note in this folder is a template you can choose.',
		),
		{
			name: 'Default template',
			desc: 'Used by "Summarize YouTube video"; "Summarize YouTube video with template…" asks each time.',
			render: (setting) => {
				setting.addDropdown((dropdown) => {
					for (const choice of listTemplates(editor.app, editor.settings))
						dropdown.addOption(choice.id, choice.name);
					dropdown.setValue(editor.settings.defaultTemplate).onChange((value) => {
						editor.change({ defaultTemplate: value });
						void show();
					});
				});
			},
		},
		{
			name: 'Template editor',
			desc:
				'The default template, when it is a preset. ' +
				'It is checked as you type; the preview uses a made-up video.',
			render: (setting) => {
				setting.settingEl.addClass('youtube-digest-template-setting');
				setting.addTextArea((textArea) => {
					textArea.inputEl.addClass('youtube-digest-template-input');
					elements = {
						textArea,
						errorEl: setting.descEl.createDiv({ cls: 'youtube-digest-template-error' }),
						previewEl: setting.settingEl.createEl('pre', { cls: 'youtube-digest-template-preview' }),
					};
					const current = elements;
					textArea.onChange((value) => void editTemplate(editor, current, value));
				});
				setting.addExtraButton((button) =>
					button
						.setIcon('rotate-ccw')
						.setTooltip('Reset to the preset')
						.onClick(() => {
							const overrides = { ...editor.settings.templateOverrides };
							delete overrides[editor.settings.defaultTemplate];
							editor.change({ templateOverrides: overrides });
							void show();
						}),
				);
				void show();
			},
		},
	];
}

/** Loads the default template into the editor, or disables it when the default is a note (edit that note instead). */
async function showInEditor(editor: SettingsEditor, elements: EditorElements): Promise<void> {
	const { settings } = editor;
	const preset = presetById(settings.defaultTemplate);
	const text = preset ? (settings.templateOverrides[preset.id] ?? preset.source) : '';
	elements.textArea.setValue(text);
	elements.textArea.setDisabled(!preset);
	if (preset) await checkTemplate(editor, elements, text);
	else {
		elements.errorEl.setText(`This template is the note ${settings.defaultTemplate}: edit it there.`);
		elements.previewEl.setText('');
	}
}

async function editTemplate(editor: SettingsEditor, elements: EditorElements, text: string): Promise<void> {
	const preset = presetById(editor.settings.defaultTemplate);
	if (!preset) return;
	editor.change({ templateOverrides: { ...editor.settings.templateOverrides, [preset.id]: text } });
	await checkTemplate(editor, elements, text);
}

/** Shows the first problem with its line and column, or a preview of the note the template makes. */
async function checkTemplate(editor: SettingsEditor, elements: EditorElements, text: string): Promise<void> {
	const engine = await loadTemplateEngine();
	const sample = sampleDigestContext(editor.settings.timestampStyle);
	const problem = engine.check(text, sample);
	elements.errorEl.setText(problem ? `Error at ${formatProblem(problem)}` : '');
	elements.previewEl.setText(problem ? '' : engine.render(text, sample));
}
