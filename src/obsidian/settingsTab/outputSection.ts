import type { Placement } from '../../core/digest';
import { TimestampStyle } from '../../core/render/timestampStyle';
import type { EntityLinkMode } from '../../core/digest';
import { folderRow } from './folderSuggest';
import { dropdownRow, numberRow, SettingRow, SettingsEditor, textRow, toggleRow } from './settingRows';

const TIMESTAMP_STYLES: Record<TimestampStyle, string> = {
	youtube: 'YouTube links (…&t=754s)',
	'media-extended': 'Media Extended (#t=754)',
	'media-notes': 'Media Notes ([12:34]())',
};

const PLACEMENTS: Record<Placement, string> = {
	note: 'A new note',
	'below-link': 'Below the link in the note',
	cursor: 'At the cursor',
};

const ENTITY_LINK_MODES: Record<EntityLinkMode, string> = {
	existing: 'Only to notes that exist',
	always: 'Always',
	never: 'Never',
};

/** Where new digest notes go and what they are called. */
export function placeRows(editor: SettingsEditor): SettingRow[] {
	return [
		folderRow(editor, 'outputFolder', 'Digest folder', 'Where new digest notes are created.'),
		textRow(
			editor,
			'fileNamePattern',
			'File name',
			'Name of a new digest note, with {{title}}, {{channel}}, {{published}}, {{created}} and {{videoId}}. ' +
				'Characters a file name cannot hold are replaced.',
			'{{title}}',
		),
	];
}

/** In which language digests are written, how their timestamps link, and whether they open. */
export function languageRows(editor: SettingsEditor): SettingRow[] {
	return [
		textRow(
			editor,
			'outputLanguage',
			'Digest language',
			'Language the digest is written in, as a code or a name. Empty: the language of the transcript.',
			'Same as the video',
		),
		{
			name: 'Transcript languages',
			desc:
				'Caption languages to prefer, in order, separated by commas (for example "en, de"). ' +
				'Empty: the spoken language.',
			render: (setting) => {
				setting.addText((text) =>
					text.setValue(editor.settings.transcriptLanguages.join(', ')).onChange((value) => {
						const codes = value.split(',').map((code) => code.trim());
						editor.change({ transcriptLanguages: codes.filter(Boolean) });
					}),
				);
			},
		},
		dropdownRow(editor, 'timestampStyle', 'Timestamp links', 'How timestamps link to the video.', TIMESTAMP_STYLES),
		toggleRow(editor, 'openDigest', 'Open the digest', 'Open each new digest note in a new tab.'),
	];
}

/** Placement, channel notes, entity links and related digests. */
export function webRows(editor: SettingsEditor): SettingRow[] {
	return [
		dropdownRow(
			editor,
			'placement',
			'Where the digest goes',
			'A note of its own, or inside the note with the link (re-runs replace it there too).',
			PLACEMENTS,
		),
		toggleRow(
			editor,
			'channelNotes',
			'Channel notes',
			"A note per channel listing its digests, newest first; the digest's author links to it.",
		),
		folderRow(editor, 'channelFolder', 'Channel folder', 'Where channel notes are created.'),
		dropdownRow(
			editor,
			'entityLinks',
			'People and concepts',
			'Link the people, organizations and concepts a digest mentions to notes of that name or alias.',
			ENTITY_LINK_MODES,
		),
		numberRow(
			editor,
			'relatedLimit',
			'Related digests',
			'How many related digests (shared people, concepts, tags or channel) each digest lists; 0 for none.',
		),
	];
}
