import { languageCode } from '../../src/cli/languageCode';

describe('languageCode', () => {
	it.each([
		['en', 'en'],
		['EN', 'en'],
		[' English ', 'en'],
		['english', 'en'],
		['German', 'de'],
		['de', 'de'],
		['pt-br', 'pt-BR'],
		['pt_BR', 'pt-BR'],
		['Brazilian Portuguese', 'pt-BR'],
		['zh-hant', 'zh-Hant'],
		['tlh', 'tlh'],
	])('%j → %s', (given, code) => {
		expect(languageCode(given)).toBe(code);
	});

	it.each(['Klingonish', '', 'e', 'en--us', '../de'])('%j is no language', (given) => {
		expect(languageCode(given)).toBeNull();
	});
});
