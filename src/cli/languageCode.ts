import { COMMON_LANGUAGES } from '../core/llm/languageName';

/**
 * `--lang` as one language code, so that `en`, `EN`, `en_us` and `English` name the same digest: a code gets
 * BCP-47 casing (`en`, `pt-BR`, `zh-Hant`, as YouTube writes its caption languages), a common language name
 * becomes its code. Null for anything else.
 */
export function languageCode(given: string): string | null {
	const trimmed = given.trim();
	const named = Object.keys(COMMON_LANGUAGES).find(
		(code) => COMMON_LANGUAGES[code].toLowerCase() === trimmed.toLowerCase(),
	);
	const code = named ?? trimmed.replace(/_/g, '-');
	if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(code)) return null;
	try {
		return Intl.getCanonicalLocales(code)[0] ?? null;
	} catch {
		return null;
	}
}
