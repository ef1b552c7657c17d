import { languageName } from '../../../src/core/llm/languageName';

const intlName = (code: string) => new Intl.DisplayNames(['en'], { type: 'language' }).of(code);

describe('languageName', () => {
	it('names the common codes as Intl.DisplayNames does, in any case', () => {
		const codes =
			'ar cs da de el en en-GB en-US es fi fr he hi hu id it ja ko nl pl pt pt-BR ro ru sv th tr uk vi zh';
		for (const code of codes.split(' ')) {
			expect(languageName(code)).toBe(intlName(code));
			expect(languageName(code.toUpperCase())).toBe(intlName(code));
		}
	});

	it('asks Intl for the other codes, and gives back names and unknown text as they are', () => {
		expect(languageName('ca')).toBe('Catalan');
		expect(languageName(' zh-TW ')).toBe(intlName('zh-TW'));
		expect(languageName('German')).toBe('German');
		expect(languageName('')).toBe('');
		expect(languageName('not a code!')).toBe('not a code!');
	});
});
