/**
 * The 5-minute review video of the recorded fixture (GJLlxj_dtq8) with chapters in its description and a
 * hand-written transcript (original text, not the video's), so that grounding, the content check and the
 * README example run on a video with chapters, prices and names, some of them misspelt by the captions.
 */
import type { RecordedChatRequest } from './fakeOpenAIServer';
import { loadRecordedPlayer } from './fixtures';
import type { PlayerResponder } from './fakeYouTubeServer';
import type { Cue } from './syntheticTranscript';

export const REVIEW_CHAPTERS = [
	{ title: 'Intro', start: 0 },
	{ title: 'Design and keyboard', start: 65 },
	{ title: 'Performance and battery', start: 150 },
	{ title: 'Verdict', start: 248 },
];

const LINES: [number, string][] = [
	[0, 'Hey, what is up guys, Dave here.'],
	[3.2, 'This is the new surface go from Microsoft.'],
	[7.5, 'It is the smallest and cheapest Surface so far.'],
	[12.1, 'I have been using it for about a week now'],
	[16.4, 'as my main machine for writing and browsing.'],
	[21.0, 'A lot of you asked whether it can replace a laptop,'],
	[26.3, 'so that is what this review is about.'],
	[31.8, 'The short version is that it surprised me.'],
	[37.0, 'But there are a couple of catches you should know about'],
	[42.5, 'before you buy one, especially if you are a student.'],
	[48.9, 'Let us start with how it feels to use every day.'],
	[55.3, 'First, a quick word on what comes in the box.'],
	[60.1, 'It is just the tablet and a small charger.'],
	[65.0, 'The design is basically a shrunken Surface Pro.'],
	[69.4, 'It has a ten inch screen and a magnesium body.'],
	[74.8, 'The kickstand goes almost flat, which is great for drawing.'],
	[80.2, 'It weighs about one point one five pounds on its own.'],
	[86.0, 'The bezels are thick, but they give you something to hold.'],
	[92.3, 'The type cover is sold separately, and you really need it.'],
	[98.7, 'The keyboard is small but the keys have good travel.'],
	[104.5, 'The trackpad is glass and it is the best part of the cover.'],
	[110.9, 'Ports are limited: one USB-C port, a headphone jack and the Surface Connect port.'],
	[118.2, 'You can charge over USB-C, which is really convenient.'],
	[124.6, 'There is also a micro SD card slot under the kickstand.'],
	[131.0, 'The screen is sharp and bright enough for indoor use,'],
	[137.4, 'and the three by two ratio is nice for documents.'],
	[144.0, 'Now, the part everyone asks about.'],
	[150.0, 'Performance. Inside is an intel pentiem gold processor.'],
	[155.6, 'It is not fast, but it is fine for light work.'],
	[161.2, 'Web browsing, Word and Netflix all run smoothly.'],
	[167.0, 'Photo editing in Lightroom is slow with big files.'],
	[172.8, 'The model I am testing has eight gigs of RAM and a one hundred twenty eight gig SSD.'],
	[180.3, 'The base model is three hundred ninety nine dollars,'],
	[186.1, 'but it has only four gigs of RAM and slow eMMC storage.'],
	[192.4, 'I would skip that one and get the eight gig model.'],
	[198.9, 'It ships in Windows 10 S mode, which only runs store apps.'],
	[205.2, 'You can switch out of S mode for free, and I did.'],
	[211.7, 'Battery life is where it falls short.'],
	[217.0, 'I got about five to six hours of real use,'],
	[222.6, 'well under the nine hours Microsoft claims.'],
	[228.4, 'It charges fairly quickly with the included charger.'],
	[234.1, 'The speakers are front facing and surprisingly loud.'],
	[240.3, 'The webcam is good enough for video calls.'],
	[248.0, 'So is it worth it? For students on a budget, yes.'],
	[253.6, 'It is more useful than an iPad for real Windows software.'],
	[259.8, 'But add the type cover and the eight gig model and the price goes up fast.'],
	[267.5, 'If you need more speed, look at the Surface Pro instead.'],
	[274.2, 'For note taking, browsing and writing, it is awesome.'],
	[281.0, 'I think it is the best small two in one you can buy right now.'],
	[288.6, 'Let me know in the comments what you think.'],
	[294.1, 'Thanks for watching, and I will see you in the next one.'],
];

export const REVIEW_CUES: Cue[] = LINES.map(([start, text], index) => ({
	start,
	duration: Math.round(((LINES[index + 1]?.[0] ?? 300) - start) * 1000) / 1000,
	text,
}));

/** The recorded player response with a chapter list added to its (real) description. */
export function reviewPlayer(): PlayerResponder {
	const player = loadRecordedPlayer('youtube.innertube.json') as {
		videoDetails: { shortDescription: string };
	};
	const chapters = REVIEW_CHAPTERS.map(
		(chapter) =>
			`${Math.floor(chapter.start / 60)}:${String(chapter.start % 60).padStart(2, '0')} ${chapter.title}`,
	);
	player.videoDetails.shortDescription = `${player.videoDetails.shortDescription}\n\n${chapters.join('\n')}`;
	const body = JSON.stringify(player);
	return () => ({ body, headers: { 'content-type': 'application/json; charset=UTF-8' } });
}

function userText(request: RecordedChatRequest): string {
	return request.messages
		.filter((message) => message.role === 'user')
		.map((message) => String(message.content))
		.join('\n');
}

