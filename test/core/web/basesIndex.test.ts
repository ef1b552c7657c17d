import { parse } from 'yaml';
import { digestIndexBase } from '../../../src/core/web/basesIndex';

interface BaseFile {
	filters: { and: string[] };
	properties: Record<string, { displayName: string }>;
	views: { type: string; name: string; order: string[]; sort: { property: string; direction: string }[] }[];
}

function parsed(folder: string): BaseFile {
	return parse(digestIndexBase({ folder })) as BaseFile;
}

describe('digestIndexBase', () => {
	it('selects the notes that have a youtube_id inside the digest folder', () => {
		expect(parsed('YouTube digests').filters).toEqual({
			and: ['file.hasProperty("youtube_id")', 'file.inFolder("YouTube digests")'],
		});
	});

	it('selects every note with a youtube_id when no folder is set', () => {
		expect(parsed('').filters).toEqual({ and: ['file.hasProperty("youtube_id")'] });
		expect(parsed(' / ').filters).toEqual({ and: ['file.hasProperty("youtube_id")'] });
	});

	it('shows title, channel, published, duration and created in one table, newest first', () => {
		const base = parsed('YouTube digests');
		expect(base.views).toEqual([
			{
				type: 'table',
				name: 'Digests',
				order: ['file.name', 'note.author', 'note.published', 'note.duration', 'note.created'],
				sort: [{ property: 'note.created', direction: 'DESC' }],
			},
		]);
		expect(base.properties).toEqual({
			'file.name': { displayName: 'Title' },
			'note.author': { displayName: 'Channel' },
			'note.published': { displayName: 'Published' },
			'note.duration': { displayName: 'Duration' },
			'note.created': { displayName: 'Created' },
		});
	});

	it('keeps a folder with quotes one string literal inside valid YAML, named as safeFolderPath writes it', () => {
		expect(parsed(`Tom's "best": #videos`).filters.and[1]).toBe(`file.inFolder("Tom's best videos")`);
		expect(parsed(`Tom's 'best' videos`).filters.and[1]).toBe(`file.inFolder("Tom's 'best' videos")`);
	});

	it('normalizes the folder path and cannot be broken by a line break', () => {
		expect(parsed('/Media//YouTube/').filters.and[1]).toBe('file.inFolder("Media/YouTube")');
		expect(parsed('Media\\YouTube').filters.and[1]).toBe('file.inFolder("Media/YouTube")');
		const base = parsed('A\nviews: []\nB');
		expect(base.filters.and[1]).toBe('file.inFolder("A views B")');
		expect(base.views).toHaveLength(1);
	});

	it('writes exactly the documented layout', () => {
		expect(digestIndexBase({ folder: 'YouTube digests' })).toBe(
			[
				'filters:',
				'  and:',
				`    - 'file.hasProperty("youtube_id")'`,
				`    - 'file.inFolder("YouTube digests")'`,
				'properties:',
				'  file.name:',
				'    displayName: Title',
				'  note.author:',
				'    displayName: Channel',
				'  note.published:',
				'    displayName: Published',
				'  note.duration:',
				'    displayName: Duration',
				'  note.created:',
				'    displayName: Created',
				'views:',
				'  - type: table',
				'    name: Digests',
				'    order:',
				'      - file.name',
				'      - note.author',
				'      - note.published',
				'      - note.duration',
				'      - note.created',
				'    sort:',
				'      - property: note.created',
				'        direction: DESC',
				'',
			].join('\n'),
		);
	});
});
