import {
	breakTagsToSpaces,
	json3ToSrv3,
	replaceInvalidCharacterReferences,
} from '../../../src/core/youtube/captionBody';
import { userMessage } from '../../../src/core/errors';
import { cleanCaptionText } from '../../../src/core/youtube/captionText';
import { chooseCaptionTrack } from '../../../src/core/youtube/captionTrack';
import { parseChapters } from '../../../src/core/youtube/chapters';
import { fetchVideo } from '../../../src/core/youtube/fetchVideo';
import { DEFAULT_INNERTUBE_CLIENTS } from '../../../src/core/youtube/innertubeClients';
import { needsPoToken, playabilityFailure } from '../../../src/core/youtube/playerResponse';
import { readPlayerResponse } from '../../../src/core/youtube/playerResponseData';
import { normalizeSegments } from '../../../src/core/youtube/transcriptSession';
import { extractVideoInfo } from '../../../src/core/youtube/videoInfo';
import { FakeYouTube, playerJson, recordedPlayer, startFakeYouTube } from '../../support/fakeYouTubeServer';
import { loadRecordedPlayer } from '../../support/fixtures';
import { routedHttp } from '../../support/routedHttp';

const VIDEO = 'GJLlxj_dtq8';
const TRACK_URL = `https://www.youtube.com/api/timedtext?v=${VIDEO}&lang=en`;

/** Values of every JSON type but the expected one, plus the oddities JavaScript adds. */
const HOSTILE: unknown[] = [
	null,
	undefined,
	0,
	-1,
	1.5,
	NaN,
	Infinity,
	true,
	false,
	'',
	[],
	[null],
	{},
	{ a: 1 },
	['x'],
];
const hostile = HOSTILE.map((value) => [JSON.stringify(value) ?? String(value), value] as const);

function validPlayer(): Record<string, unknown> {
	return {
		playabilityStatus: { status: 'OK' },
		captions: {
			playerCaptionsTracklistRenderer: {
				captionTracks: [{ baseUrl: TRACK_URL, languageCode: 'en', name: { simpleText: 'English' } }],
				audioTracks: [{ captionTrackIndices: [0], defaultCaptionTrackIndex: 0 }],
				defaultAudioTrackIndex: 0,
			},
		},
		videoDetails: {
			videoId: VIDEO,
			title: 'A title',
			lengthSeconds: '600',
			channelId: 'UC123',
			author: 'A channel',
			shortDescription: '0:00 Intro\n1:00 Middle\n2:00 End',
			keywords: ['one', 'two'],
			thumbnail: { thumbnails: [{ url: 'https://i.ytimg.com/vi/x/max.jpg?q=1', width: 1280, height: 720 }] },
			isLiveContent: false,
		},
		microformat: {
			playerMicroformatRenderer: { publishDate: '2024-01-02', ownerProfileUrl: 'http://www.youtube.com/@chan' },
		},
	};
}

/** The player with the value at `path` replaced. */
function withField(path: string[], value: unknown): Record<string, unknown> {
	const player = validPlayer();
	let node = player as Record<string, unknown>;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
	node[path[path.length - 1]] = value;
	return player;
}

const FIELDS: string[][] = [
	['playabilityStatus'],
	['playabilityStatus', 'status'],
	['playabilityStatus', 'reason'],
	['captions'],
	['captions', 'playerCaptionsTracklistRenderer'],
	['captions', 'playerCaptionsTracklistRenderer', 'captionTracks'],
	['captions', 'playerCaptionsTracklistRenderer', 'audioTracks'],
	['captions', 'playerCaptionsTracklistRenderer', 'defaultAudioTrackIndex'],
	['videoDetails'],
	['videoDetails', 'title'],
	['videoDetails', 'lengthSeconds'],
	['videoDetails', 'channelId'],
	['videoDetails', 'author'],
	['videoDetails', 'shortDescription'],
	['videoDetails', 'keywords'],
	['videoDetails', 'thumbnail'],
	['videoDetails', 'isLiveContent'],
	['microformat'],
	['microformat', 'playerMicroformatRenderer'],
	['microformat', 'playerMicroformatRenderer', 'publishDate'],
	['microformat', 'playerMicroformatRenderer', 'ownerProfileUrl'],
];

