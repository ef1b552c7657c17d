import { newDigestPath } from '../../../src/core/digestNotes/digestPaths';
import { fillFileNamePattern } from '../../../src/core/notes/fileNamePattern';
import { memoryVault } from '../../support/memoryVault';

const values = {
	title: 'Is {{channel}} a/b? {{#each x}}',
	channel: 'Dave2D',
	published: '2018-08-01',
	created: '2026-11-28',
	videoId: 'GJLlxj_dtq8',
};

describe('file-name pattern', () => {
	it('substitutes the variables once, leaving braces inside values as text and unknown variables out', () => {
		expect(fillFileNamePattern('{{ published }} {{channel}} - {{title}} {{nope}}', values)).toBe(
			'2018-08-01 Dave2D - Is {{channel}} a/b? {{#each x}} ',
		);
	});

	it('makes the filled name safe and free like every name, falling back on the id when nothing is left', () => {
		const { notes } = memoryVault({ 'Digests/2026-11-28 Dave2D.md': '' });
		expect(newDigestPath(notes, 'Digests', values, '{{created}} {{channel}}')).toBe(
			'Digests/2026-11-28 Dave2D 2.md',
		);
		expect(newDigestPath(notes, 'Digests', values, '{{title}}')).toBe('Digests/Is {{channel}} a b {{ each x}}.md');
		expect(newDigestPath(notes, 'Digests', { ...values, title: '' }, '{{title}}')).toBe(
			'Digests/YouTube GJLlxj_dtq8.md',
		);
		expect(newDigestPath(notes, '', values, '')).toBe('Is {{channel}} a b {{ each x}}.md');
	});
});
