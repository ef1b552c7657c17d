import { normalizePath, Notice, ObsidianProtocolData, Plugin, TFile } from 'obsidian';
import { DigestError, userMessage } from '../core/errors';
import { parseVideoInput } from '../core/youtube/videoUrl';
import type { CommandHost } from './commandHost';
import { listTemplates } from './templates';

/** The action of `obsidian://youtube-digest?url=…&note=…&template=…`, for share sheets, Shortcuts and clippers. */
export const PROTOCOL_ACTION = 'youtube-digest';

export function registerProtocolHandler(plugin: Plugin, host: CommandHost): void {
	plugin.registerObsidianProtocolHandler(PROTOCOL_ACTION, (params) => {
		summarizeFromUri(host, params).catch((error: unknown) => new Notice(userMessage(error)));
	});
}

/** Checks every parameter before anything runs, so a bad link or path changes no note. */
async function summarizeFromUri(host: CommandHost, params: ObsidianProtocolData): Promise<void> {
	const video = parseVideoInput(params.url ?? '');
	if (!video) {
		new Notice(userMessage(new DigestError('invalid-link', params.url || 'no url parameter')));
		return;
	}
	const note = params.note ? noteAt(host, params.note) : undefined;
	if (note === null) {
		new Notice(`There is no note at ${params.note}: nothing was summarized.`);
		return;
	}
	const templateId = params.template ? normalizePath(params.template) : undefined;
	// Only a preset or a note of the template folder: any other note would be rendered as a trusted template.
	const known = listTemplates(host.app, host.settings).some((choice) => choice.id === templateId);
	if (templateId && !known) {
		new Notice(userMessage(new DigestError('template-invalid', `the template ${templateId} was not found`)));
		return;
	}
	const source = note ? { file: note, linkText: params.url } : undefined;
	await host.runner().run(video, source, { templateId });
}

/** The Markdown note at a vault path, `.md` optional; null when there is none. */
function noteAt(host: CommandHost, path: string): TFile | null {
	const normalized = normalizePath(path);
	const file =
		host.app.vault.getFileByPath(normalized) ??
		host.app.vault.getFileByPath(`${normalized.replace(/\.md$/, '')}.md`);
	return file && file.extension === 'md' ? file : null;
}
