import { App } from 'obsidian';
import { DigestArchive } from '../core/digestArchive';
import { DigestNoteActions } from './digestNoteActions';
import { DigestRunner } from './digestRunner';
import { SettingsHost } from './settings';

/** What the commands work with; the runner and note actions are made on first use, not at load. */
export interface CommandHost extends SettingsHost {
	app: App;
	archive: DigestArchive;
	runner(): DigestRunner;
	digestNotes(): DigestNoteActions;
}
