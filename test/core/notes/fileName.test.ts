import { availableNotePath, safeFileName, safeFolderPath } from '../../../src/core/notes/fileName';

describe('safeFileName', () => {
	it.each([
		['Surface Go Review - It’s Awesome', 'Surface Go Review - It’s Awesome'],
		['What is 1/2 + 3\\4? A "guide": part <1> | #2 [draft] ^x', 'What is 1 2 + 3 4 A guide part 1 2 draft x'],
		['../../etc/passwd', 'etc passwd'],
		['...hidden', 'hidden'],
		['Trailing dots...  ', 'Trailing dots'],
		['CON', 'CON_'],
		['line\nbreak\ttab', 'line break tab'],
		['   ', 'YouTube digest'],
	])('%j → %j', (title, expected) => {
		expect(safeFileName(title)).toBe(expected);
	});

	it('limits the length without splitting a character', () => {
		expect([...safeFileName('a'.repeat(300))]).toHaveLength(120);
		const name = safeFileName('😀'.repeat(300));
		expect(name).toBe('😀'.repeat(63));
	});
});

describe('availableNotePath', () => {
	it('never reuses a taken path', () => {
		const taken = new Set(['Digests/Talk.md', 'Digests/Talk 2.md']);
		expect(availableNotePath('Digests', 'Talk', (path) => taken.has(path))).toBe('Digests/Talk 3.md');
		expect(availableNotePath('', 'Talk', () => false)).toBe('Talk.md');
	});
});

describe('safeFolderPath', () => {
	it('keeps a folder inside the vault', () => {
		expect(safeFolderPath('/../Media//YouTube\\digests/./')).toBe('Media/YouTube/digests');
		expect(safeFolderPath('')).toBe('');
	});
});
