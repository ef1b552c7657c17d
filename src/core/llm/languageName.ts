/** `de` → `German`, `pt-BR` → `Brazilian Portuguese`; a name (`German`) or anything unknown comes back as given. */
export function languageName(code: string): string {
	const trimmed = code.trim();
	if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(trimmed)) return trimmed;
	try {
		return new Intl.DisplayNames(['en'], { type: 'language' }).of(trimmed) ?? trimmed;
	} catch {
		return trimmed;
	}
}
