/**
 * Dates in moment.js format strings (what Obsidian users know from daily notes), for the tokens people use
 * in note templates. Implemented here so the core needs no date library and runs outside Obsidian.
 */
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const TOKENS = /\[([^\]]*)]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|A|a|Z|X/g;

export function formatDate(date: Date, format: string): string {
	return format.replace(TOKENS, (token: string, literal: string | undefined) =>
		literal !== undefined ? literal : formatToken(date, token),
	);
}

function formatToken(date: Date, token: string): string {
	const pad = (value: number, width = 2) => String(value).padStart(width, '0');
	const hours12 = date.getHours() % 12 || 12;
	switch (token) {
		case 'YYYY':
			return pad(date.getFullYear(), 4);
		case 'YY':
			return pad(date.getFullYear() % 100);
		case 'MMMM':
			return MONTHS[date.getMonth()];
		case 'MMM':
			return MONTHS[date.getMonth()].slice(0, 3);
		case 'MM':
			return pad(date.getMonth() + 1);
		case 'M':
			return String(date.getMonth() + 1);
		case 'Do':
			return ordinal(date.getDate());
		case 'DD':
			return pad(date.getDate());
		case 'D':
			return String(date.getDate());
		case 'dddd':
			return WEEKDAYS[date.getDay()];
		case 'ddd':
			return WEEKDAYS[date.getDay()].slice(0, 3);
		case 'HH':
			return pad(date.getHours());
		case 'H':
			return String(date.getHours());
		case 'hh':
			return pad(hours12);
		case 'h':
			return String(hours12);
		case 'mm':
			return pad(date.getMinutes());
		case 'm':
			return String(date.getMinutes());
		case 'ss':
			return pad(date.getSeconds());
		case 's':
			return String(date.getSeconds());
		case 'A':
			return date.getHours() < 12 ? 'AM' : 'PM';
		case 'a':
			return date.getHours() < 12 ? 'am' : 'pm';
		case 'Z':
			return timezoneOffset(date);
		default:
			return String(Math.floor(date.getTime() / 1000));
	}
}

function ordinal(day: number): string {
	const suffix =
		day % 10 === 1 && day !== 11
			? 'st'
			: day % 10 === 2 && day !== 12
				? 'nd'
				: day % 10 === 3 && day !== 13
					? 'rd'
					: 'th';
	return `${day}${suffix}`;
}

function timezoneOffset(date: Date): string {
	const offset = -date.getTimezoneOffset();
	const sign = offset >= 0 ? '+' : '-';
	const absolute = Math.abs(offset);
	return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** `2024-05-01`, full ISO strings and Date objects; anything else is not a date. */
export function parseDate(value: unknown): Date | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
	if (typeof value !== 'string') return null;
	const day = /^(\d{4})-(\d{2})-(\d{2})(T|$)/.exec(value);
	// `2024-13-45` is no date: Date would roll it over to 2025-02-14.
	if (!day || !isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]))) return null;
	if (!day[4]) return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
	const parsed = new Date(value);
	return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
	return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
