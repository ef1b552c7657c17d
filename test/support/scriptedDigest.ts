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
 * A good digest answer written against the request, the way a model would: it cites labels that exist in
 * the transcript it was sent, lists as many items as the prompt asks for, each a different point, and names
 * only what the video names (the Surface Go when the transcript says it), so the content check passes it.
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
			{ emoji: '🧭', text: 'The opening sets the scene.', at: at(0.1) },
			{ emoji: '⚖️', text: 'A trade-off is weighed.', at: at(0.7) },
			{ emoji: '🏁', text: 'The ending gives a verdict.', at: at(0.9) },
		],
		questions: [
			{ question: 'What is it about?', answer: 'About the scripted topic.', at: at(0.25) },
			{ question: 'Who should watch this?', answer: 'Anyone curious about the subject.', at: at(0.3) },
			{ question: 'Which drawback matters most?', answer: 'The one weighed near the end.', at: at(0.7) },
		],
		sections: chapterSections(request) ?? [
			{ title: 'Opening', at: at(0), summary: 'How it starts.', questions: [] },
			{
				title: 'Middle part',
				at: at(0.5),
				summary: 'What happens next.',
				questions: [{ question: 'Why?', answer: 'Because.', at: at(0.6) }],
			},
		],
		takeaways: ['Take this away.', 'Try the idea yourself.', 'Compare options before buying.'],
		tags: ['Scripted Topic', 'testing'],
		entities: userText(request).includes('Surface Go') ? [{ name: 'Surface Go', type: 'product' }] : [],
	};
}

/** One section per chapter the request lists, at the chapter's label, as the prompt asks; null without chapters. */
function chapterSections(request: RecordedChatRequest): Record<string, unknown>[] | null {
	const line = /^Chapters: (.+)$/m.exec(userText(request))?.[1];
	if (!line) return null;
	return [...line.matchAll(/\[(\d+(?::\d{2}){1,2})\] ([^;]+)/g)].map((match) => ({
		title: match[2].trim(),
		at: match[1],
		summary: `What the chapter ${match[2].trim()} says.`,
		questions: [],
	}));
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
		insights: ['opening', 'setup', 'middle', 'turn', 'ending'].map((word, index) => ({
			emoji: '🔎',
			text: `Merged insight about the ${word}.`,
			at: at(index / 5),
		})),
		questions: [
			{ question: 'What happens at the end?', answer: 'It ends.', at: at(0.95) },
			{ question: 'How does it begin?', answer: 'Slowly.', at: at(0) },
			{ question: 'Where is the turning point?', answer: 'In the middle.', at: at(0.5) },
		],
		takeaways: ['Merged takeaway.', 'Watch the whole thing.', 'Keep notes while watching.'],
		tags: ['merged'],
		entities: [],
	};
}

/** Answers digest calls and merge calls alike. */
export function scriptedAnswer(request: RecordedChatRequest): Record<string, unknown> {
	return isMergeRequest(request) ? scriptedMerge(request) : scriptedDigest(request);
}
