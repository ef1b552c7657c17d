/** `75` → `1:15`, `3725` → `1:02:05`; `withHours` keeps every label of a long video in one shape. */
export function formatTimestamp(totalSeconds: number, withHours = totalSeconds >= 3600): string {
	const seconds = Math.max(0, Math.floor(totalSeconds));
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	const ss = String(s).padStart(2, '0');
	return withHours ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Fixed-width `HH:MM:SS`, readable and sortable as text (used for the duration property). */
export function formatClockDuration(totalSeconds: number): string {
	const seconds = Math.max(0, Math.floor(totalSeconds));
	const parts = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
	return parts.map((part) => String(part).padStart(2, '0')).join(':');
}
