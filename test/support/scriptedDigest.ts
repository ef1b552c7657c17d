import type { RecordedChatRequest } from './fakeOpenAIServer';

function userText(request: RecordedChatRequest): string {
	const user = request.messages.find((message) => message.role === 'user');
	return typeof user?.content === 'string' ? user.content : '';
}

/** The `[m:ss]` labels of the transcript lines in a digest request, in order. */
export function transcriptLabels(request: RecordedChatRequest): string[] {
	const text = userText(request);
	return [...text.slice(text.indexOf('Transcript:')).matchAll(/^\[(\d+(?::\d{2}){1,2})\]/gm)].map(
		(match) => match[1],
	);
}

/**
 * A digest answer written against the request, the way a model would: it cites labels that exist in the
 * transcript it was sent, plus one reference past the end of the video that grounding must drop.
 */
export function scriptedDigest(request: RecordedChatRequest): Record<string, unknown> {
	const labels = transcriptLabels(request);
	const at = (fraction: number) =>
		labels[Math.min(labels.length - 1, Math.floor(labels.length * fraction))] ?? '0:00';
	return {
		tldr: 'A scripted TL;DR about the video.',
		summary: 'A scripted one-paragraph summary.',
		insights: [
			{ emoji: '🤔', text: 'First insight.', at: at(0) },
			{ emoji: '🔑', text: 'Second insight.', at: at(0.5) },
			{ emoji: '⏱️', text: 'An insight with a time past the end.', at: '9:59:59' },
		],
		questions: [{ question: 'What is it about?', answer: 'About the scripted topic.', at: at(0.25) }],
		sections: [
			{ title: 'Opening', at: at(0), summary: 'How it starts.', questions: [] },
			{
				title: 'Middle part',
				at: at(0.5),
				summary: 'What happens next.',
				questions: [{ question: 'Why?', answer: 'Because.', at: at(0.6) }],
			},
		],
		takeaways: ['Take this away.'],
		tags: ['Scripted Topic', 'testing'],
		entities: [{ name: 'Ada Lovelace', type: 'person' }],
	};
}

/** The `[time]` labels of the part items in a merge request. */
export function partLabels(request: RecordedChatRequest): string[] {
	return [...userText(request).matchAll(/^- \[(\d+(?::\d{2}){1,2})\]/gm)].map((match) => match[1]);
}

export function isMergeRequest(request: RecordedChatRequest): boolean {
	return (
		JSON.stringify(request.response_format ?? '').includes('video_digest_merge') ||
		String(request.messages[0]?.content).startsWith('Combine')
	);
}

/** A merged digest citing items of the parts it was given, the way a model answers the merge call. */
export function scriptedMerge(request: RecordedChatRequest): Record<string, unknown> {
	const labels = partLabels(request);
	const at = (fraction: number) => labels[Math.min(labels.length - 1, Math.floor(labels.length * fraction))] ?? '';
	return {
		tldr: 'The merged TL;DR.',
		summary: 'The merged summary.',
		insights: [0, 0.3, 0.6, 0.9].map((fraction, index) => ({
			emoji: '🔎',
			text: `Merged insight ${index + 1}.`,
			at: at(fraction),
		})),
		questions: [{ question: 'What happens at the end?', answer: 'It ends.', at: at(0.95) }],
		takeaways: ['Merged takeaway.'],
		tags: ['merged'],
		entities: [{ name: 'Ada Lovelace', type: 'person' }],
	};
}

/** Answers digest calls and merge calls alike. */
export function scriptedAnswer(request: RecordedChatRequest): Record<string, unknown> {
	return isMergeRequest(request) ? scriptedMerge(request) : scriptedDigest(request);
}
