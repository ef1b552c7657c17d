import { Plugin } from 'obsidian';
import { DigestArchive } from '../core/digestArchive';
import { CommandHost, registerCommands } from './commands';
import { DigestNoteActions } from './digestNoteActions';
import { DigestRunner } from './digestRunner';
import { registerFileMenu } from './fileMenu';
import { readSettings, YouTubeDigestSettings } from './settings';
import { YouTubeDigestSettingTab } from './settingsTab/settingsTab';
import { vaultArchive } from './vaultArchive';

export default class YouTubeDigestPlugin extends Plugin implements CommandHost {
	settings!: YouTubeDigestSettings;
	archive!: DigestArchive;
	private digestRunner: DigestRunner | null = null;
	private noteActions: DigestNoteActions | null = null;

	async onload(): Promise<void> {
		this.settings = readSettings(await this.loadData());
		const pluginDir = this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`;
		this.archive = vaultArchive(this.app, pluginDir, () => this.settings.cacheLimitMb * 1024 * 1024);
		registerCommands(this, this);
		registerFileMenu(this, this);
		this.addSettingTab(new YouTubeDigestSettingTab(this.app, this, this));
	}

	runner(): DigestRunner {
		return (this.digestRunner ??= new DigestRunner(this));
	}

	digestNotes(): DigestNoteActions {
		return (this.noteActions ??= new DigestNoteActions(this));
	}

	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
	}
}
