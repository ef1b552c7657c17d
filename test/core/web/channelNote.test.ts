import { parse } from 'yaml';
import { blockMarkers, wrapGenerated } from '../../../src/core/notes/generatedBlock';
import {
	CHANNEL_BLOCK,
	ChannelDigestEntry,
	channelNoteBody,
	channelNoteName,
	sortChannelDigests,
	updateChannelNote,
} from '../../../src/core/web/channelNote';

const channel = { name: 'Veritasium', url: 'https://www.youtube.com/@veritasium' };

const digests: ChannelDigestEntry[] = [
	{ link: '[[Old talk]]', title: 'Old talk', published: '2021-03-01', created: '2024-01-10', duration: '00:12:34' },
	{ link: '[[New talk]]', title: 'New talk', published: '2024-05-01', created: '2024-05-02', duration: '01:02:03' },
	{ link: '[[Undated]]', title: 'Undated', published: '', created: '', duration: '' },
	{ link: '[[Created only]]', title: 'Created only', published: null, created: '2023-07-07', duration: '00:00:59' },
];

describe('sortChannelDigests', () => {
	it('puts the newest first, by published date, else by the day of the digest, undated last', () => {
		expect(sortChannelDigests(digests).map((entry) => entry.title)).toEqual([
			'New talk',
			'Created only',
			'Old talk',
			'Undated',
		]);
	});

	it('breaks ties on the date by title, ignoring case first', () => {
		const sameDay = ['b talk', 'C talk', 'A talk'].map((title) => ({
			link: `[[${title}]]`,
			title,
			published: '2024-01-01',
		}));
		expect(sortChannelDigests(sameDay).map((entry) => entry.title)).toEqual(['A talk', 'b talk', 'C talk']);
	});

	it('treats a property that is not a date as no date, and reads a date-time by its day', () => {
		const entries = [
			{ link: 'a', title: 'Garbage', published: 'yesterday', created: '' },
			{ link: 'b', title: 'Datetime', published: '2020-01-01T10:00:00Z' },
		];
		expect(sortChannelDigests(entries).map((entry) => entry.title)).toEqual(['Datetime', 'Garbage']);
	});

	it('does not reorder the array it was given', () => {
		const copy = [...digests];
		sortChannelDigests(digests);
		expect(digests).toEqual(copy);
	});
});

describe('channelNoteBody', () => {
	it('lists every digest with its link, date and duration, newest first', () => {
		expect(channelNoteBody(channel, digests)).toBe(
			[
				'## Digests from this channel',
				'',
				'- [[New talk]] · 2024-05-01 · 1:02:03',
				'- [[Created only]] · 2023-07-07 · 0:59',
				'- [[Old talk]] · 2021-03-01 · 12:34',
				'- [[Undated]]',
				'',
				'[Channel on YouTube](https://www.youtube.com/@veritasium)',
				'',
			].join('\n'),
		);
	});

	it('says so when there are no digests', () => {
		expect(channelNoteBody(channel, [])).toContain('No digests yet.');
	});

	it('prints neither a date nor a duration that is not one', () => {
		const body = channelNoteBody(channel, [
			{ link: '[[X]]', title: 'X', published: '<%tp.date%>', duration: '[[evil]]' },
		]);
		expect(body).toContain('- [[X]]\n');
		expect(body).not.toContain('evil');
		expect(body).not.toContain('<%');
	});

	it('links only an https YouTube channel page, with link-breaking characters encoded', () => {
		expect(channelNoteBody({ name: 'x', url: 'javascript:alert(1)' }, [])).not.toContain('Channel on YouTube');
		expect(channelNoteBody({ name: 'x', url: 'https://evil.example/@x' }, [])).not.toContain('Channel on YouTube');
		expect(channelNoteBody({ name: 'x', url: '' }, [])).not.toContain('Channel on YouTube');
		expect(channelNoteBody({ name: 'x', url: 'https://www.youtube.com/c/a)b%%c' }, [])).toContain(
			'[Channel on YouTube](https://www.youtube.com/c/a%29b%25%25c)',
		);
	});
});

