import { withAnswer } from '../../../src/core/digestNotes/questionsBlock';
import { relevantStretches } from '../../../src/core/transcript/relevantStretches';

const paragraph = (start: number, text: string) => ({ start, end: start + 10, text });

describe('relevantStretches', () => {
	const paragraphs = [
		paragraph(0, 'Welcome to the channel, today we look at a tablet.'),
		paragraph(10, 'The battery lasts about seven hours with the screen bright.'),
		paragraph(20, 'The keyboard is sold separately and costs extra.'),
		paragraph(30, 'Battery charging is slow: the battery needs three hours.'),
		paragraph(40, 'Thanks for watching.'),
	];
	const tokens = () => 10;

	it('returns a transcript that fits whole, whole', () => {
		expect(relevantStretches(paragraphs, 'battery', 50, tokens)).toEqual({ paragraphs, excerpt: false });
	});

	it('keeps the paragraphs that share the most telling words with the question, in time order', () => {
		const chosen = relevantStretches(paragraphs, 'How long does the battery last?', 20, tokens);
		expect(chosen.excerpt).toBe(true);
		expect(chosen.paragraphs.map((p) => p.start)).toEqual([10, 30]);
		expect(relevantStretches(paragraphs, 'What does the keyboard cost?', 10, tokens).paragraphs).toEqual([
			paragraphs[2],
		]);
	});
});

describe('withAnswer', () => {
	const digest = '---\na: 1\n---\n%% youtube-digest:digest:start %%\nBody\n%% youtube-digest:digest:end %%\nMine\n';

	it('opens the questions part right after the digest part, then appends to it', () => {
		const once = withAnswer(digest, '> Q1\n');
		expect(once).toBe(
			'---\na: 1\n---\n%% youtube-digest:digest:start %%\nBody\n%% youtube-digest:digest:end %%\n\n' +
				'%% youtube-digest:questions:start %%\n> Q1\n%% youtube-digest:questions:end %%\nMine\n',
		);
		expect(withAnswer(once, '> Q2\n')).toContain('> Q1\n\n> Q2\n%% youtube-digest:questions:end %%\nMine\n');
	});

	it('puts the part at the end of a note without a digest part', () => {
		expect(withAnswer('Text', '> Q\n')).toBe(
			'Text\n\n%% youtube-digest:questions:start %%\n> Q\n%% youtube-digest:questions:end %%\n',
		);
	});
});

describe('withAnswer in a note with Windows line endings', () => {
	it('adds the answer in the note’s own line endings', () => {
		const lines = ['---', 'youtube_id: x', '---', '%% youtube-digest:digest:start %%', 'Digest'];
		const note = [...lines, '%% youtube-digest:digest:end %%', ''].join('\r\n');
		const updated = withAnswer(note, '> [!question] Why?\n> Because.\n');
		expect(updated).toContain('> [!question] Why?\r\n> Because.\r\n');
		expect(updated.replace(/\r\n/g, '')).not.toContain('\n');
	});
});
