import {
	App,
	DropdownComponent,
	Notice,
	PluginSettingTab,
	SecretComponent,
	Setting,
	SettingDefinitionItem,
	TextAreaComponent,
	TextComponent,
} from 'obsidian';
import { Placement } from '../core/digestWriter';
import { listModels } from '../core/llm/openaiChatModel';
import { EntityLinkMode } from '../core/web/entityLinks';
import { formatPrices, parsePrices } from '../core/llm/pricing';
import { CUSTOM_PROVIDER, PROVIDERS, providerOf } from '../core/llm/providers';
import { requestUrlHttp } from './requestUrlHttp';
import { presetById } from '../core/render/presets';
import { formatPropertyLines, parsePropertyLines } from '../core/render/propertyLines';
import { sampleDigestContext } from '../core/render/sampleContext';
import { formatProblem, loadTemplateEngine } from '../core/render/templateEngine';
import { TimestampStyle } from '../core/render/templateHelpers';
import { DEFAULT_PROPERTIES } from '../core/render/properties';
import { listTemplates } from './templates';
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
		return [
			{ rows: this.digestRows() },
			{ heading: 'Templates', rows: this.templateRows() },
			{ heading: 'Links between notes', rows: this.webRows() },
			{ heading: 'Language model', rows: this.modelRows() },
			{ heading: 'Long videos and cost', rows: this.costRows() },
		];
	}

	private editor: { textArea: TextAreaComponent; errorEl: HTMLElement; previewEl: HTMLElement } | null = null;

	private templateRows(): SettingRow[] {
		return [
			this.textRow(
				'templateFolder',
				'Template folder',
				'Every note in this folder is a template you can choose.',
			),
			{
				name: 'Default template',
				desc: 'Used by "Summarize YouTube video"; "Summarize YouTube video with template…" asks each time.',
				render: (setting) => {
					setting.addDropdown((dropdown) => {
						for (const choice of listTemplates(this.app, this.settings))
							dropdown.addOption(choice.id, choice.name);
						dropdown.setValue(this.settings.defaultTemplate).onChange((value) => {
							this.change({ defaultTemplate: value });
							void this.showInEditor();
						});
					});
				},
			},
			{
				name: 'Template editor',
				desc: 'The default template, when it is a preset. It is checked as you type; the preview uses a made-up video.',
				render: (setting) => {
					setting.settingEl.addClass('youtube-digest-template-setting');
					setting.addTextArea((textArea) => {
						textArea.inputEl.addClass('youtube-digest-template-input');
						textArea.onChange((value) => void this.editTemplate(value));
						this.editor = {
							textArea,
							errorEl: setting.descEl.createDiv({ cls: 'youtube-digest-template-error' }),
							previewEl: setting.settingEl.createEl('pre', { cls: 'youtube-digest-template-preview' }),
						};
					});
					setting.addExtraButton((button) =>
						button
							.setIcon('rotate-ccw')
							.setTooltip('Reset to the preset')
							.onClick(() => {
								const overrides = { ...this.settings.templateOverrides };
								delete overrides[this.settings.defaultTemplate];
								this.change({ templateOverrides: overrides });
								void this.showInEditor();
							}),
					);
					void this.showInEditor();
				},
			},
			{
				name: 'Properties',
				desc: 'One per line: "name: value", or "name (type): value" with type list, date, number or checkbox. Values are template expressions such as {{channel}}. youtube_id and source_note are always written.',
				render: (setting) => {
					setting.settingEl.addClass('youtube-digest-template-setting');
					const errorEl = setting.descEl.createDiv({ cls: 'youtube-digest-template-error' });
					let editor: TextAreaComponent | null = null;
					setting.addTextArea((textArea) => {
						editor = textArea;
						textArea.inputEl.addClass('youtube-digest-template-input');
						textArea.setValue(formatPropertyLines(this.settings.properties)).onChange((value) => {
							const { specs, problems } = parsePropertyLines(value);
							errorEl.setText(problems.join(' '));
							if (problems.length === 0) this.change({ properties: specs });
						});
					});
					setting.addExtraButton((button) =>
						button
							.setIcon('rotate-ccw')
							.setTooltip('Reset to the default properties')
							.onClick(() => {
								this.change({ properties: DEFAULT_PROPERTIES });
								editor?.setValue(formatPropertyLines(DEFAULT_PROPERTIES));
								errorEl.setText('');
							}),
					);
				},
			},
		];
	}

	/** Loads the default template into the editor, or disables it when the default is a note (edit that note instead). */
	private async showInEditor(): Promise<void> {
		if (!this.editor) return;
		const preset = presetById(this.settings.defaultTemplate);
		const text = preset ? (this.settings.templateOverrides[preset.id] ?? preset.source) : '';
		this.editor.textArea.setValue(text);
		this.editor.textArea.setDisabled(!preset);
		if (preset) await this.checkTemplate(text);
		else {
			this.editor.errorEl.setText(`This template is the note ${this.settings.defaultTemplate}: edit it there.`);
			this.editor.previewEl.setText('');
		}
	}

	private async editTemplate(text: string): Promise<void> {
		const preset = presetById(this.settings.defaultTemplate);
		if (!preset) return;
		this.change({ templateOverrides: { ...this.settings.templateOverrides, [preset.id]: text } });
		await this.checkTemplate(text);
	}

	/** Shows the first problem with its line and column, or a preview of the note the template makes. */
	private async checkTemplate(text: string): Promise<void> {
		if (!this.editor) return;
		const engine = await loadTemplateEngine();
		const sample = sampleDigestContext(this.settings.timestampStyle);
		const problem = engine.check(text, sample);
		this.editor.errorEl.setText(problem ? `Error at ${formatProblem(problem)}` : '');
		this.editor.previewEl.setText(problem ? '' : engine.render(text, sample));
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
							this.change({
								transcriptLanguages: value
									.split(',')
									.map((code) => code.trim())
									.filter(Boolean),
							}),
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
					setting.addToggle((toggle) =>
						toggle
							.setValue(this.settings.openDigest)
							.onChange((value) => this.change({ openDigest: value })),
					);
				},
			},
		];
	}

	private webRows(): SettingRow[] {
		return [
			{
				name: 'Where the digest goes',
				desc: 'A note of its own, or inside the note with the link (re-runs replace it there too).',
				render: (setting) => {
					setting.addDropdown((dropdown) =>
						dropdown
							.addOptions({
								note: 'A new note',
								'below-link': 'Below the link in the note',
								cursor: 'At the cursor',
							})
							.setValue(this.settings.placement)
							.onChange((value) => this.change({ placement: value as Placement })),
					);
				},
			},
			{
				name: 'Channel notes',
				desc: "A note per channel listing its digests, newest first; the digest's author links to it.",
				render: (setting) => {
					setting.addToggle((toggle) =>
						toggle
							.setValue(this.settings.channelNotes)
							.onChange((value) => this.change({ channelNotes: value })),
					);
				},
			},
			this.textRow('channelFolder', 'Channel folder', 'Where channel notes are created.'),
			{
				name: 'People and concepts',
				desc: 'Link the people, organizations and concepts a digest mentions to notes of that name or alias.',
				render: (setting) => {
					setting.addDropdown((dropdown) =>
						dropdown
							.addOptions({ existing: 'Only to notes that exist', always: 'Always', never: 'Never' })
							.setValue(this.settings.entityLinks)
							.onChange((value) => this.change({ entityLinks: value as EntityLinkMode })),
					);
				},
			},
			this.numberRow(
				'relatedLimit',
				'Related digests',
				'How many related digests (shared people, concepts, tags or channel) each digest lists; 0 for none.',
			),
		];
	}

	private serverText: TextComponent | null = null;
	private modelText: TextComponent | null = null;

	private modelRows(): SettingRow[] {
		return [
			{
				name: 'Provider',
				desc: 'Fills in the server URL and a model; choose "Custom" for any other OpenAI-compatible server.',
				render: (setting) => {
					setting.addDropdown((dropdown) => {
						for (const provider of PROVIDERS) dropdown.addOption(provider.id, provider.name);
						dropdown.addOption(CUSTOM_PROVIDER, 'Custom');
						dropdown.setValue(providerOf(this.settings.baseUrl)).onChange((id) => {
							const provider = PROVIDERS.find((candidate) => candidate.id === id);
							if (!provider) return;
							this.change({ baseUrl: provider.baseUrl, model: provider.model });
							this.serverText?.setValue(provider.baseUrl);
							this.modelText?.setValue(provider.model);
						});
					});
				},
			},
			{
				name: 'Server URL',
				desc: `Any OpenAI-compatible server, for example ${OPENAI_BASE_URL} or http://localhost:11434/v1 for Ollama.`,
				render: (setting) => {
					setting.addText((text) => {
						this.serverText = text;
						text.setPlaceholder(OPENAI_BASE_URL)
							.setValue(this.settings.baseUrl)
							.onChange((value) => this.change({ baseUrl: value.trim() || OPENAI_BASE_URL }));
					});
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
			{
				name: 'Model',
				desc: 'The model name as the server knows it; the list button asks the server which models it has.',
				render: (setting) => {
					let choices: DropdownComponent | null = null;
					setting.addText((text) => {
						this.modelText = text;
						text.setValue(this.settings.model).onChange((value) => this.change({ model: value.trim() }));
					});
					setting.addDropdown((dropdown) => {
						choices = dropdown;
						dropdown.selectEl.addClass('youtube-digest-hidden');
						dropdown.onChange((value) => {
							this.change({ model: value });
							this.modelText?.setValue(value);
						});
					});
					setting.addExtraButton((button) =>
						button
							.setIcon('list')
							.setTooltip("List the server's models")
							.onClick(() => void this.loadModels(choices)),
					);
				},
			},
		];
	}

	private async loadModels(choices: DropdownComponent | null): Promise<void> {
		if (!choices) return;
		const { settings } = this;
		const apiKey = settings.apiKeySecret ? (this.app.secretStorage.getSecret(settings.apiKeySecret) ?? '') : '';
		const models = await listModels({ http: requestUrlHttp, baseUrl: settings.baseUrl, apiKey });
		if (models.length === 0) {
			new Notice('The server did not list its models; type the model name instead.');
			return;
		}
		choices.selectEl.empty();
		choices.addOptions(Object.fromEntries(models.map((model) => [model, model])));
		choices.setValue(models.includes(settings.model) ? settings.model : models[0]);
		choices.selectEl.removeClass('youtube-digest-hidden');
	}

	private costRows(): SettingRow[] {
		return [
			this.numberRow(
				'inputBudgetTokens',
				'Input budget per call',
				'Most tokens one model call may carry; longer transcripts are summarized in parts, then merged. 0 chooses: 25,000 for hosted servers, 6,000 for local ones.',
			),
			this.numberRow(
				'concurrency',
				'Parts at once',
				'How many parts of a long video are summarized at the same time.',
			),
			this.numberRow(
				'confirmAboveCost',
				'Ask above this cost',
				'Ask before a digest estimated to cost more than this many dollars; -1 never asks.',
			),
			{
				name: 'Prices',
				desc: 'Dollars per million tokens, one model per line: "model: input, output". A model not listed shows no cost.',
				render: (setting) => {
					setting.settingEl.addClass('youtube-digest-template-setting');
					setting.addTextArea((textArea) => {
						textArea.inputEl.addClass('youtube-digest-template-input');
						textArea
							.setValue(formatPrices(this.settings.prices))
							.onChange((value) => this.change({ prices: parsePrices(value) }));
					});
				},
			},
			this.numberRow(
				'cacheLimitMb',
				'Cache size (MB)',
				'Transcripts and digests are kept so re-runs, re-renders and translations need no new requests; the oldest go first above this size.',
			),
		];
	}

	private numberRow(
		key: 'inputBudgetTokens' | 'concurrency' | 'confirmAboveCost' | 'cacheLimitMb' | 'relatedLimit',
		name: string,
		desc: string,
	): SettingRow {
		return {
			name,
			desc,
			render: (setting) => {
				setting.addText((text) => {
					text.inputEl.type = 'number';
					text.setValue(String(this.settings[key])).onChange((value) => {
						const number = Number(value);
						if (value.trim() !== '' && Number.isFinite(number)) this.change({ [key]: number });
					});
				});
			},
		};
	}

	private textRow(
		key: 'outputFolder' | 'outputLanguage' | 'model' | 'templateFolder' | 'channelFolder',
		name: string,
		desc: string,
		placeholder = '',
	): SettingRow {
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
