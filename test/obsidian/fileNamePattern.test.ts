import { fileText, findSetting, openSettingTab } from '../fakes/obsidian/testing';
import { finalNotice, runOnSourceNote, SOURCE_PATH, useBuiltPlugin, written } from './pluginHarness';

const harness = useBuiltPlugin();

describe('the file-name pattern, in the built plugin', () => {
	it('names a new digest from the pattern in the settings, made safe', async () => {
		const plugin = await harness.loadPlugin({ data: { fileNamePattern: '{{created}} {{channel}}: {{title}}' } });
		expect(findSetting(await openSettingTab(plugin.app), 'File name')).toBeTruthy();
		await runOnSourceNote(plugin);
		const created = new Date();
		const two = (value: number) => String(value).padStart(2, '0');
		const day = `${created.getFullYear()}-${two(created.getMonth() + 1)}-${two(created.getDate())}`;
		const path = `YouTube digests/${day} Dave2D Surface Go Review - It’s Awesome.md`;
		expect(await finalNotice()).toMatch(written(path));
		expect(fileText(plugin.app, SOURCE_PATH)).toContain(
			`Digest: [[${day} Dave2D Surface Go Review - It’s Awesome]]`,
		);
	});
});
