/**
 * Names of common language codes, as `Intl.DisplayNames` gives them in English (a test keeps them equal):
 * its first use costs a run about 10 ms, for loading the locale data.
 */
export const COMMON_LANGUAGES: Record<string, string> = {
	ar: 'Arabic',
	cs: 'Czech',
	da: 'Danish',
	de: 'German',
	el: 'Greek',
	en: 'English',
	'en-gb': 'British English',
	'en-us': 'American English',
	es: 'Spanish',
	fi: 'Finnish',
	fr: 'French',
	he: 'Hebrew',
	hi: 'Hindi',
	hu: 'Hungarian',
	id: 'Indonesian',
	it: 'Italian',
	ja: 'Japanese',
	ko: 'Korean',
	nl: 'Dutch',
	pl: 'Polish',
	pt: 'Portuguese',
	'pt-br': 'Brazilian Portuguese',
	ro: 'Romanian',
	ru: 'Russian',
	sv: 'Swedish',
	th: 'Thai',
	tr: 'Turkish',
	uk: 'Ukrainian',
	vi: 'Vietnamese',
	zh: 'Chinese',
};

/** `de` → `German`, `pt-BR` → `Brazilian Portuguese`; a name (`German`) or anything unknown comes back as given. */
export function languageName(code: string): string {
	const trimmed = code.trim();
	if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(trimmed)) return trimmed;
	const common = COMMON_LANGUAGES[trimmed.toLowerCase()];
	if (common) return common;
	try {
		return new Intl.DisplayNames(['en'], { type: 'language' }).of(trimmed) ?? trimmed;
	} catch {
		return trimmed;
	}
}
