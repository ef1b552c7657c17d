import { App, Plugin, PluginSettingTab, Setting, SettingDefinitionItem } from 'obsidian';
import { SettingsHost } from '../settings';
import { costRows } from './costSection';
import { modelRows } from './modelSection';
import { languageRows, placeRows, webRows } from './outputSection';
import { propertiesRow } from './propertiesEditor';
import { SettingSection, SettingsEditor } from './settingRows';
import { templateRows } from './templateEditor';

/**
 * One list of rows serves both setting APIs: Obsidian 1.13 and later reads the definitions (and makes
 * them searchable), older versions call display().
 */
export class YouTubeDigestSettingTab extends PluginSettingTab {
	private readonly editor: SettingsEditor;

	constructor(app: App, plugin: Plugin, host: SettingsHost) {
		super(app, plugin);
		this.editor = new SettingsEditor(app, host);
	}

	getSettingDefinitions(): SettingDefinitionItem[] {
		return this.sections().map((section) => ({
			type: 'group',
			heading: section.heading,
			items: section.rows.map((row) => ({
				name: row.name,
				desc: row.desc,
				render: (setting: Setting) => row.render(setting),
			})),
		}));
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const section of this.sections()) {
			if (section.heading) new Setting(containerEl).setName(section.heading).setHeading();
			for (const row of section.rows) row.render(new Setting(containerEl).setName(row.name).setDesc(row.desc));
		}
	}

	private sections(): SettingSection[] {
		const { editor } = this;
		// Connection first: nothing works without it, and the tall template editor would push it out of sight.
		return [
			{ heading: 'Language model', rows: modelRows(editor) },
			{
				heading: 'Digest notes',
				rows: [...placeRows(editor), ...templateRows(editor), propertiesRow(editor), ...languageRows(editor)],
			},
			{ heading: 'Links between notes', rows: webRows(editor) },
			{ heading: 'Advanced', rows: costRows(editor) },
		];
	}
}
