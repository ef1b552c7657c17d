/**
 * Access to the recorded YouTube responses in test/fixtures/youtube/recorded (see ATTRIBUTION.md there).
 * Files are read synchronously and cached as text: they are small, read-only, and many tests load the same ones.
 * Parsed JSON is never cached, so a test that mutates its copy cannot leak into another test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlayerResponse } from './playerResponseTypes';

const RECORDED_DIR = join(__dirname, '..', 'fixtures', 'youtube', 'recorded');
const textCache = new Map<string, string>();

/** Absolute path of a recorded fixture, e.g. `recordedFixturePath('youtube.innertube.json')`. */
export function recordedFixturePath(name: string): string {
	// Fixture names are plain file names; refusing paths keeps a typo from silently reading another folder.
	if (name.includes('/') || name.includes('\\'))
		throw new Error(`Recorded fixture names are file names only: ${name}`);
	return join(RECORDED_DIR, name);
}

/** The fixture's exact text (UTF-8), e.g. an HTML page or transcript.xml. */
export function loadRecordedText(name: string): string {
	let text = textCache.get(name);
	if (text === undefined) {
		text = readFileSync(recordedFixturePath(name), 'utf8');
		textCache.set(name, text);
	}
	return text;
}

/** A fresh parsed copy of a recorded InnerTube player response, e.g. 'youtube_request_blocked.innertube.json'. */
export function loadRecordedPlayer(name: string): PlayerResponse {
	return JSON.parse(loadRecordedText(name)) as PlayerResponse;
}
