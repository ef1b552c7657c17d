import { digestOptions } from '../../../src/core/defaults';
import type { DigestRecord } from '../../../src/core/digestArchive';
import { digestRecordFor, rerenderDigestNote } from '../../../src/core/digestNotes/rerenderDigestNote';
import { translateDigestNote } from '../../../src/core/digestNotes/translateDigestNote';
import { writeDigestNote } from '../../../src/core/digestNotes/writeDigestNote';
import type { Digest } from '../../../src/core/llm/grounding';
import { presetById } from '../../../src/core/render/presets';
import { transcriptDigestData, VIDEO_ID } from '../../support/digestFixture';
import type { RecordedChatRequest } from '../../support/fakeOpenAIServer';
import { memoryArchive } from '../../support/memoryArchive';
import { memoryVault } from '../../support/memoryVault';
import { scriptedChatModel } from '../../support/scriptedChatModel';

const created = new Date(2026, 10, 1);
const options = digestOptions({ template: presetById('transcript')!.source });
const DIGEST = 'YouTube digests/Tablet review worth it.md';

/** A vault holding one digest note, and the record its run kept. */
async function digestInVault(withSummary = true) {
	const vault = memoryVault();
	const data = transcriptDigestData();
	const record: DigestRecord = {
		version: 1,
		data: withSummary ? { ...data, model: 'scripted-model', digest: sampleDigest() } : data,
		created: created.toISOString(),
		sourcePath: null,
	};
	const request = { video: { id: VIDEO_ID }, options };
	const path = await writeDigestNote(record.data, request, { ...vault, created });
	return { vault, record, path };
}

function sampleDigest(): Digest {
	return {
		tldr: 'Worth it for drawing.',
		summary: 'A review.',
		insights: [{ emoji: '✏️', text: 'The pen is precise.', seconds: 12 }],
		questions: [{ question: 'Is it fast?', answer: 'Yes.', seconds: 40 }],
		sections: [{ title: 'Intro', seconds: 0, summary: 'Hello.', questions: [] }],
		takeaways: ['Buy it for drawing.'],
		tags: ['tablets'],
		entities: [{ name: 'Ada Lovelace', type: 'person' }],
	};
}

describe('digestRecordFor', () => {
	it('finds the record by the note’s video id and language, and says so when there is none', async () => {
		const archive = memoryArchive();
		const { record } = await digestInVault();
		await archive.save(record);

		const find = (properties: Record<string, unknown>, notePath = 'Elsewhere.md') =>
			digestRecordFor(archive, properties, notePath);
		await expect(find({ youtube_id: VIDEO_ID, language: 'en' })).resolves.toEqual(record);
		await expect(find({ youtube_id: VIDEO_ID, language: 'de' })).rejects.toMatchObject({ kind: 'no-digest-data' });
		await expect(find({})).rejects.toMatchObject({ kind: 'no-digest-data' });
	});

	it('still finds it when the user removed or renamed the language property', async () => {
		const archive = memoryArchive();
		const { record, path } = await digestInVault();
		await archive.save({ ...record, notePath: path });
		const german = { ...record, data: { ...record.data, outputLanguage: 'German' }, notePath: 'German.md' };
		await archive.save(german);

		await expect(digestRecordFor(archive, { youtube_id: VIDEO_ID }, path)).resolves.toMatchObject({
			notePath: path,
		});
		await expect(digestRecordFor(archive, { youtube_id: VIDEO_ID, lang: 'x' }, 'German.md')).resolves.toMatchObject(
			{ data: { outputLanguage: 'German' } },
		);
	});

	it('gives a video’s only record to a note without a language property', async () => {
		const archive = memoryArchive();
		const { record } = await digestInVault();
		await archive.save(record);
		await expect(digestRecordFor(archive, { youtube_id: VIDEO_ID }, 'Renamed.md')).resolves.toEqual(record);
	});
});

describe('rerenderDigestNote', () => {
	it('applies another template and keeps the user’s text and properties', async () => {
		const { vault, record, path } = await digestInVault();
		const edited = vault.files
			.get(path)!
			.replace('---\n', '---\nrating: 5\n')
			.replace('%% youtube-digest:digest:end %%', '$&\nMy thoughts.');
		vault.files.set(path, edited);
		await rerenderDigestNote(vault, path, record, { ...options, template: 'TL;DR: {{tldr}}' });

		const note = vault.files.get(path)!;
		expect(note).toContain('rating: 5');
		expect(note).toContain(
			'%% youtube-digest:digest:start %%\nTL;DR: Worth it for drawing.\n%% youtube-digest:digest:end %%',
		);
		expect(note).toContain('My thoughts.');
		expect(note).not.toContain('## Transcript');
	});

	it('refuses a note whose generated part is gone, and leaves it alone', async () => {
		const { vault, record, path } = await digestInVault();
		vault.files.set(path, 'Only my text.\n');
		await expect(rerenderDigestNote(vault, path, record, options)).rejects.toMatchObject({
			kind: 'no-generated-part',
		});
		expect(vault.files.get(path)).toBe('Only my text.\n');
	});
});

describe('translateDigestNote', () => {
	const translation = (request: RecordedChatRequest) => {
		const digest = JSON.parse(String(request.messages[1].content)) as Record<string, unknown>;
		return { ...digest, tldr: 'Zum Zeichnen lohnt es sich.' };
	};

	it('writes a sibling note with a safe name, links it from the original and keeps its data', async () => {
		const { vault, record, path } = await digestInVault();
		const archive = memoryArchive();
		const model = scriptedChatModel(translation);
		const written = await translateDigestNote(vault, path, record, 'German: formal', options, {
			model,
			archive,
			prices: {},
			now: () => created,
		});

		expect(written).toBe('YouTube digests/Tablet review worth it (German formal).md');
		expect(vault.files.get(path)).toContain(
			'Translation (German: formal): [[Tablet review worth it (German formal)]]',
		);
		expect(model.calls).toHaveLength(1);
		expect(archive.saved[0].data.outputLanguage).toBe('German: formal');
		expect(archive.saved[0].data.digest?.tldr).toBe('Zum Zeichnen lohnt es sich.');
	});

	it('removes the translation again when linking it from the original fails', async () => {
		const { vault, record, path } = await digestInVault();
		const before = Object.fromEntries(vault.files);
		vault.failNext('update', path);
		const run = translateDigestNote(vault, path, record, 'German', options, {
			model: scriptedChatModel(translation),
			archive: memoryArchive(),
			prices: {},
			now: () => created,
		});

		await expect(run).rejects.toMatchObject({ kind: 'write-failed' });
		expect(Object.fromEntries(vault.files)).toEqual(before);
	});

	it('has nothing to translate in a transcript digest', async () => {
		const { vault, record, path } = await digestInVault(false);
		const model = scriptedChatModel(translation);
		const run = translateDigestNote(vault, path, record, 'German', options, {
			model,
			archive: memoryArchive(),
			prices: {},
			now: () => created,
		});
		await expect(run).rejects.toMatchObject({ kind: 'nothing-to-translate' });
		expect(model.calls).toHaveLength(0);
		expect(path).toBe(DIGEST);
	});
});