describe('updateChannelNote', () => {
	const { start, end } = blockMarkers(CHANNEL_BLOCK);

	it('makes a new note with properties, a heading and the generated block', () => {
		const note = updateChannelNote(null, channel, digests);
		const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(note) ?? [];
		expect(parse(yaml)).toEqual({ channel_url: 'https://www.youtube.com/@veritasium', tags: ['youtube-channel'] });
		expect(body).toBe(`# Veritasium\n\n${wrapGenerated(CHANNEL_BLOCK, channelNoteBody(channel, digests))}`);
	});

	it('escapes the channel name in the heading of a new note and leaves an empty URL empty', () => {
		const note = updateChannelNote(null, { name: '#tag [[x]] <%tp%>', url: '' }, []);
		expect(note).toContain('# \\#tag \\[\\[x\\]\\] <\\%tp\\%>\n');
		expect(note).not.toContain('<%');
		expect(parse(/^---\n([\s\S]*?)\n---\n/.exec(note)?.[1] ?? '')).toEqual({
			channel_url: null,
			tags: ['youtube-channel'],
		});
	});

	it('replaces only the block, keeping the user text around it byte for byte', () => {
		const before = '---\nchannel_url: "x"\nmine: 1\n---\n# My channel notes\r\nI like them.  \n\n';
		const after = '\n## My own section\r\n- trailing text without newline';
		const existing = `${before}${start}\nstale list\n${end}\n${after}`;
		const updated = updateChannelNote(existing, channel, digests);
		expect(updated).toBe(`${before}${wrapGenerated(CHANNEL_BLOCK, channelNoteBody(channel, digests))}${after}`);
		expect(updated.startsWith(before)).toBe(true);
		expect(updated.endsWith(after)).toBe(true);
	});

	it('gives the same text when run again with the same digests', () => {
		const once = updateChannelNote('Intro\n', channel, digests);
		expect(updateChannelNote(once, channel, digests)).toBe(once);
		const fresh = updateChannelNote(null, channel, digests);
		expect(updateChannelNote(fresh, channel, digests)).toBe(fresh);
	});

	it('appends the block to a note that has none, after a blank line, keeping the text as a prefix', () => {
		const block = wrapGenerated(CHANNEL_BLOCK, channelNoteBody(channel, digests));
		expect(updateChannelNote('No newline at end', channel, digests)).toBe(`No newline at end\n\n${block}`);
		expect(updateChannelNote('Ends with newline\n', channel, digests)).toBe(`Ends with newline\n\n${block}`);
		expect(updateChannelNote('Blank line already\n\n', channel, digests)).toBe(`Blank line already\n\n${block}`);
		expect(updateChannelNote('CRLF\r\n\r\n', channel, digests)).toBe(`CRLF\r\n\r\n${block}`);
		expect(updateChannelNote('', channel, digests)).toBe(block);
	});

	it('leaves another block of the plugin alone', () => {
		const other = `${wrapGenerated('digest', 'digest body')}`;
		const updated = updateChannelNote(other, channel, []);
		expect(updated.startsWith(other)).toBe(true);
		expect(updated).toContain(start);
	});
});

describe('channelNoteName', () => {
	it('makes the channel name safe as a file name', () => {
		expect(channelNoteName('AC/DC: Live?')).toBe('AC DC Live');
		expect(channelNoteName('...')).toBe('YouTube channel');
	});
});

describe('properties that are not text', () => {
	it('sorts and lists entries whose properties hold numbers or nothing', () => {
		const odd = [
			{ link: '[[N]]', title: 1984, published: 20240101, duration: 5 },
			{ link: '[[M]]', title: undefined, created: '2024-02-02', duration: undefined },
		] as unknown as ChannelDigestEntry[];
		expect(channelNoteBody(channel, odd)).toContain('- [[M]] · 2024-02-02\n- [[N]]\n');
	});
});

describe('updateChannelNote keeps what it listed', () => {
	const listed = updateChannelNote(null, channel, digests);

	it('keeps every digest already listed when a run knows only its own', () => {
		const newer = { link: '[[Newest talk]]', title: 'Newest talk', published: '2025-01-01', duration: '00:05:16' };
		const updated = updateChannelNote(listed, channel, [newer]);
		for (const entry of digests) expect(updated).toContain(`- ${entry.link}`);
		expect(updated.indexOf('[[Newest talk]] · 2025-01-01 · 5:16')).toBeLessThan(updated.indexOf('[[New talk]]'));
	});

	it('replaces the line of the same note instead of adding a second one', () => {
		const redone = { link: '[[Old talk]]', title: 'Old talk', published: '2021-03-01', duration: '00:12:40' };
		const updated = updateChannelNote(listed, channel, [redone]);
		expect(updated.match(/\[\[Old talk\]\]/g)).toHaveLength(1);
		expect(updated).toContain('- [[Old talk]] · 2021-03-01 · 12:40');
	});

	it('reads its own lines back exactly: updating with nothing new changes nothing', () => {
		expect(updateChannelNote(listed, channel, [])).toBe(listed);
	});
});

describe('updateChannelNote with titles that hold its own separator', () => {
	it('reads a ` · ` inside a link as part of the link, and lists the digest once', () => {
		const entry = {
			link: '[[Talk · Part 1]]',
			title: 'Talk · Part 1',
			published: '2026-01-15',
			duration: '00:05:16',
		};
		const once = updateChannelNote(null, channel, [entry]);
		const twice = updateChannelNote(once, channel, [entry]);
		expect(twice).toBe(once);
		expect(twice).toContain('- [[Talk · Part 1]] · 2026-01-15 · 5:16\n');
	});
});

describe('updateChannelNote when the link form changes', () => {
	it('keeps one line per note, whether its link is a wikilink, a path or a Markdown link', () => {
		const entry = (link: string) => ({ link, title: 'Talk', published: '2026-01-15', duration: '00:05:16' });
		let note = updateChannelNote(null, channel, [entry('[[Talk]]')]);
		note = updateChannelNote(note, channel, [entry('[[Digests/Talk|Talk]]')]);
		note = updateChannelNote(note, channel, [entry('[Talk](Digests/Talk.md)')]);
		expect(note.match(/^- /gm)).toHaveLength(1);
		expect(note).toContain('- [Talk](Digests/Talk.md) · 2026-01-15 · 5:16');
	});

	it('keeps two notes of one name in different folders apart', () => {
		const entry = (link: string) => ({ link, title: 'Talk', published: '2026-01-15' });
		let note = updateChannelNote(null, channel, [entry('[[A/Talk|Talk]]')]);
		note = updateChannelNote(note, channel, [entry('[[B/Talk|Talk]]')]);
		expect(note).toContain('[[A/Talk|Talk]]');
		expect(note).toContain('[[B/Talk|Talk]]');
	});
});
