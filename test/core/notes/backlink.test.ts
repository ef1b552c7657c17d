import { insertBacklink, insertBlockBelowLink } from '../../../src/core/notes/backlink';

const ID = 'dQw4w9WgXcQ';
const placement = { videoId: ID, digestLink: '[[Never Gonna]]' };

describe('insertBacklink', () => {
	it('puts the link on the line after the YouTube link', () => {
		const text = `Intro\nWatch https://youtu.be/${ID} tonight\nOutro\n`;
		expect(insertBacklink(text, placement)).toBe(
			`Intro\nWatch https://youtu.be/${ID} tonight\nDigest: [[Never Gonna]]\nOutro\n`,
		);
	});

	it("nests the link under a list item, keeping the list's indentation style", () => {
		expect(insertBacklink(`- [talk](https://youtu.be/${ID})\n- next`, placement)).toBe(
			`- [talk](https://youtu.be/${ID})\n\t- Digest: [[Never Gonna]]\n- next`,
		);
		expect(insertBacklink(`  * https://youtu.be/${ID}`, placement)).toBe(
			`  * https://youtu.be/${ID}\n      - Digest: [[Never Gonna]]`,
		);
	});

	it('goes after a blockquote or callout, never into it', () => {
		expect(insertBacklink(`> [!info]\n> https://youtu.be/${ID}\n> more\nlazy line\n\nAfter`, placement)).toBe(
			`> [!info]\n> https://youtu.be/${ID}\n> more\nlazy line\n\nDigest: [[Never Gonna]]\n\nAfter`,
		);
	});

	it('prefers the very link the run started from', () => {
		const text = `https://youtu.be/${ID}\n\nhttps://www.youtube.com/watch?v=${ID}&t=5\n`;
		const result = insertBacklink(text, {
			...placement,
			originalLinkText: `https://www.youtube.com/watch?v=${ID}&t=5`,
		});
		expect(result).toBe(
			`https://youtu.be/${ID}\n\nhttps://www.youtube.com/watch?v=${ID}&t=5\nDigest: [[Never Gonna]]\n`,
		);
	});

	it('goes right after the properties when the link is only a property', () => {
		const text = `---\nsource: https://youtu.be/${ID}\n---\nBody\n`;
		expect(insertBacklink(text, placement)).toBe(
			`---\nsource: https://youtu.be/${ID}\n---\nDigest: [[Never Gonna]]\nBody\n`,
		);
	});

	it('appends when the link has been deleted meanwhile, so the link is not lost', () => {
		expect(insertBacklink('Nothing here', placement)).toBe('Nothing here\nDigest: [[Never Gonna]]\n');
	});

	it('does not link the same digest twice', () => {
		const text = `https://youtu.be/${ID}\nDigest: [[Never Gonna]]\n`;
		expect(insertBacklink(text, placement)).toBe(text);
	});

	it('does not link it again after the user gave the link a display text or a heading', () => {
		for (const link of ['[[Never Gonna|my notes]]', '[[Never Gonna#Summary]]']) {
			const text = `https://youtu.be/${ID}\nDigest: ${link}\n`;
			expect(insertBacklink(text, placement)).toBe(text);
		}
		const other = `https://youtu.be/${ID}\nSee [[Never Gonna Give]]\n`;
		expect(insertBacklink(other, placement)).toBe(
			`https://youtu.be/${ID}\nDigest: [[Never Gonna]]\nSee [[Never Gonna Give]]\n`,
		);
	});

	it('keeps Windows line endings intact', () => {
		expect(insertBacklink(`a\r\nhttps://youtu.be/${ID}\r\nb`, placement)).toBe(
			`a\r\nhttps://youtu.be/${ID}\r\nDigest: [[Never Gonna]]\r\nb`,
		);
	});
});

describe('insertBlockBelowLink', () => {
	const block = '%% youtube-digest:digest-x:start %%\nBody\n%% youtube-digest:digest-x:end %%\n';

	it('puts the block after the link line, set off by blank lines', () => {
		expect(insertBlockBelowLink(`Intro\nhttps://youtu.be/${ID}\nNext line\n`, { videoId: ID }, block)).toBe(
			`Intro\nhttps://youtu.be/${ID}\n\n${block}\nNext line\n`,
		);
		expect(insertBlockBelowLink(`https://youtu.be/${ID}\n\nAfter a gap\n`, { videoId: ID }, block)).toBe(
			`https://youtu.be/${ID}\n\n${block}\nAfter a gap\n`,
		);
	});

	it('goes at the end when the link is gone', () => {
		expect(insertBlockBelowLink('No link here', { videoId: ID }, block)).toBe(`No link here\n\n${block}`);
	});
});
