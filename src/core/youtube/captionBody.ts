/**
 * Caption bodies come in three formats. youtube-transcript parses two of them, in different units,
 * and says nothing about which one it saw; this module names the format so the caller knows the unit,
 * and rewrites json3 into srv3 so the library can read every format.
 */
export type CaptionFormat = 'srv3' | 'srv1' | 'json3' | 'unknown';

export function detectCaptionFormat(body: string): CaptionFormat {
	const head = body.trimStart().slice(0, 400);
	if (head.startsWith('{')) return 'json3';
	if (/<timedtext[\s>]/.test(head) || /<p\s+t="/.test(body)) return 'srv3';
	if (/<transcript[\s>]/.test(head) || /<text\s+start="/.test(body)) return 'srv1';
	return 'unknown';
}

/** Seconds per unit of the offsets youtube-transcript returns for a body of this format. */
export function secondsPerUnit(format: CaptionFormat): number {
	return format === 'srv1' ? 1 : 0.001;
}

interface Json3Event {
	tStartMs?: number | string;
	dDurationMs?: number | string;
	aAppend?: number;
	segs?: { utf8?: string }[];
}

export function json3ToSrv3(body: string): string {
	const events = (JSON.parse(body) as { events?: Json3Event[] }).events ?? [];
	const paragraphs = events
		.filter((event) => event.segs && !event.aAppend)
		.map((event) => {
			const text = (event.segs ?? []).map((seg) => seg.utf8 ?? '').join('');
			const start = Math.round(Number(event.tStartMs ?? 0)) || 0;
			const duration = Math.round(Number(event.dDurationMs ?? 0)) || 0;
			return `<p t="${start}" d="${duration}">${escapeXml(text)}</p>`;
		});
	const srv3Body = `<body>${paragraphs.join('')}</body>`;
	return `<?xml version="1.0" encoding="utf-8" ?><timedtext format="3">${srv3Body}</timedtext>`;
}

/** Line breaks written as tags would otherwise glue the last word of one line to the first of the next. */
export function breakTagsToSpaces(body: string): string {
	return body.replace(/<br\s*\/?>/gi, ' ');
}

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
