import { instructionsKey, templateInstructions } from '../../../src/core/llm/templateInstructions';
import { trimDescription } from '../../../src/core/llm/videoDescription';
import { PRESETS } from '../../../src/core/render/presets';
import { loadRecordedPlayer } from '../../support/fixtures';

describe('the description sent to the model', () => {
	it('keeps the text that spells names, without links, chapter lines or hashtags, and stays short', () => {
		const player = loadRecordedPlayer('youtube.innertube.json') as { videoDetails: { shortDescription: string } };
		const description = `${player.videoDetails.shortDescription}\n0:00 Intro\n1:05 Design\n#surface #tablet`;
		const trimmed = trimDescription(description);
		expect(trimmed).toContain('Dave2D review of the Microsoft Surface Go.');
		expect(trimmed).not.toMatch(/https?:|amzn|1:05 Design|#surface/);
		expect(trimmed.length).toBeLessThanOrEqual(800);
		expect(trimDescription('x'.repeat(5000))).toHaveLength(801);
	});
});

describe('per-template instructions', () => {
	it('are read from a digest-instructions comment, which renders to nothing', () => {
		const template = '{{!-- digest-instructions\n  Audience: nurses.\n  Focus on dosages.\n--}}\n# {{title}}\n';
		expect(templateInstructions(template)).toBe('Audience: nurses.\nFocus on dosages.');
		expect(templateInstructions('# {{title}}\n{{!-- an ordinary comment --}}')).toBe('');
	});

	it('come with the study preset, and give another cache key than none or other instructions', () => {
		const study = templateInstructions(PRESETS.find((preset) => preset.id === 'study')?.source ?? '');
		expect(study).toContain('flashcard');
		expect(instructionsKey('')).toBe('');
		expect(instructionsKey(study)).not.toBe(instructionsKey(`${study} More.`));
		expect(instructionsKey(study)).toBe(instructionsKey(study));
	});
});
