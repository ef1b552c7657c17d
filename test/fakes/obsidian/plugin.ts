/**
 * Plugin: commands, settings tab, ribbon/status bar, views and processors, and data.json.
 *
 * - addCommand stores the command the way Obsidian does: its id becomes `${manifest.id}:${id}` and its
 *   name `${manifest.name}: ${name}` (the object passed in is mutated and returned); it is removed on
 *   unload.
 * - loadData/saveData go through the vault adapter at `${manifest.dir}/data.json` (manifest.dir
 *   defaults to `.obsidian/plugins/${id}`), JSON-serialised, so saved objects are copies; loadData
 *   returns null when there is no data.json (or it is not valid JSON).
 * - Everything registered is undone on unload(), in reverse order, before onunload().
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import type { App } from './app';
import { Component } from './component';

export type PluginManifest = O.PluginManifest;

export abstract class Plugin extends Component implements Faithful<Omit<O.Plugin, 'onload' | 'registerDomEvent'>> {
	app: O.App;
	manifest: O.PluginManifest;
	settings?: unknown;
	/** @internal */ readonly markdownPostProcessors: { processor: O.MarkdownPostProcessor; sortOrder?: number }[] = [];
	/** @internal */ readonly codeBlockProcessors = new Map<
		string,
		(source: string, el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => unknown
	>();
	/** @internal */ readonly editorExtensions: unknown[] = [];
	/** @internal */ readonly editorSuggests: O.EditorSuggest<unknown>[] = [];

	constructor(app: O.App, manifest: O.PluginManifest) {
		super();
		this.app = app;
		this.manifest = manifest;
	}

	private get fakeApp(): App {
		return this.app as unknown as App;
	}

	onload(): Promise<void> | void {}

	/**
	 * @internal What Obsidian's plugin manager does to enable a plugin: mark it loaded, await onload,
	 * then load its children.
	 */
	async loadAsync(): Promise<void> {
		if (this._loaded) return;
		this._loaded = true;
		await this.onload();
		for (const child of this._children.slice()) child.load();
	}

	override load(): void {
		void this.loadAsync();
	}

	onUserEnable(): void {}

	addCommand(command: O.Command): O.Command {
		command.id = `${this.manifest.id}:${command.id}`;
		command.name = `${this.manifest.name}: ${command.name}`;
		const id = command.id;
		this.fakeApp.commands.addCommand(command);
		this.register(() => this.fakeApp.commands.removeCommand(id));
		return command;
	}

	removeCommand(commandId: string): void {
		this.fakeApp.commands.removeCommand(`${this.manifest.id}:${commandId}`);
	}

	addSettingTab(settingTab: O.PluginSettingTab): void {
		this.fakeApp.setting.addSettingTab(settingTab, this.manifest.id);
		this.register(() => this.fakeApp.setting.removeSettingTab(settingTab));
	}

	registerObsidianProtocolHandler(action: string, handler: O.ObsidianProtocolHandler): void {
		this.fakeApp.protocolHandlers.set(action, handler);
		this.register(() => this.fakeApp.protocolHandlers.delete(action));
	}

	registerView(type: string, viewCreator: O.ViewCreator): void {
		const views = this.fakeApp.fakeWorkspace.views;
		views.viewByType.set(type, viewCreator);
		this.register(() => {
			this.app.workspace.detachLeavesOfType(type);
			views.viewByType.delete(type);
		});
	}

	registerExtensions(extensions: string[], viewType: string): void {
		const map = this.fakeApp.fakeWorkspace.views.typeByExtension;
		for (const ext of extensions) {
			if (map.has(ext)) throw new Error(`Attempting to register an existing file extension "${ext}"`);
			map.set(ext, viewType);
		}
		this.register(() => extensions.forEach((ext) => map.delete(ext)));
	}

	registerEditorExtension(extension: Parameters<O.Plugin['registerEditorExtension']>[0]): void {
		this.editorExtensions.push(extension);
		this.register(() => this.editorExtensions.splice(this.editorExtensions.indexOf(extension), 1));
	}

	/** @internal */
	get dataPath(): string {
		return `${this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`}/data.json`;
	}

	async loadData(): Promise<any> {
		const adapter = this.app.vault.adapter;
		if (!(await adapter.exists(this.dataPath))) return null;
		try {
			return JSON.parse(await adapter.read(this.dataPath)) as unknown;
		} catch {
			return null;
		}
	}

	async saveData(data: any): Promise<void> {
		const path = this.dataPath;
		await this.app.vault.adapter.mkdir(path.slice(0, path.lastIndexOf('/')));
		await this.app.vault.adapter.write(path, JSON.stringify(data, null, 2));
	}
}
