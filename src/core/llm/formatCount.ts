/**
 * `12345` → `12,345`, as `toLocaleString('en')` writes a whole number, without its first call, which loads
 * the locale data: 15-35 ms of the first run after start. Any other number still goes to toLocaleString.
 */
export function formatCount(count: number): string {
	return Number.isSafeInteger(count)
		? String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
		: count.toLocaleString('en');
}
