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
import type { App } from './app';
import { Component } from './component';
import { asDom, FakeElement } from './dom';
import { setIcon } from './util';

export type PluginManifest = O.PluginManifest;

export abstract class Plugin extends Component implements Omit<O.Plugin, 'onload' | 'registerDomEvent'> {
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

	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = this.fakeApp.ribbonEl.createDiv({
			cls: 'side-dock-ribbon-action clickable-icon',
			attr: { 'aria-label': title },
		});
		setIcon(asDom(el), icon);
		el.addEventListener('click', (evt) => callback(evt as unknown as MouseEvent));
		this.register(() => el.detach());
		return asDom(el);
	}

	addStatusBarItem(): HTMLElement {
		const el: FakeElement = this.fakeApp.statusBarEl.createDiv(
			`status-bar-item plugin-${this.manifest.id.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`,
		);
		this.register(() => el.detach());
		return asDom(el);
	}

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

	registerView(type: string, viewCreator: O.ViewCreator): void {
		const views = this.fakeApp.fakeWorkspace.views;
		views.viewByType.set(type, viewCreator);
		this.register(() => {
			this.app.workspace.detachLeavesOfType(type);
			views.viewByType.delete(type);
		});
	}

	registerHoverLinkSource(id: string, info: O.HoverLinkSource): void {
		this.fakeApp.hoverLinkSources.set(id, info);
		this.register(() => this.fakeApp.hoverLinkSources.delete(id));
	}

	registerExtensions(extensions: string[], viewType: string): void {
		const map = this.fakeApp.fakeWorkspace.views.typeByExtension;
		for (const ext of extensions) {
			if (map.has(ext)) throw new Error(`Attempting to register an existing file extension "${ext}"`);
			map.set(ext, viewType);
		}
		this.register(() => extensions.forEach((ext) => map.delete(ext)));
	}

	registerMarkdownPostProcessor(postProcessor: O.MarkdownPostProcessor, sortOrder?: number): O.MarkdownPostProcessor {
		const entry = { processor: postProcessor, sortOrder };
		this.markdownPostProcessors.push(entry);
		this.register(() => this.markdownPostProcessors.splice(this.markdownPostProcessors.indexOf(entry), 1));
		return postProcessor;
	}

	registerMarkdownCodeBlockProcessor(
		language: string,
		handler: (source: string, el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => Promise<unknown> | void,
		sortOrder?: number,
	): O.MarkdownPostProcessor {
		this.codeBlockProcessors.set(language, handler);
		this.register(() => this.codeBlockProcessors.delete(language));
		const processor = (() => undefined) as unknown as O.MarkdownPostProcessor;
		processor.sortOrder = sortOrder;
		return processor;
	}

	/** Bases are not modelled: behaves as a vault where Bases is disabled. */
	registerBasesView(_viewId: string, _registration: O.BasesViewRegistration): boolean {
		return false;
	}

	registerEditorExtension(extension: Parameters<O.Plugin['registerEditorExtension']>[0]): void {
		this.editorExtensions.push(extension);
		this.register(() => this.editorExtensions.splice(this.editorExtensions.indexOf(extension), 1));
	}

	registerObsidianProtocolHandler(action: string, handler: O.ObsidianProtocolHandler): void {
		this.fakeApp.protocolHandlers.set(action, handler);
		this.register(() => this.fakeApp.protocolHandlers.delete(action));
	}

	registerEditorSuggest(editorSuggest: O.EditorSuggest<unknown>): void {
		this.editorSuggests.push(editorSuggest);
		this.register(() => this.editorSuggests.splice(this.editorSuggests.indexOf(editorSuggest), 1));
	}

	registerCliHandler(command: string, description: string, flags: O.CliFlags | null, handler: O.CliHandler): void {
		const handlers = this.fakeApp.cliHandlers;
		if (handlers.has(command)) throw new Error(`CLI command "${command}" is already registered`);
		handlers.set(command, { description, flags, handler });
		this.register(() => handlers.delete(command));
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
