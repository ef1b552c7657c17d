import { noteHasVideoLinks, videoLinksInNote } from '../../../src/core/digestNotes/batch';
import { nonProseRanges } from '../../../src/core/notes/nonProseRanges';

const LINK = 'https://youtu.be/dQw4w9WgXcQ';
const block = (body: string) => `%% youtube-digest:digest-x:start %%\n${body}\n%% youtube-digest:digest-x:end %%\n`;

/** Notes as the link index meets them: the scan that may stop early answers as the full one does. */
const NOTES: string[] = [
	'',
	'# No video here\n\nJust text with a % and a < and `code`.\n',
	`---\nsource: ${LINK}\n---\nNo link in the body\n`,
	`Watch ${LINK}\n`,
	`\`\`\`\n${LINK}\n\`\`\`\n`,
	`\`\`\`\n${LINK}\n\`\`\`\nthen ${LINK}\n`,
	`%% ${LINK} %%\n<!-- ${LINK} -->\n\`${LINK}\`\n`,
	`%% ${LINK} %%\n<!-- ${LINK} -->\n\`${LINK}\`\nand at last ${LINK}\n`,
	`text\n%% ${LINK}`,
	block(LINK),
	`${block(LINK)}And mine: ${LINK}\n`,
	`\\%% ${LINK}`,
	`> \`\`\`\n> ${LINK}\n> \`\`\`\n> ${LINK}\n`,
];

describe('the link index reads no further than it needs', () => {
	it.each(NOTES.map((note) => [JSON.stringify(note).slice(0, 60), note]))(
		'%s: has links exactly when the full scan finds some',
		(_, note) => {
			expect(noteHasVideoLinks(note)).toBe(videoLinksInNote('n.md', note).length > 0);
		},
	);

	it.each(NOTES.map((note) => [JSON.stringify(note).slice(0, 60), note]))(
		'%s: the ranges up to an offset are those of the whole note that start there or before',
		(_, note) => {
			for (let until = 0; until <= note.length + 1; until++)
				expect(nonProseRanges(note, until)).toEqual(
					nonProseRanges(note).filter((range) => range.from <= until),
				);
		},
	);
});
