/**
 * Untrusted material goes to the model between random markers, with the instruction to treat it as data.
 * Any copy of the marker inside the material is removed, so the data cannot close its own block early.
 */
export function wrapAsData(boundary: string, lines: string[]): string {
	return [`<${boundary}>`, ...lines.map((line) => line.split(boundary).join('')), `</${boundary}>`].join('\n');
}

export function randomBoundary(random: () => number = Math.random): string {
	return `video-${Math.floor(random() * 2 ** 32).toString(36)}`;
}