describe('a player response with one field of the wrong type', () => {
	const cases = FIELDS.flatMap((path) =>
		hostile.map(([label, value]) => [path.join('.'), label, path, value] as const),
	);

	it.each(cases)(
		'%s = %s: the video info is whole and typed, and the other fields are kept',
		(_, __, path, value) => {
			const player = withField(path, value);
			const info = extractVideoInfo(VIDEO, player);
			expect(typeof info.title).toBe('string');
			expect(info.title.length).toBeGreaterThan(0);
			expect(typeof info.channel.name).toBe('string');
			expect(typeof info.channel.url).toBe('string');
			expect(typeof info.description).toBe('string');
			expect(Number.isFinite(info.durationSeconds)).toBe(true);
			expect(info.keywords.every((keyword) => typeof keyword === 'string')).toBe(true);
			expect(typeof info.thumbnail).toBe('string');
			expect(typeof info.isLive).toBe('boolean');
			if (path[1] !== 'title' && path[0] !== 'videoDetails') expect(info.title).toBe('A title');
			expect(() => playabilityFailure(player)).not.toThrow();
			const list = (player.captions as { playerCaptionsTracklistRenderer?: unknown } | undefined)
				?.playerCaptionsTracklistRenderer;
			try {
				const chosen = chooseCaptionTrack(list, ['en']);
				expect(chosen.track.baseUrl).toBe(TRACK_URL);
			} catch (error) {
				expect(error).toMatchObject({ name: 'DigestError', kind: 'no-captions' });
			}
		},
	);

	it.each(hostile)('a whole player response of %s reads as empty, and its failure is a typed error', (_, value) => {
		expect(readPlayerResponse(value)).toEqual({});
		expect(playabilityFailure(value)?.kind).toBe('video-unavailable');
		expect(extractVideoInfo(VIDEO, value).title).toBe(`YouTube video ${VIDEO}`);
	});

	it('keeps numbers where text is expected as their digits, and reads formatted text objects', () => {
		const player = withField(['videoDetails', 'title'], { runs: [{ text: 'Part ' }, { text: 'one' }] });
		(player.videoDetails as Record<string, unknown>).lengthSeconds = 212;
		(player.videoDetails as Record<string, unknown>).author = 1984;
		const info = extractVideoInfo(VIDEO, player);
		expect(info).toMatchObject({ title: 'Part one', durationSeconds: 212, channel: { name: '1984' } });
	});

	it('never takes a thumbnail or channel URL that is not http(s)', () => {
		const player = validPlayer();
		(player.videoDetails as Record<string, unknown>).thumbnail = { thumbnails: [{ url: 'javascript:alert(1)' }] };
		(
			player.microformat as { playerMicroformatRenderer: Record<string, unknown> }
		).playerMicroformatRenderer.ownerProfileUrl = 'javascript:alert(1)';
		const info = extractVideoInfo(VIDEO, player);
		expect(info.thumbnail).toBe(`https://i.ytimg.com/vi/${VIDEO}/hqdefault.jpg`);
		expect(info.channel.url).toBe('https://www.youtube.com/channel/UC123');
	});
});

