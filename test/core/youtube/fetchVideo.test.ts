import { fetchVideo } from '../../../src/core/youtube/fetchVideo';
import { DEFAULT_INNERTUBE_CLIENTS } from '../../../src/core/youtube/innertubeClients';
import {
	captionsFromCues,
	emptyBodyWhenPoToken,
	FakeYouTube,
	playerByClient,
	recordedPlayer,
	startFakeYouTube,
	status,
	syntheticPlayer,
} from '../../support/fakeYouTubeServer';
import { routedHttp } from '../../support/routedHttp';
import { Cue } from '../../support/syntheticTranscript';

const VIDEO = 'GJLlxj_dtq8';
const cues: Cue[] = [
	{ start: 0.5, duration: 3.5, text: 'Hey, I\'m Jason & that\'s "it" <3' },
	{ start: 4, duration: 4, text: 'second line' },
	{ start: 8.25, duration: 2, text: 'third line' },
];

let youtube: FakeYouTube;
beforeAll(async () => {
	youtube = await startFakeYouTube();
});
afterAll(() => youtube.close());
beforeEach(() => youtube.reset());

function run(options: { languages?: string[]; preferredClient?: string } = {}) {
	const { http } = routedHttp({ 'https://www.youtube.com': youtube.baseUrl });
	return fetchVideo(http, VIDEO, {
		clients: DEFAULT_INNERTUBE_CLIENTS,
		preferredLanguages: options.languages ?? [],
		preferredClient: options.preferredClient,
	});
}

