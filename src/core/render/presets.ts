import { frontmatterEnd } from '../notes/frontmatterBlock';
import compact from '../../../templates/compact.hbs';
import digest from '../../../templates/digest.hbs';
import study from '../../../templates/study.hbs';
import transcript from '../../../templates/transcript.hbs';

export interface TemplatePreset {
	id: PresetId;
	name: string;
	source: string;
}

export type PresetId = 'digest' | 'compact' | 'study' | 'transcript';

/** The preset a digest is written with unless the user chose another. */
export const DEFAULT_PRESET: PresetId = 'digest';

/** The templates shipped in templates/, bundled into main.js and cli.js. */
export const PRESETS: TemplatePreset[] = [
	{ id: 'digest', name: 'Full digest', source: digest },
	{ id: 'compact', name: 'Compact', source: compact },
	{ id: 'study', name: 'Study notes (flashcards)', source: study },
	{ id: 'transcript', name: 'Transcript only', source: transcript },
];

export function presetById(id: string): TemplatePreset | undefined {
	return PRESETS.find((preset) => preset.id === id);
}

/**
 * A template file's text as a template: without a byte order mark and its properties, in `\n` line endings
 * (an editor on Windows saves `\r\n`, which would reach the note as stray carriage returns).
 */
export function templateFileBody(text: string): string {
	const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	return lines.slice(frontmatterEnd(lines));
}
