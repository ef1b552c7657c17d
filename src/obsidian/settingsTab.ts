import { App, PluginSettingTab, SecretComponent, Setting, SettingDefinitionItem } from 'obsidian';
import { TimestampStyle } from '../core/render/templateHelpers';
import type YouTubeDigestPlugin from './main';
import { OPENAI_BASE_URL, YouTubeDigestSettings } from './settings';

const TIMESTAMP_STYLES: Record<TimestampStyle, string> = {
	youtube: 'YouTube links (…&t=754s)',
	'media-extended': 'Media Extended (#t=754)',
	'media-notes': 'Media Notes ([12:34]())',
};

interface SettingRow {
	name: string;
	desc: string;
	render(setting: Setting): void;
}

interface SettingSection {
	heading?: string;
	rows: SettingRow[];
}

/**
 * One list of rows serves both setting APIs: Obsidian 1.13 and later reads the definitions (and makes
 * them searchable), older versions call display().
 */
export class YouTubeDigestSettingTab extends PluginSettingTab {
	constructor(
		app: App,
		private readonly plugin: YouTubeDigestPlugin,
	) {
		super(app, plugin);
	}

	getSettingDefinitions(): SettingDefinitionItem[] {
		return this.sections().map((section) => ({
			type: 'group',
			heading: section.heading,
			items: section.rows.map((row) => ({ name: row.name, desc: row.desc, render: (setting: Setting) => row.render(setting) })),
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
		return [{ rows: this.digestRows() }, { heading: 'Language model', rows: this.modelRows() }];
	}

	private digestRows(): SettingRow[] {
		return [
			this.textRow('outputFolder', 'Digest folder', 'Where new digest notes are created.'),
			this.textRow(
				'outputLanguage',
				'Digest language',
				'Language the digest is written in, as a code or a name. Empty: the language of the transcript.',
				'Same as the video',
			),
			{
				name: 'Transcript languages',
				desc: 'Caption languages to prefer, in order, separated by commas (for example "en, de"). Empty: the spoken language.',
				render: (setting) => {
					setting.addText((text) =>
						text.setValue(this.settings.transcriptLanguages.join(', ')).onChange((value) =>
							this.change({ transcriptLanguages: value.split(',').map((code) => code.trim()).filter(Boolean) }),
						),
					);
				},
			},
			{
				name: 'Timestamp links',
				desc: 'How timestamps link to the video.',
				render: (setting) => {
					setting.addDropdown((dropdown) =>
						dropdown
							.addOptions(TIMESTAMP_STYLES)
							.setValue(this.settings.timestampStyle)
							.onChange((value) => this.change({ timestampStyle: value as TimestampStyle })),
					);
				},
			},
			{
				name: 'Open the digest',
				desc: 'Open each new digest note in a new tab.',
				render: (setting) => {
					setting.addToggle((toggle) => toggle.setValue(this.settings.openDigest).onChange((value) => this.change({ openDigest: value })));
				},
			},
		];
	}

	private modelRows(): SettingRow[] {
		return [
			{
				name: 'Server URL',
				desc: `Any OpenAI-compatible server. OpenAI: ${OPENAI_BASE_URL}; Ollama: http://localhost:11434/v1.`,
				render: (setting) => {
					setting.addText((text) =>
						text
							.setPlaceholder(OPENAI_BASE_URL)
							.setValue(this.settings.baseUrl)
							.onChange((value) => this.change({ baseUrl: value.trim() || OPENAI_BASE_URL })),
					);
				},
			},
			{
				name: 'API key',
				desc: "Kept in Obsidian's secret storage on this device, never in the plugin's data file. Local servers need none.",
				render: (setting) => {
					setting.addComponent((el) =>
						new SecretComponent(this.app, el)
							.setValue(this.settings.apiKeySecret)
							.onChange((value) => this.change({ apiKeySecret: value })),
					);
				},
			},
			this.textRow('model', 'Model', 'The model name as the server knows it.'),
		];
	}

	private textRow(key: 'outputFolder' | 'outputLanguage' | 'model', name: string, desc: string, placeholder = ''): SettingRow {
		return {
			name,
			desc,
			render: (setting) => {
					setting.addText((text) =>
					text
						.setPlaceholder(placeholder)
						.setValue(this.settings[key])
						.onChange((value) => this.change({ [key]: value.trim() })),
				);
				},
		};
	}

	private get settings(): YouTubeDigestSettings {
		return this.plugin.settings;
	}

	private change(changes: Partial<YouTubeDigestSettings>): void {
		Object.assign(this.plugin.settings, changes);
		void this.plugin.saveSettings();
	}
}