describe('fetchVideo through youtube-transcript against a fake YouTube', () => {
	it.each(['srv3', 'json3', 'srv1'] as const)(
		'reads %s captions, always in seconds, with clean text',
		async (format) => {
			youtube.set({
				player: recordedPlayer('youtube.innertube.json'),
				timedtext: captionsFromCues({ en: cues }, { format }),
			});
			const video = await run();
			expect(video.transcript.segments).toEqual([
				{ start: 0.5, duration: 3.5, text: 'Hey, I\'m Jason & that\'s "it" <3' },
				{ start: 4, duration: 4, text: 'second line' },
				{ start: 8.25, duration: 2, text: 'third line' },
			]);
			expect(video.transcript).toMatchObject({ languageCode: 'en', isGenerated: false });
			expect(video.info.title).toBe('Surface Go Review - It’s Awesome');
		},
	);

	it("makes a player call as the first client, then a caption call in srv3 with that client's identity", async () => {
		youtube.set({ player: recordedPlayer('youtube.innertube.json'), timedtext: captionsFromCues({ en: cues }) });
		const video = await run();
		expect(video.clientName).toBe('IOS');
		expect(youtube.requests.map((request) => request.path)).toEqual(['/youtubei/v1/player', '/api/timedtext']);
		const [player, captions] = youtube.requests;
		expect(JSON.parse(player.body)).toMatchObject({ videoId: VIDEO, context: { client: { clientName: 'IOS' } } });
		expect(captions.query.getAll('fmt')).toEqual(['srv3']);
		expect(captions.query.get('lang')).toBe('en');
		expect(captions.query.get('kind')).toBeNull();
		expect(captions.headers['user-agent']).toContain('com.google.ios.youtube');
	});

	it('falls back to the next client when one is refused, and starts with the one that worked last', async () => {
		youtube.set({
			player: playerByClient({
				IOS: status(400),
				ANDROID_VR: recordedPlayer('youtube_request_blocked.innertube.json'),
				ANDROID: recordedPlayer('youtube.innertube.json'),
			}),
			timedtext: captionsFromCues({ en: cues }),
		});
		expect((await run()).clientName).toBe('ANDROID');
		youtube.reset();
		await run({ preferredClient: 'ANDROID' });
		expect(youtube.requests.filter((request) => request.path === '/youtubei/v1/player')).toHaveLength(1);
	});

	it('takes the auto-generated track when the manual one is withheld behind a token', async () => {
		youtube.set({
			player: recordedPlayer('youtube_po_token_required.innertube.json'),
			timedtext: emptyBodyWhenPoToken(captionsFromCues({ 'en:asr': cues })),
		});
		const video = await run({ languages: ['en'] });
		expect(video.transcript.isGenerated).toBe(true);
		expect(youtube.requests[1].query.get('kind')).toBe('asr');
	});

	it('turns an empty caption body into a typed error instead of an empty transcript', async () => {
		youtube.set({
			player: syntheticPlayer({ videoId: VIDEO, tracks: [{ languageCode: 'en' }] }),
			timedtext: () => ({ status: 200, body: '' }),
		});
		await expect(run()).rejects.toMatchObject({ kind: 'po-token-required' });
	});

	it.each([
		['youtube_age_restricted.innertube.json', 'age-restricted', 1],
		['youtube_video_unavailable.innertube.json', 'video-unavailable', 1],
		// A playable video without captions has none for any client: one request, as the README promises.
		['youtube_transcripts_disabled.innertube.json', 'no-captions', 1],
		['youtube_transcripts_disabled2.innertube.json', 'no-captions', 1],
		['youtube_request_blocked.innertube.json', 'bot-check', 3],
		['youtube_unplayable.innertube.json', 'unplayable', 3],
	])('%s → %s after %i player calls', async (file, kind, calls) => {
		youtube.set({ player: recordedPlayer(file), timedtext: captionsFromCues({ en: cues }) });
		await expect(run()).rejects.toMatchObject({ kind });
		expect(youtube.requests).toHaveLength(calls);
	});

	it('reports rate limiting on the player and on the captions', async () => {
		youtube.set({ player: status(429), timedtext: captionsFromCues({ en: cues }) });
		await expect(run()).rejects.toMatchObject({ kind: 'youtube-rate-limited' });
		youtube.set({ player: recordedPlayer('youtube.innertube.json'), timedtext: status(429) });
		await expect(run()).rejects.toMatchObject({ kind: 'youtube-rate-limited' });
	});

	it('reports a refused caption request as refused, not as a connection problem', async () => {
		youtube.set({ player: recordedPlayer('youtube.innertube.json'), timedtext: status(404) });
		await expect(run()).rejects.toMatchObject({ kind: 'youtube-refused', detail: 'HTTP 404 for the captions' });
	});

	it.each([403, 500, 503])(
		'reports a player request every client gets %i for as refused, not as unplayable',
		async (code) => {
			youtube.set({ player: status(code), timedtext: captionsFromCues({ en: cues }) });
			await expect(run()).rejects.toMatchObject({
				kind: 'youtube-refused',
				detail: `HTTP ${code} for the video`,
			});
			expect(youtube.requests).toHaveLength(DEFAULT_INNERTUBE_CLIENTS.length);
		},
	);

	it("lets another client's answer about the video win over a refusal", async () => {
		youtube.set({
			player: playerByClient({
				[DEFAULT_INNERTUBE_CLIENTS[0].name]: status(403),
				'*': recordedPlayer('youtube_unplayable.innertube.json'),
			}),
			timedtext: captionsFromCues({ en: cues }),
		});
		await expect(run()).rejects.toMatchObject({ kind: 'unplayable' });
	});

	it('reports a network failure when YouTube cannot be reached', async () => {
		const { http } = routedHttp({ 'https://www.youtube.com': 'http://127.0.0.1:9' });
		await expect(
			fetchVideo(http, VIDEO, { clients: DEFAULT_INNERTUBE_CLIENTS, preferredLanguages: [] }),
		).rejects.toMatchObject({ kind: 'network' });
	});

	it('stops at once when cancelled', async () => {
		youtube.set({
			player: recordedPlayer('youtube.innertube.json'),
			timedtext: captionsFromCues({ en: cues }),
			latencyMs: 5000,
		});
		const { http } = routedHttp({ 'https://www.youtube.com': youtube.baseUrl });
		const controller = new AbortController();
		const pending = fetchVideo(http, VIDEO, {
			clients: DEFAULT_INNERTUBE_CLIENTS,
			preferredLanguages: [],
			signal: controller.signal,
		});
		setTimeout(() => controller.abort(), 50);
		const started = Date.now();
		await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
		expect(Date.now() - started).toBeLessThan(4000);
		youtube.set({ latencyMs: 0 });
	});
});
