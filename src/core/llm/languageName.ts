/** `de` → `German`; unknown or empty codes come back unchanged. */
export function languageName(code: string): string {
	const trimmed = code.trim();
	if (!trimmed) return trimmed;
	try {
		return new Intl.DisplayNames(['en'], { type: 'language' }).of(trimmed) ?? trimmed;
	} catch {
		return trimmed;
	}
}
