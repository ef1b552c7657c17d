import { formatPrices, parsePrices } from '../../core/llm/pricing';
import { numberRow, SettingRow, SettingsEditor } from './settingRows';

/** Input budget, parallel parts, the cost question, prices and the cache's size. */
export function costRows(editor: SettingsEditor): SettingRow[] {
	return [
		numberRow(
			editor,
			'inputBudgetTokens',
			'Input budget per call',
			'Most tokens one model call may carry; longer transcripts are summarized in parts, then merged. ' +
				'0 chooses: 25,000 for hosted servers, 6,000 for local ones.',
		),
		numberRow(
			editor,
			'concurrency',
			'Parts at once',
			'How many parts of a long video are summarized at the same time.',
		),
		numberRow(
			editor,
			'confirmAboveCost',
			'Ask above this cost',
			'Ask before a digest estimated to cost more than this many dollars; -1 never asks.',
		),
		{
			name: 'Prices',
			desc:
				'Dollars per million tokens, one model per line: "model: input, output". ' +
				'A model not listed shows no cost.',
			render: (setting) => {
				setting.settingEl.addClass('youtube-digest-template-setting');
				setting.addTextArea((textArea) => {
					textArea.inputEl.addClass('youtube-digest-template-input');
					textArea
						.setValue(formatPrices(editor.settings.prices))
						.onChange((value) => editor.change({ prices: parsePrices(value) }));
				});
			},
		},
		numberRow(
			editor,
			'cacheLimitMb',
			'Cache size (MB)',
			'Transcripts and digests are kept so re-runs, re-renders and translations need no new requests; ' +
				'the oldest go first above this size.',
		),
	];
}
