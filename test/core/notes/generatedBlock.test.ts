import { replaceGenerated, wrapGenerated } from '../../../src/core/notes/generatedBlock';
import { addTranslationLink } from '../../../src/core/notes/translationLink';

describe('generated blocks', () => {
	it('wraps a body between hidden markers', () => {
		expect(wrapGenerated('digest', 'Body')).toBe(
			'%% youtube-digest:digest:start %%\nBody\n%% youtube-digest:digest:end %%\n',
		);
	});

	it('replaces only what is between the markers', () => {
		const note = `---\na: 1\n---\nMy intro\n${wrapGenerated('digest', 'Old body\n')}My notes\n`;
		expect(replaceGenerated(note, 'digest', 'New body\n')).toBe(
			`---\na: 1\n---\nMy intro\n${wrapGenerated('digest', 'New body\n')}My notes\n`,
		);
	});

	it('says so when there is no block', () => {
		expect(replaceGenerated('Just text', 'digest', 'x')).toBeNull();
		expect(replaceGenerated('%% youtube-digest:digest:start %%\nno end', 'digest', 'x')).toBeNull();
	});
});

describe('addTranslationLink', () => {
	const note = `${wrapGenerated('digest', 'Body')}Mine\n`;

	it('links the translation right after the generated block, once', () => {
		const linked = addTranslationLink(note, 'digest', 'German', '[[Talk (German)]]');
		expect(linked).toBe(`${wrapGenerated('digest', 'Body')}Translation (German): [[Talk (German)]]\nMine\n`);
		expect(addTranslationLink(linked, 'digest', 'German', '[[Talk (German)]]')).toBe(linked);
		expect(replaceGenerated(linked, 'digest', 'New')).toContain('Translation (German): [[Talk (German)]]');
	});
});
