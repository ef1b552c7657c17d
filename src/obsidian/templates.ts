import { App, normalizePath, TFile } from 'obsidian';
import { DigestError } from '../core/errors';
import { presetById, PRESETS, templateFileBody } from '../core/render/presets';
import { YouTubeDigestSettings } from './settings';

export interface TemplateChoice {
	/** A preset id, or the vault path of a template file. */
	id: string;
	name: string;
}

/** The shipped presets, then every Markdown file in the template folder (and its subfolders). */
export function listTemplates(app: App, settings: YouTubeDigestSettings): TemplateChoice[] {
	const presets = PRESETS.map((preset) => ({ id: preset.id, name: preset.name }));
	const folder = settings.templateFolder ? normalizePath(settings.templateFolder) : '';
	if (!folder || !app.vault.getFolderByPath(folder)) return presets;
	const files = app.vault
		.getMarkdownFiles()
		.filter((file) => file.path.startsWith(`${folder}/`))
		.sort((a, b) => a.path.localeCompare(b.path))
		.map((file) => ({ id: file.path, name: file.path.slice(folder.length + 1).replace(/\.md$/, '') }));
	return [...presets, ...files];
}

/** A preset's text (as edited in the settings, if it was), or a template file's text without its properties. */
export async function loadTemplate(app: App, settings: YouTubeDigestSettings, id: string): Promise<string> {
	const preset = presetById(id);
	if (preset) return settings.templateOverrides[preset.id] ?? preset.source;
	const file = app.vault.getAbstractFileByPath(normalizePath(id));
	if (!(file instanceof TFile)) throw new DigestError('template-invalid', `the template note ${id} was not found`);
	const text = await app.vault.cachedRead(file);
	return templateFileBody(text);
}