describe('caption tracks of the wrong shape', () => {
	const good = { baseUrl: TRACK_URL, languageCode: 'en' };

	it.each([
		['null', null],
		['a number', 7],
		['a string', TRACK_URL],
		['a list', [good]],
		['no baseUrl', { languageCode: 'en' }],
		['a null baseUrl', { baseUrl: null, languageCode: 'en' }],
		['a numeric baseUrl', { baseUrl: 42, languageCode: 'en' }],
		['an object baseUrl', { baseUrl: { url: TRACK_URL }, languageCode: 'en' }],
		['a relative baseUrl', { baseUrl: '/api/timedtext?v=x', languageCode: 'en' }],
		['a javascript: baseUrl', { baseUrl: 'javascript:alert(1)', languageCode: 'en' }],
	])('a track that is %s is skipped and the good one chosen', (_, bad) => {
		const list = { captionTracks: [bad, good] };
		expect(chooseCaptionTrack(list, ['en']).track.baseUrl).toBe(TRACK_URL);
		expect(() => chooseCaptionTrack({ captionTracks: [bad] }, ['en'])).toThrow(
			expect.objectContaining({ kind: 'no-captions' }),
		);
	});

	it.each(hostile)('a language code of %s reads as none and the track is still usable', (_, languageCode) => {
		const chosen = chooseCaptionTrack({ captionTracks: [{ baseUrl: TRACK_URL, languageCode }] }, ['en']);
		expect(chosen.track.baseUrl).toBe(TRACK_URL);
		expect(typeof chosen.languageCode).toBe('string');
	});

	it.each([
		['kind', 42],
		['kind', null],
		['vssId', {}],
		['vssId', 7],
		['name', 9],
	])('a track with %s = %p is read without it', (field, value) => {
		const chosen = chooseCaptionTrack({ captionTracks: [{ ...good, [field]: value }] }, ['en']);
		expect(chosen).toMatchObject({ languageCode: 'en', isGenerated: false });
	});

	it.each([
		['a default caption index past the end', { audioTracks: [{ defaultCaptionTrackIndex: 99 }] }],
		['a negative default caption index', { audioTracks: [{ defaultCaptionTrackIndex: -1 }] }],
		['a fractional audio index', { defaultAudioTrackIndex: 0.5, audioTracks: [{}] }],
		['audio tracks of null', { audioTracks: [null, 'x'] }],
	])('%s falls back to the first usable track', (_, extra) => {
		const list = { captionTracks: [good, { baseUrl: TRACK_URL + '&x', languageCode: 'de' }], ...extra };
		expect(chooseCaptionTrack(list, []).track.languageCode).toBe('en');
	});

	it('no usable track at all is the typed no-captions error', () => {
		expect(() => chooseCaptionTrack({ captionTracks: [null, { baseUrl: null }] }, ['en'])).toThrow(
			expect.objectContaining({ kind: 'no-captions' }),
		);
		expect(() => chooseCaptionTrack('nonsense', ['en'])).toThrow(expect.objectContaining({ kind: 'no-captions' }));
	});

	it('needsPoToken reads a track without a string baseUrl as not withheld', () => {
		expect(needsPoToken({ baseUrl: 5 } as never)).toBe(false);
		expect(needsPoToken(null as never)).toBe(false);
	});
});

