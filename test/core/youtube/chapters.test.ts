import { parseChapters } from '../../../src/core/youtube/chapters';

describe('parseChapters', () => {
	it('reads the usual chapter list shapes', () => {
		const description = [
			'Links below.',
			'',
			'0:00 Intro',
			'- [1:05] Build quality',
			'2:30 – Keyboard and pen',
			'Battery life - 10:00',
			'1:02:03 | Verdict',
		].join('\n');
		expect(parseChapters(description, 4000)).toEqual([
			{ title: 'Intro', startSeconds: 0 },
			{ title: 'Build quality', startSeconds: 65 },
			{ title: 'Keyboard and pen', startSeconds: 150 },
			{ title: 'Battery life', startSeconds: 600 },
			{ title: 'Verdict', startSeconds: 3723 },
		]);
	});

	it('ignores timestamps that are not a chapter list', () => {
		expect(parseChapters('At 1:30 he says hello\nand at 4:00 goodbye', 600)).toEqual([]);
		expect(parseChapters('0:00 A\n0:05 B\n0:30 C', 600)).toEqual([]);
		expect(parseChapters('0:10 A\n1:00 B\n2:00 C', 600)).toEqual([]);
		expect(parseChapters('0:00 A\n1:00 B\n20:00 C', 600)).toEqual([]);
	});
});
