/**
 * App: wires the vault, metadata cache, file manager, workspace and secret storage together, plus the
 * parts of Obsidian's internal app state the fake needs (command registry, settings tabs, plugins,
 * ribbon and status bar) and vault-scoped localStorage.
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { createFakeElement, FakeElement } from './dom';
import { FileManager } from './fileManager';
import { MetadataCache } from './metadataCache';
import { confirmWithModal } from './modal';
import { Keymap, Scope } from './scope';
import { SecretStorage } from './secretStorage';
import type { SettingTab } from './settings';
import { Vault } from './vault';
import { MarkdownView } from './views';
import { Workspace } from './workspace';

/** Obsidian's command registry (`app.commands`, not in the public API but stable). */
export class CommandRegistry {
	readonly commands: Record<string, O.Command> = {};

	constructor(private readonly app: App) {}

	addCommand(command: O.Command): void {
		this.commands[command.id] = command;
	}

	removeCommand(id: string): void {
		delete this.commands[id];
	}

	findCommand(id: string): O.Command | undefined {
		return this.commands[id];
	}

	/**
	 * How Obsidian decides whether a command can run now and runs it. Editor commands need an active
	 * Markdown editor in editing mode; check callbacks are asked with `checking = true` first.
	 * Returns [ran, whatever the callback returned].
	 */
	execute(command: O.Command): [boolean, unknown] {
		if (command.editorCheckCallback || command.editorCallback) {
			const info = this.app.workspace.activeEditor;
			const editor = info?.editor;
			if (!info || !editor || (info instanceof MarkdownView && info.getMode() !== 'source'))
				return [false, undefined];
			if (command.editorCheckCallback) {
				if (!command.editorCheckCallback(true, editor, info as O.MarkdownView)) return [false, undefined];
				return [true, command.editorCheckCallback(false, editor, info as O.MarkdownView)];
			}
			return [true, command.editorCallback?.(editor, info as O.MarkdownView)];
		}
		if (command.checkCallback) {
			if (!command.checkCallback(true)) return [false, undefined];
			return [true, command.checkCallback(false)];
		}
		if (command.callback) return [true, command.callback()];
		return [false, undefined];
	}
}

/** The settings modal's registry of plugin tabs (`app.setting`). */
export class SettingRegistry {
	readonly pluginTabs: SettingTab[] = [];
	private readonly owners = new Map<SettingTab, string>();

	addSettingTab(tab: O.SettingTab, pluginId?: string): void {
		const t = tab as unknown as SettingTab;
		this.pluginTabs.push(t);
		if (pluginId) this.owners.set(t, pluginId);
		t.update();
	}

	removeSettingTab(tab: O.SettingTab): void {
		const t = tab as unknown as SettingTab;
		const index = this.pluginTabs.indexOf(t);
		if (index !== -1) this.pluginTabs.splice(index, 1);
		this.owners.delete(t);
	}

	tabOf(pluginId: string): SettingTab | undefined {
		return this.pluginTabs.find((t) => this.owners.get(t) === pluginId);
	}
}

export class PluginRegistry {
	readonly plugins: Record<string, O.Plugin> = {};
	readonly manifests: Record<string, O.PluginManifest> = {};
	readonly enabledPlugins = new Set<string>();

	getPlugin(id: string): O.Plugin | null {
		return this.plugins[id] ?? null;
	}
}

export interface AppOptions {
	vaultName?: string;
}

export class App implements Faithful<Omit<O.App, 'keymap' | 'renderContext'>> {
	keymap: O.Keymap;
	scope: O.Scope;
	workspace: O.Workspace;
	vault: O.Vault;
	metadataCache: O.MetadataCache;
	fileManager: O.FileManager;
	secretStorage: O.SecretStorage;
	lastEvent: O.UserEvent | null = null;
	renderContext = { hoverPopover: null } as unknown as O.RenderContext;

	/** The same objects as above, with the fake's types. */
	readonly fakeVault: Vault;
	readonly fakeWorkspace: Workspace;
	readonly fakeMetadataCache: MetadataCache;
	readonly fakeFileManager: FileManager;
	readonly fakeSecretStorage: SecretStorage;

	readonly commands = new CommandRegistry(this);
	readonly setting = new SettingRegistry();
	readonly plugins = new PluginRegistry();
	readonly ribbonEl: FakeElement = createFakeElement('div', { cls: 'side-dock-ribbon' });
	readonly statusBarEl: FakeElement = createFakeElement('div', { cls: 'status-bar' });
	readonly hoverLinkSources = new Map<string, O.HoverLinkSource>();
	readonly protocolHandlers = new Map<string, O.ObsidianProtocolHandler>();
	readonly cliHandlers = new Map<string, { description: string; flags: O.CliFlags | null; handler: O.CliHandler }>();
	/** Vault-scoped localStorage (JSON strings, as Obsidian stores them). */
	readonly localStorage = new Map<string, string>();
	darkMode = false;

	constructor(options: AppOptions = {}) {
		this.keymap = new Keymap() as unknown as O.Keymap;
		this.scope = new Scope() as unknown as O.Scope;
		this.fakeVault = new Vault(options.vaultName);
		this.fakeMetadataCache = new MetadataCache(this.fakeVault);
		this.fakeFileManager = new FileManager({
			vault: this.fakeVault,
			metadataCache: this.fakeMetadataCache,
			activeFilePath: () => this.workspace.getActiveFile()?.path ?? null,
			confirm: (title, message, confirmText) =>
				confirmWithModal(this as unknown as O.App, title, message, confirmText),
		});
		this.fakeWorkspace = new Workspace({
			app: this as unknown as O.App,
			vault: this.fakeVault,
			metadataCache: this.fakeMetadataCache,
			fileManager: this.fakeFileManager,
		});
		this.fakeSecretStorage = new SecretStorage();
		this.vault = this.fakeVault as unknown as O.Vault;
		this.metadataCache = this.fakeMetadataCache as unknown as O.MetadataCache;
		this.fileManager = this.fakeFileManager as unknown as O.FileManager;
		this.workspace = this.fakeWorkspace as unknown as O.Workspace;
		this.secretStorage = this.fakeSecretStorage as unknown as O.SecretStorage;
	}

	loadLocalStorage(key: string): any | null {
		const raw = this.localStorage.get(key);
		if (raw === undefined) return null;
		try {
			return JSON.parse(raw) as unknown;
		} catch {
			return null;
		}
	}

	saveLocalStorage(key: string, data: unknown | null): void {
		if (data === null || data === undefined) this.localStorage.delete(key);
		else this.localStorage.set(key, JSON.stringify(data));
	}
}