describe('caption bodies with bad character references', () => {
	it.each(['&#99999999;', '&#x110000;', '&#0;', '&#xD800;', '&#xDFFF;', '&#99999999999999999999999;'])(
		'%s costs one character (U+FFFD), never the transcript',
		(reference) => {
			expect(cleanCaptionText(`before ${reference} after`)).toBe('before \uFFFD after');
			expect(cleanCaptionText(`before &amp;${reference.slice(1)} after`)).toBe('before \uFFFD after');
			const body = `<timedtext><body><p t="0" d="1000">a ${reference} b</p></body></timedtext>`;
			expect(replaceInvalidCharacterReferences(body)).toContain('a &#xFFFD; b');
		},
	);

	it('keeps valid references, escaped once or twice, as they are', () => {
		const body = '<p t="0" d="1">&#39; &#x1F600; &amp;#39; &amp;amp;#99999999;</p>';
		expect(replaceInvalidCharacterReferences(body)).toBe(
			'<p t="0" d="1">&#39; &#x1F600; &amp;#39; &amp;amp;#xFFFD;</p>',
		);
	});

	it('decodes what is valid and replaces the rest in one line', () => {
		expect(cleanCaptionText('it&#39;s &#128512; &#99999999; &#xD83D; ok')).toBe("it's 😀 \uFFFD \uFFFD ok");
	});

	it.each([
		['not JSON', '{ not json'],
		['events of null', '{"events": null}'],
		['events of a string', '{"events": "x"}'],
		['events with bad members', '{"events": [null, 5, {"segs": null}, {"segs": [null, {"utf8": 5}]}]}'],
	])('json3 that is %s gives no cues rather than an exception', (_, body) => {
		const srv3 = json3ToSrv3(body);
		expect(srv3).toMatch(/<timedtext format="3"><body>(<p t="0" d="0">5?<\/p>)*<\/body><\/timedtext>$/);
		expect(srv3).not.toMatch(/null|undefined|object/);
	});

	it('json3 with offsets of the wrong type gives whole, non-negative milliseconds', () => {
		const body = JSON.stringify({
			events: [
				{ tStartMs: 'soon', dDurationMs: -5, segs: [{ utf8: 'a' }] },
				{ tStartMs: '1500.4', dDurationMs: null, segs: [{ utf8: 'b' }] },
			],
		});
		expect(json3ToSrv3(body)).toContain('<p t="0" d="0">a</p><p t="1500" d="0">b</p>');
	});

	it('normalizeSegments drops cues of the wrong shape and keeps the rest', () => {
		const raw = [
			null,
			{ offset: 'x', duration: 1, text: 'no start' },
			{ offset: 1, duration: NaN, text: 'no duration' },
			{ offset: 2, duration: 1, text: 42 },
			{ offset: 3, duration: 1, text: { a: 1 } },
			{ offset: 4, duration: 1, text: 'fine' },
		];
		expect(normalizeSegments(raw as never, 1)).toEqual([
			{ start: 1, duration: 0, text: 'no duration' },
			{ start: 2, duration: 1, text: '42' },
			{ start: 4, duration: 1, text: 'fine' },
		]);
		expect(breakTagsToSpaces('a<br/>b')).toBe('a b');
	});
});

describe('chapters from malformed descriptions', () => {
	it.each(hostile)('a description of %s gives no chapters', (_, description) => {
		expect(parseChapters(description, 600)).toEqual([]);
	});

	const notDurations = hostile.filter(([, value]) => !(typeof value === 'number' && value > 0));
	it.each(notDurations)('a duration of %s does not stop a valid chapter list', (_, duration) => {
		expect(parseChapters('0:00 A\n0:30 B\n1:00 C', duration)).toHaveLength(3);
	});

	it.each([
		['seconds past 59', '0:00 A\n0:75 B\n1:30 C'],
		['out of order', '0:00 A\n2:00 B\n1:00 C'],
		['not starting at 0:00', '0:05 A\n1:00 B\n2:00 C'],
		['minutes past 59 with hours', '0:00 A\n0:30 B\n1:75:00 C'],
	])('a list with %s is not a chapter list', (_, description) => {
		expect(parseChapters(description, 0)).toEqual([]);
	});
});

