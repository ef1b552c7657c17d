import { digestOptions } from '../../../src/core/defaults';
import type { DigestRequest } from '../../../src/core/digest';
import { writeDigestNote } from '../../../src/core/digestNotes/writeDigestNote';
import { presetById } from '../../../src/core/render/presets';
import { transcriptDigestData, VIDEO_ID } from '../../support/digestFixture';
import { memoryVault } from '../../support/memoryVault';

const SOURCE = 'Notes/Videos.md';
const LINK = `https://www.youtube.com/watch?v=${VIDEO_ID}`;
const created = new Date(2026, 10, 28);

function request(web: Partial<DigestRequest['options']['web']> = {}, linkText = LINK): DigestRequest {
	const options = digestOptions({ template: presetById('transcript')!.source });
	return {
		video: { id: VIDEO_ID },
		source: { path: SOURCE, linkText },
		options: { ...options, web: { ...options.web, ...web } },
	};
}

describe('a whole run against a hostile source note and title', () => {
	it('links from after the table, keeps CRLF, and ignores the same link in a fence', async () => {
		const text = `\`\`\`\r\n${LINK}\r\n\`\`\`\r\n| Video | Why |\r\n|---|---|\r\n| ${LINK} | good |\r\n\r\nEnd\r\n`;
		const vault = memoryVault({ [SOURCE]: text });
		await writeDigestNote(transcriptDigestData(), request(), { ...vault, created });
		const after = vault.files.get(SOURCE)!;
		expect(after.replace(/\r\n/g, '')).not.toContain('\n');
		expect(after).toBe(
			`\`\`\`\r\n${LINK}\r\n\`\`\`\r\n| Video | Why |\r\n|---|---|\r\n| ${LINK} | good |\r\n\r\n` +
				'Digest: [[Tablet review worth it]]\r\n\r\nEnd\r\n',
		);
	});

	it('puts an inline digest after a callout, never inside it', async () => {
		const text = `> [!todo] Watch\n> ${LINK}\n\nEnd\n`;
		const vault = memoryVault({ [SOURCE]: text });
		await writeDigestNote(transcriptDigestData(), request({ placement: 'below-link' }), { ...vault, created });
		const after = vault.files.get(SOURCE)!;
		expect(after.startsWith(`> [!todo] Watch\n> ${LINK}\n\n%% youtube-digest:digest-${VIDEO_ID}:start %%`)).toBe(
			true,
		);
		expect(after.endsWith(`:end %%\n\nEnd\n`)).toBe(true);
	});

	it('names the digest safely and numbers it beside a note differing only in case', async () => {
		const title = 'tablet ‮fdp.exe %% [[x]] review. ';
		const vault = memoryVault({ [SOURCE]: `${LINK}\n`, 'YouTube digests/tablet fdp.exe % x review.md': 'mine' });
		const path = await writeDigestNote(transcriptDigestData({ title: title.toUpperCase() }), request(), {
			...vault,
			created,
		});
		expect(path).toBe('YouTube digests/TABLET FDP.EXE % X REVIEW 2.md');
		expect(vault.files.get('YouTube digests/tablet fdp.exe % x review.md')).toBe('mine');
		expect(vault.files.get(path)).toMatch(/^title: "TABLET ‮FDP\.EXE %% \[ \[X\] \] REVIEW\."$/m);
	});
});
