import { Plugin } from 'obsidian';
import { DigestArchive } from '../core/digestArchive';
import { CommandHost, registerCommands } from './commands';
import { DigestNoteActions } from './digestNoteActions';
import { DigestRunner } from './digestRunner';
import { registerFileMenu } from './fileMenu';
import { registerProtocolHandler } from './protocolHandler';
import { readSettings, YouTubeDigestSettings } from './settings';
import { YouTubeDigestSettingTab } from './settingsTab/settingsTab';
import { vaultArchive } from './vaultArchive';

export default class YouTubeDigestPlugin extends Plugin implements CommandHost {
	settings!: YouTubeDigestSettings;
	private readonly loaded = new AbortController();
	// The archive, the runner and the note actions are made on first use, not in onload: loading stays light.
	private madeArchive: DigestArchive | null = null;
	private madeRunner: DigestRunner | null = null;
	private madeNoteActions: DigestNoteActions | null = null;

	async onload(): Promise<void> {
		this.settings = readSettings(await this.loadData());
		registerCommands(this, this);
		registerFileMenu(this, this);
		registerProtocolHandler(this, this);
		this.addSettingTab(new YouTubeDigestSettingTab(this.app, this, this));
	}

	onunload(): void {
		this.loaded.abort();
	}

	get lifetime(): AbortSignal {
		return this.loaded.signal;
	}

	get archive(): DigestArchive {
		const pluginDir = this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`;
		return (this.madeArchive ??= vaultArchive(this.app, pluginDir, () => this.settings.cacheLimitMb * 1024 * 1024));
	}

	runner(): DigestRunner {
		return (this.madeRunner ??= new DigestRunner(this));
	}

	digestNotes(): DigestNoteActions {
		return (this.madeNoteActions ??= new DigestNoteActions(this));
	}

	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
	}
}
