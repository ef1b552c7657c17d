import defaultTemplate from '../../../templates/digest.hbs';
import { DEFAULT_PROPERTIES, renderProperties } from '../../../src/core/render/properties';
import { serializeFrontmatter } from '../../../src/core/render/frontmatter';
import { loadTemplateEngine } from '../../../src/core/render/templateEngine';
import { realisticContext, sampleInfo } from './sampleDigest';

const context = () => realisticContext();

describe('the default digest template', () => {
	it('renders the reference layout with grounded timestamp links', async () => {
		const engine = await loadTemplateEngine();
		const link = (label: string, seconds: number) =>
			`[${label}](https://www.youtube.com/watch?v=GJLlxj_dtq8&t=${seconds}s)`;
		expect(engine.render(defaultTemplate, context())).toBe(
			[
				'![Surface Go Review - It’s Awesome](https://www.youtube.com/watch?v=GJLlxj_dtq8)',
				'',
				'> [!tldr] TL;DR',
				'> A small tablet that works.',
				'',
				'## Key insights',
				'',
				`- 🤔 It is small. ${link('0:00', 0)}`,
				'- ⌨️ The keyboard matters.',
				'',
				'## Questions & answers',
				'',
				`**Is it fast?** ${link('0:40', 40)}`,
				'Fast enough.',
				'',
				'## Summary',
				'',
				'The reviewer likes it.',
				'',
				'### Design',
				'',
				`${link('0:00', 0)} Small and light.`,
				'',
				`**Weight?** ${link('0:40', 40)}`,
				'Light.',
				'',
				'## Key takeaways',
				'',
				'- Buy the keyboard.',
				'',
				'## Transcript',
				'',
				'> [!quote]- 0:00–5:16',
				`> ${link('0:00', 0)} The tablet is small.`,
				'>',
				`> ${link('0:40', 40)} The keyboard is good.`,
				'',
				'---',
				'More from [Dave2D](https://www.youtube.com/channel/UCVYamHliCI9rw1tHR1xbkfw) · Source: [[Watch later]]',
				'',
			].join('\n'),
		);
	});

	it("writes the properties with the Web Clipper's names, quoted so any text round-trips", async () => {
		const engine = await loadTemplateEngine();
		const properties = renderProperties(DEFAULT_PROPERTIES, context(), engine.renderRaw, {
			youtube_id: 'GJLlxj_dtq8',
			source_note: '[[Watch later]]',
		});
		expect(serializeFrontmatter(properties)).toBe(
			[
				'---',
				'title: "Surface Go Review - It’s Awesome"',
				'source: "https://www.youtube.com/watch?v=GJLlxj_dtq8"',
				'author:',
				'  - "Dave2D"',
				'created: 2026-11-25',
				'description: "A review of a small tablet."',
				'tags:',
				'  - "youtube"',
				'  - "tablets"',
				'entities:',
				'  - "Microsoft"',
				'duration: "00:05:16"',
				'language: "en"',
				`image: "${sampleInfo.thumbnail}"`,
				'youtube_id: "GJLlxj_dtq8"',
				'source_note: "[[Watch later]]"',
				'---',
				'',
			].join('\n'),
		);
	});
});
