import { DropdownComponent, Notice, SecretComponent, TextComponent } from 'obsidian';
import { DEFAULT_BASE_URL } from '../../core/defaults';
import { CUSTOM_PROVIDER, PROVIDERS, providerOf } from '../../core/llm/providers';
import { listModelsFromSettings, testConnectionFromSettings } from '../chatModelFromSettings';
import { SettingRow, SettingsEditor } from './settingRows';

/**
 * Provider preset, server, API key and model, with the model list read from the server on request, and a button
 * that tests them together.
 */
export function modelRows(editor: SettingsEditor): SettingRow[] {
	let serverText: TextComponent | null = null;
	let modelText: TextComponent | null = null;
	return [
		{
			name: 'Provider',
			desc: 'Fills in the server URL and a model; choose "Custom" for any other OpenAI-compatible server.',
			render: (setting) => {
				setting.addDropdown((dropdown) => {
					for (const provider of PROVIDERS) dropdown.addOption(provider.id, provider.name);
					dropdown.addOption(CUSTOM_PROVIDER, 'Custom');
					dropdown.setValue(providerOf(editor.settings.baseUrl)).onChange((id) => {
						const provider = PROVIDERS.find((candidate) => candidate.id === id);
						if (!provider) return;
						editor.change({ baseUrl: provider.baseUrl, model: provider.model });
						serverText?.setValue(provider.baseUrl);
						modelText?.setValue(provider.model);
					});
				});
			},
		},
		{
			name: 'Server URL',
			desc: `Any OpenAI-compatible server, for example ${DEFAULT_BASE_URL} or http://localhost:11434/v1 for Ollama.`,
			render: (setting) => {
				setting.addText((text) => {
					serverText = text;
					text.setPlaceholder(DEFAULT_BASE_URL)
						.setValue(editor.settings.baseUrl)
						.onChange((value) => editor.change({ baseUrl: value.trim() || DEFAULT_BASE_URL }));
				});
			},
		},
		{
			name: 'API key',
			desc:
				"Kept in Obsidian's secret storage on this device, never in the plugin's data file. " +
				'Local servers need none.',
			render: (setting) => {
				setting.addComponent((el) =>
					new SecretComponent(editor.app, el)
						.setValue(editor.settings.apiKeySecret)
						.onChange((value) => editor.change({ apiKeySecret: value })),
				);
			},
		},
		{
			name: 'Model',
			desc: 'The model name as the server knows it; the list button asks the server which models it has.',
			render: (setting) => {
				let choices: DropdownComponent | null = null;
				setting.addText((text) => {
					modelText = text;
					text.setValue(editor.settings.model).onChange((value) => editor.change({ model: value.trim() }));
				});
				setting.addDropdown((dropdown) => {
					choices = dropdown;
					dropdown.selectEl.addClass('youtube-digest-hidden');
					dropdown.onChange((value) => {
						editor.change({ model: value });
						modelText?.setValue(value);
					});
				});
				setting.addExtraButton((button) =>
					button
						.setIcon('list')
						.setTooltip("List the server's models")
						.onClick(() => void showServerModels(editor, choices)),
				);
			},
		},
		{
			name: 'Test connection',
			desc: 'Sends one tiny request to the server with this key and model, and says what works.',
			render: (setting) => {
				const statusEl = setting.descEl.createDiv({ cls: 'youtube-digest-connection-status' });
				setting.addButton((button) =>
					button.setButtonText('Test').onClick(async () => {
						button.setDisabled(true);
						statusEl.removeClass('mod-success', 'mod-warning');
						statusEl.setText('Testing…');
						try {
							const check = await testConnectionFromSettings(editor.app, editor.host);
							statusEl.setText(check.message);
							statusEl.addClass(check.ok ? 'mod-success' : 'mod-warning');
						} finally {
							button.setDisabled(false);
						}
					}),
				);
			},
		},
	];
}

async function showServerModels(editor: SettingsEditor, choices: DropdownComponent | null): Promise<void> {
	if (!choices) return;
	const models = await listModelsFromSettings(editor.app, editor.settings);
	if (models.length === 0) {
		new Notice('The server did not list its models; type the model name instead.');
		return;
	}
	choices.selectEl.empty();
	choices.addOptions(Object.fromEntries(models.map((model) => [model, model])));
	choices.setValue(models.includes(editor.settings.model) ? editor.settings.model : models[0]);
	choices.selectEl.removeClass('youtube-digest-hidden');
}
