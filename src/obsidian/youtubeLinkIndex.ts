import { App, Plugin, TFile, TFolder } from 'obsidian';
import { noteHasVideoLinks } from '../core/digestNotes/batch';

/**
 * Which notes hold YouTube links of the user's own (not a digest's generated part or properties), so the
 * file menu can offer its entries only where they do something without reading any file while it opens.
 * Filled once in the background after the layout is ready, then kept current from the metadata cache's
 * `changed` event, which hands over the note's text.
 */
export class YouTubeLinkIndex {
	private readonly withLinks = new Set<string>();

	constructor(private readonly app: App) {}

	register(plugin: Plugin): void {
		const { vault, metadataCache, workspace } = this.app;
		plugin.registerEvent(metadataCache.on('changed', (file, text) => this.update(file, text)));
		plugin.registerEvent(vault.on('delete', (file) => this.withLinks.delete(file.path)));
		plugin.registerEvent(
			vault.on('rename', (file, oldPath) => {
				if (this.withLinks.delete(oldPath)) this.withLinks.add(file.path);
			}),
		);
		workspace.onLayoutReady(() => void this.scan());
	}

	hasLinks(file: TFile): boolean {
		return this.withLinks.has(file.path);
	}

	folderHasLinks(folder: TFolder): boolean {
		if (folder.isRoot()) return this.withLinks.size > 0;
		const prefix = `${folder.path}/`;
		for (const path of this.withLinks) if (path.startsWith(prefix)) return true;
		return false;
	}

	private update(file: TFile, text: string): void {
		if (file.extension !== 'md') return;
		if (noteHasVideoLinks(text)) this.withLinks.add(file.path);
		else this.withLinks.delete(file.path);
	}

	private async scan(): Promise<void> {
		// A note deleted or unreadable meanwhile is skipped, not the end of the scan.
		for (const file of this.app.vault.getMarkdownFiles()) {
			const text = await this.app.vault.cachedRead(file).catch(() => null);
			if (text !== null) this.update(file, text);
		}
	}
}
