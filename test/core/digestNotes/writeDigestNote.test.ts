import { digestOptions } from '../../../src/core/defaults';
import type { DigestRequest } from '../../../src/core/digest';
import { writeDigestNote } from '../../../src/core/digestNotes/writeDigestNote';
import { DigestError } from '../../../src/core/errors';
import { presetById } from '../../../src/core/render/presets';
import { transcriptDigestData, VIDEO_ID } from '../../support/digestFixture';
import { memoryVault } from '../../support/memoryVault';

const SOURCE = 'Notes/Videos.md';
const LINK = `https://www.youtube.com/watch?v=${VIDEO_ID}`;
const SOURCE_TEXT = `Watch this:\n${LINK}\n\nMore text.\n`;
const DIGEST = 'YouTube digests/Tablet review worth it.md';
const CHANNEL = 'YouTube channels/Gadget Channel.md';
const created = new Date(2026, 10, 28);

function request(web: Partial<DigestRequest['options']['web']> = {}): DigestRequest {
	const options = digestOptions({ template: presetById('transcript')!.source });
	return {
		video: { id: VIDEO_ID },
		source: { path: SOURCE, linkText: LINK },
		options: { ...options, web: { ...options.web, ...web } },
	};
}

describe('writeDigestNote', () => {
	it('creates the digest and the channel note, and links the digest below the video link', async () => {
		const vault = memoryVault({ [SOURCE]: SOURCE_TEXT });
		const path = await writeDigestNote(transcriptDigestData(), request(), { ...vault, created });

		expect(path).toBe(DIGEST);
		expect(vault.files.get(SOURCE)).toBe(
			`Watch this:\n${LINK}\nDigest: [[Tablet review worth it]]\n\nMore text.\n`,
		);
		expect(vault.files.get(CHANNEL)).toContain('[[Tablet review worth it]]');
		expect(vault.files.get(CHANNEL)).toContain('2026-01-15');
	});

	it.each([
		['linking the source note', 'update', SOURCE],
		['listing it on the channel note', 'update', CHANNEL],
		['creating the digest note', 'create', DIGEST],
	] as const)('leaves the vault as it was when %s fails', async (_step, operation, failingPath) => {
		const vault = memoryVault({ [SOURCE]: SOURCE_TEXT });
		vault.failNext(operation, failingPath);
		const run = writeDigestNote(transcriptDigestData(), request(), { ...vault, created });

		await expect(run).rejects.toMatchObject({ kind: 'write-failed' });
		expect(Object.fromEntries(vault.files)).toEqual({ [SOURCE]: SOURCE_TEXT });
	});

	it('keeps a channel note that was there before, when a later step fails', async () => {
		const channelText = '# Gadget Channel\n\nMy notes about the channel.\n';
		const vault = memoryVault({ [SOURCE]: SOURCE_TEXT, [CHANNEL]: channelText });
		vault.failNext('update', SOURCE);

		await expect(writeDigestNote(transcriptDigestData(), request(), { ...vault, created })).rejects.toBeInstanceOf(
			DigestError,
		);
		expect(Object.fromEntries(vault.files)).toEqual({ [SOURCE]: SOURCE_TEXT, [CHANNEL]: channelText });
	});

	it('names the note after the title, and never overwrites a note of that name', async () => {
		const vault = memoryVault({ [SOURCE]: SOURCE_TEXT, [DIGEST]: 'A note of my own.\n' });
		const path = await writeDigestNote(transcriptDigestData(), request(), { ...vault, created });

		expect(path).toBe('YouTube digests/Tablet review worth it 2.md');
		expect(vault.files.get(DIGEST)).toBe('A note of my own.\n');
	});

	it('falls back to the video id when the title leaves nothing for a name', async () => {
		const vault = memoryVault({ [SOURCE]: SOURCE_TEXT });
		const path = await writeDigestNote(transcriptDigestData({ title: '///' }), request(), { ...vault, created });
		expect(path).toBe(`YouTube digests/YouTube ${VIDEO_ID}.md`);
	});

	it('writes a new note beside a digest whose generated part the user removed', async () => {
		const vault = memoryVault({ [SOURCE]: SOURCE_TEXT });
		const first = await writeDigestNote(transcriptDigestData(), request(), { ...vault, created });
		vault.files.set(first, `---\nyoutube_id: ${VIDEO_ID}\nlanguage: en\n---\nRewritten by hand.\n`);
		const second = await writeDigestNote(transcriptDigestData(), request(), { ...vault, created });

		expect(second).toBe('YouTube digests/Tablet review worth it 2.md');
		expect(vault.files.get(first)).toContain('Rewritten by hand.');
	});

	it('updates a digest run from the digest note itself without making the note its own source', async () => {
		const vault = memoryVault({ [SOURCE]: SOURCE_TEXT });
		const path = await writeDigestNote(transcriptDigestData(), request(), { ...vault, created });
		expect(vault.files.get(path)).toContain('source_note: "[[Videos]]"');
		const fromDigest = { ...request(), source: { path, linkText: LINK } };
		await writeDigestNote(transcriptDigestData(), fromDigest, { ...vault, created });

		expect(vault.files.get(path)).toContain('source_note: "[[Videos]]"');
		expect(vault.files.get(path)).not.toContain('[[Tablet review worth it]]');
		expect(vault.files.get(SOURCE)).toBe(
			`Watch this:\n${LINK}\nDigest: [[Tablet review worth it]]\n\nMore text.\n`,
		);
	});

	it('puts the digest below the link in the source note when asked, and replaces it on a re-run', async () => {
		const vault = memoryVault({ [SOURCE]: SOURCE_TEXT });
		const inline = request({ placement: 'below-link' });
		await writeDigestNote(transcriptDigestData(), inline, { ...vault, created });
		const once = vault.files.get(SOURCE)!;
		await writeDigestNote(transcriptDigestData(), inline, { ...vault, created });

		expect(once.startsWith(`Watch this:\n${LINK}\n\n%% youtube-digest:digest-${VIDEO_ID}:start %%`)).toBe(true);
		expect(once.endsWith(`%% youtube-digest:digest-${VIDEO_ID}:end %%\n\nMore text.\n`)).toBe(true);
		expect(vault.files.get(SOURCE)).toBe(once);
		expect([...vault.files.keys()]).toEqual([SOURCE]);
	});
});

describe('two runs for one channel at once', () => {
	it('each keeps the other’s line on the channel note', async () => {
		const vault = memoryVault({ [SOURCE]: SOURCE_TEXT });
		const second = { ...transcriptDigestData({ id: 'Second00001', title: 'Second review' }) };
		// No index: what each run knows of the other is only what the channel note says when it is updated.
		const writing = { notes: vault.notes, created };
		await Promise.all([
			writeDigestNote(transcriptDigestData(), request(), writing),
			writeDigestNote(second, { ...request(), video: { id: 'Second00001' } }, writing),
		]);
		const channelNote = vault.files.get(CHANNEL)!;
		expect(channelNote).toContain('[[Tablet review worth it]]');
		expect(channelNote).toContain('[[Second review]]');
	});
});