describe('hostile YouTube answers through the loopback fake server', () => {
	let youtube: FakeYouTube;
	beforeAll(async () => {
		youtube = await startFakeYouTube();
	});
	afterAll(() => youtube.close());
	beforeEach(() => youtube.reset());

	function run() {
		const { http } = routedHttp({ 'https://www.youtube.com': youtube.baseUrl });
		return fetchVideo(http, VIDEO, { clients: DEFAULT_INNERTUBE_CLIENTS, preferredLanguages: ['en'] });
	}

	it('a title of the wrong type, null tracks and bad references still give the video and transcript', async () => {
		const player = loadRecordedPlayer('youtube.innertube.json') as unknown as Record<string, unknown>;
		const details = player.videoDetails as Record<string, unknown>;
		details.title = 12345;
		details.keywords = 'not a list';
		details.author = null;
		const list = (player.captions as Record<string, Record<string, unknown>>).playerCaptionsTracklistRenderer;
		list.captionTracks = [null, { languageCode: 'en' }, ...(list.captionTracks as unknown[])];
		youtube.set({
			player: playerJson(player),
			timedtext: () => ({
				status: 200,
				body:
					'<timedtext format="3"><body><p t="0" d="1000">one &#99999999; two</p>' +
					'<p t="1000" d="500">&#x110000;three&#0;</p></body></timedtext>',
			}),
		});
		const video = await run();
		expect(video.info.title).toBe('12345');
		expect(video.info.keywords).toEqual([]);
		expect(video.info.channel.name).toBe('Unknown channel');
		expect(video.transcript.segments.map((segment) => segment.text)).toEqual([
			'one \uFFFD two',
			'\uFFFDthree\uFFFD',
		]);
	});

	it.each([
		['srv1', '<transcript><text start="-2.5" dur="2">before</text><text start="1" dur="2">one</text></transcript>'],
		[
			'srv3',
			'<timedtext><body><p t="1000" d="2000">one</p><p t="99999999999999999999" d="1">far</p></body></timedtext>',
		],
	])(
		'%s cues before the start or ages past it are dropped, so no timestamp is outside the video',
		async (_, body) => {
			youtube.set({ player: recordedPlayer('youtube.innertube.json'), timedtext: () => ({ status: 200, body }) });
			const video = await run();
			expect(video.transcript.segments).toEqual([{ start: 1, duration: 2, text: 'one' }]);
		},
	);

	it.each([
		[
			'srv3 without d',
			'<timedtext><body><p t="1000">one</p><p t="3000" d="1000">two</p><p t="4000">three</p></body>',
		],
		['srv3 with d before t', '<timedtext><body><p d="2000" t="1000">one</p><p t="3000" d="1000">two</p>'],
		['srv1 with dur first and no header', '<text dur="2" start="1">one</text><text start="3" dur="1">two</text>'],
		['srv1 without dur', '<transcript><text start="1">one</text><text start="3" dur="1">two</text>'],
		[
			'srv1 with tags inside',
			'<transcript><text start="1" dur="2"><i>one</i></text><text start="3" dur="1">two</text>',
		],
	])('a cue in %s keeps the transcript, and one without a duration lasts until the next', async (_, body) => {
		youtube.set({ player: recordedPlayer('youtube.innertube.json'), timedtext: () => ({ status: 200, body }) });
		const video = await run();
		expect(video.transcript.segments.slice(0, 2)).toEqual([
			{ start: 1, duration: 2, text: 'one' },
			{ start: 3, duration: 1, text: 'two' },
		]);
	});

	it('the last srv3 cue without a duration gets five seconds, and a cue without a start is dropped', async () => {
		const body = '<timedtext><body><p d="1">none</p><p t="1000">one</p></body></timedtext>';
		youtube.set({ player: recordedPlayer('youtube.innertube.json'), timedtext: () => ({ status: 200, body }) });
		expect((await run()).transcript.segments).toEqual([{ start: 1, duration: 5, text: 'one' }]);
	});

	it.each([
		['a consent page', '<!DOCTYPE html><html lang="en"><head><title>Before you continue</title></head></html>'],
		['an error page', '\n<html><body><p>Sorry, something went wrong.</p></body></html>'],
	])('%s served with 200 for the captions is a refusal, not a video without captions', async (_, body) => {
		youtube.set({ player: recordedPlayer('youtube.innertube.json'), timedtext: () => ({ status: 200, body }) });
		const error = await run().catch((caught: unknown) => caught);
		expect(error).toMatchObject({ name: 'DigestError', kind: 'youtube-refused' });
		expect(userMessage(error)).toBe('YouTube refused the request: a web page came instead of the captions.');
	});

	it('a player answer that is JSON but not an object counts as no answer from that client', async () => {
		youtube.set({ player: playerJson([1, 2, 3]) });
		await expect(run()).rejects.toMatchObject({ name: 'DigestError', kind: 'unplayable' });
	});
});