/** Every `[m:ss]` label the request showed the model, anywhere in the transcript lines. */
export function allLabels(request: RecordedChatRequest): string[] {
	const text = userText(request);
	return [...text.slice(text.indexOf('Transcript:')).matchAll(/\[(\d+:\d{2})\]/g)].map((match) => match[1]);
}

/**
 * The answer a careful model gives: claims cited at the label just before they are made, one section per
 * chapter at the chapter's label, names spelled as the description spells them.
 */
export function goodReviewAnswer(): Record<string, unknown> {
	return {
		tldr:
			'Dave reviews the Surface Go after a week of use. It is a capable, very portable 2-in-1 for students, ' +
			'held back by battery life and the price of the useful configuration.',
		summary:
			'The Surface Go is a smaller Surface Pro with a 10-inch 3:2 screen and a kickstand. ' +
			'Its Pentium Gold handles browsing, Word and Netflix but slows down with large photo edits. ' +
			'The $399 base model has too little memory and slow storage, so Dave recommends the 8 GB model ' +
			'with the Type Cover, which raises the price. ' +
			'Battery life of five to six hours falls short of the nine hours Microsoft claims.',
		insights: [
			{
				emoji: '📐',
				text: 'The Surface Go is essentially a shrunken Surface Pro with a 10-inch screen.',
				at: '1:05',
			},
			{ emoji: '⌨️', text: 'The Type Cover is sold separately, and Dave says you really need it.', at: '1:32' },
			{ emoji: '🔌', text: 'It charges over USB-C, which makes it easy to top up anywhere.', at: '1:50' },
			{
				emoji: '🐢',
				text: 'The Pentium Gold is fine for light work but slow for big Lightroom files.',
				at: '2:35',
			},
			{
				emoji: '💸',
				text: 'The $399 base model has only 4 GB of RAM and slow eMMC storage; skip it.',
				at: '3:00',
			},
			{
				emoji: '🔋',
				text: 'Battery lasted five to six hours, well under the 9 hours Microsoft claims.',
				at: '3:31',
			},
			{ emoji: '🎓', text: 'For students on a budget it is the best small 2-in-1 right now.', at: '4:08' },
		],
		questions: [
			{
				question: 'Can the Surface Go replace a laptop?',
				answer: 'For writing, browsing and notes, yes; for heavy photo editing it is too slow.',
				at: '2:41',
			},
			{
				question: 'Which configuration should I buy?',
				answer: 'The 8 GB model with the Type Cover; the base model is too limited.',
				at: '3:12',
			},
			{ question: 'How long does the battery last?', answer: 'About five to six hours of real use.', at: '3:31' },
		],
		sections: REVIEW_CHAPTERS.map((chapter, index) => ({
			title: chapter.title,
			at: `${Math.floor(chapter.start / 60)}:${String(chapter.start % 60).padStart(2, '0')}`,
			summary: [
				'Dave has used the Surface Go as his main machine for a week to see whether it can replace a laptop.',
				'A shrunken Surface Pro: magnesium body, kickstand, glass trackpad on a Type Cover sold separately, ' +
					'USB-C charging.',
				'The Pentium Gold handles everyday work; the base model is too limited, ' +
					'and battery life is five to six hours.',
				'Worth it for students on a budget, more useful than an iPad for Windows software, ' +
					'but the price adds up.',
			][index],
			questions: [],
		})),
		takeaways: [
			'Budget for the Type Cover: the tablet is much less useful without it.',
			'Buy the 8 GB model rather than the base model.',
			'Switch out of S mode if you need apps from outside the store.',
		],
		tags: ['surface go', 'tablet', 'review', 'windows'],
		entities: [
			{ name: 'Surface Go', type: 'product' },
			{ name: 'Microsoft', type: 'organization' },
			{ name: 'Intel Pentium Gold', type: 'product' },
			{ name: 'Surface Pro', type: 'product' },
		],
	};
}

/**
 * A weak answer, as a mediocre model writes it: sections for three of four chapters and out of order,
 * references that are not time labels, the same takeaway twice, a price the video never states, a role
 * as an entity and an invented one ("Dave Lee" is never said).
 */
export function weakReviewAnswer(): Record<string, unknown> {
	const good = goodReviewAnswer();
	return {
		...good,
		insights: [
			...(good.insights as unknown[]).slice(0, 5),
			{ emoji: '💰', text: 'With the keyboard it costs $549 in total.', at: '2:30' },
			{ emoji: '🎨', text: 'The design is a shrunken Surface Pro.', at: 'design section' },
		],
		questions: [
			...(good.questions as unknown[]),
			{ question: 'How long does the battery last?', answer: 'Five to six hours.', at: '9:59' },
		],
		sections: [
			{ title: 'Verdict', at: '4:07', summary: 'Worth it for students.', questions: [] },
			{ title: 'Intro', at: '0:00', summary: 'A week with the Surface Go.', questions: [] },
			{ title: 'Design', at: '1:03', summary: 'A small Surface Pro.', questions: [] },
		],
		takeaways: [
			'Buy the 8 GB model rather than the base model.',
			'Buy the 8 GB model, not the base model.',
			'Budget for the Type Cover.',
			'Switch out of S mode if you need other apps.',
		],
		entities: [
			...(good.entities as unknown[]),
			{ name: 'the reviewer', type: 'person' },
			{ name: 'Dave Lee', type: 'person' },
		],
	};
}
