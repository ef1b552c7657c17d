/**
 * Proves the fake servers are faithful enough for the real clients: the `openai` SDK and the `youtube-transcript`
 * package run unmodified against them over loopback HTTP.
 */
import OpenAI, {
	AuthenticationError,
	BadRequestError,
	InternalServerError,
	NotFoundError,
	RateLimitError,
} from 'openai';
import {
	fetchTranscript,
	YoutubeTranscriptNotAvailableError,
	YoutubeTranscriptTooManyRequestError,
	type TranscriptResponse,
} from 'youtube-transcript';
import { toJson3Object, type Json3Body } from './captionFormats';
import {
	delayed,
	errorReply,
	jsonReply,
	refusalReply,
	sequence,
	startFakeOpenAI,
	textReply,
	type FakeOpenAI,
} from './fakeOpenAIServer';
import {
	captionsFromCues,
	emptyBodyWhenPoToken,
	inSequence,
	oembedFor,
	playerByClient,
	playerByVideo,
	recordedPage,
	recordedPlayer,
	startFakeYouTube,
	status,
	syntheticPlayer,
	type FakeYouTube,
} from './fakeYouTubeServer';
import type { PlayerResponse } from './playerResponseTypes';
import { syntheticCues, type Cue } from './syntheticTranscript';

const schema = {
	type: 'object',
	properties: { summary: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
	required: ['summary', 'tags'],
	additionalProperties: false,
} as const;

const messages = [
	{ role: 'system' as const, content: 'Summarize the transcript.' },
	{ role: 'user' as const, content: 'A synthetic transcript about a battery and a bridge.' },
];

function createWithSchema(client: OpenAI) {
	return client.chat.completions.create({
		model: 'gpt-4o-mini',
		messages,
		response_format: { type: 'json_schema', json_schema: { name: 'x', strict: true, schema } },
	});
}

describe('fake OpenAI server with the real openai SDK', () => {
	let server: FakeOpenAI;
	const apiKey = 'sk-test-key-123456';

	beforeEach(async () => {
		server = await startFakeOpenAI({ apiKey });
	});
	afterEach(() => server.close());

	const client = (key = apiKey) => new OpenAI({ apiKey: key, baseURL: server.baseUrl, maxRetries: 0 });

	it('returns the scripted object for a json_schema request and records the request', async () => {
		server.set({ respond: jsonReply({ summary: 'Short.', tags: ['a', 'b'] }) });
		const completion = await createWithSchema(client());

		expect(completion.object).toBe('chat.completion');
		expect(completion.model).toBe('gpt-4o-mini');
		expect(completion.choices[0]?.finish_reason).toBe('stop');
		expect(completion.choices[0]?.message.refusal).toBeNull();
		expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({
			summary: 'Short.',
			tags: ['a', 'b'],
		});
		const usage = completion.usage;
		expect(usage?.prompt_tokens).toBeGreaterThan(10);
		expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));

		const [request] = server.requests;
		expect(request?.authorization).toBe(`Bearer ${apiKey}`);
		expect(request?.model).toBe('gpt-4o-mini');
		expect(request?.messages).toEqual(messages);
		expect(request?.response_format).toEqual({
			type: 'json_schema',
			json_schema: { name: 'x', strict: true, schema },
		});
		expect(request?.headers['content-type']).toContain('application/json');
		expect(request?.status).toBe(200);
	});

	it('answers a wrong key with OpenAI 401 body, surfaced as AuthenticationError', async () => {
		server.set({ respond: jsonReply({}) });
		const error = await createWithSchema(client('sk-wrong-key-abcdef')).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AuthenticationError);
		const apiError = error as AuthenticationError;
		expect(apiError.status).toBe(401);
		expect(apiError.code).toBe('invalid_api_key');
		expect(apiError.type).toBe('invalid_request_error');
		expect(apiError.message).toMatch(/^401 Incorrect API key provided: sk-\*+cdef\./);
		expect(server.requests[0]?.callIndex).toBe(-1);
	});

	it('maps 429 to RateLimitError with retry headers, and 500 to InternalServerError', async () => {
		server.set({ respond: sequence([errorReply(429, { retryAfterSeconds: 2 }), errorReply(500)]) });
		const rateLimited = await createWithSchema(client()).catch((e: unknown) => e);
		expect(rateLimited).toBeInstanceOf(RateLimitError);
		expect((rateLimited as RateLimitError).headers.get('retry-after')).toBe('2');
		expect((rateLimited as RateLimitError).headers.get('x-should-retry')).toBe('true');
		expect((rateLimited as RateLimitError).code).toBe('rate_limit_exceeded');

		const serverError = await createWithSchema(client()).catch((e: unknown) => e);
		expect(serverError).toBeInstanceOf(InternalServerError);
		expect((serverError as InternalServerError).status).toBe(500);
	});

	it('lets the SDK retry a 429 and then succeed (x-should-retry + fractional retry-after)', async () => {
		server.set({
			respond: sequence([errorReply(429, { retryAfterSeconds: 0.01 }), jsonReply({ summary: 'ok', tags: [] })]),
		});
		const retrying = new OpenAI({ apiKey, baseURL: server.baseUrl, maxRetries: 1 });
		const completion = await createWithSchema(retrying);
		expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({ summary: 'ok', tags: [] });
		expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
	});

	it('scripts text, refusal, 404 and delayed replies; a sequence overrun fails loudly', async () => {
		server.set({
			respond: sequence([
				textReply('{not json'),
				refusalReply('I cannot help with that.'),
				errorReply(404),
				delayed(20, jsonReply({ n: 1 })),
			]),
		});
		const text = await createWithSchema(client());
		expect(text.choices[0]?.message.content).toBe('{not json');

		const refusal = await createWithSchema(client());
		expect(refusal.choices[0]?.message.content).toBeNull();
		expect(refusal.choices[0]?.message.refusal).toBe('I cannot help with that.');

		const notFound = await createWithSchema(client()).catch((e: unknown) => e);
		expect(notFound).toBeInstanceOf(NotFoundError);
		expect((notFound as NotFoundError).message).toContain('The model `gpt-4o-mini` does not exist');

		const started = Date.now();
		const slow = await createWithSchema(client());
		expect(Date.now() - started).toBeGreaterThanOrEqual(15);
		expect(slow.choices[0]?.message.content).toBe('{"n":1}');

		const overrun = await createWithSchema(client()).catch((e: unknown) => e);
		expect(overrun).toBeInstanceOf(InternalServerError);
		expect((overrun as InternalServerError).message).toContain('sequence exhausted');
	});

	it('passes the call index to a responder and honours usage/finishReason overrides', async () => {
		server.set({
			respond: (request, callIndex) =>
				jsonReply(
					{ call: callIndex, model: request.model },
					{ usage: { prompt_tokens: 7, completion_tokens: 3 }, finishReason: 'length' },
				),
		});
		await createWithSchema(client());
		const second = await createWithSchema(client());
		expect(JSON.parse(second.choices[0]?.message.content ?? '')).toEqual({ call: 1, model: 'gpt-4o-mini' });
		expect(second.choices[0]?.finish_reason).toBe('length');
		expect(second.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });
	});

	it('rejects stream: true with 400', async () => {
		server.set({ respond: jsonReply({}) });
		const error = await client()
			.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BadRequestError);
	});

	it('lists models', async () => {
		server.set({ models: ['gpt-4o-mini', { id: 'local-model', owned_by: 'me' }] });
		const page = await client().models.list();
		expect(page.data.map((model) => [model.id, model.object, model.owned_by])).toEqual([
			['gpt-4o-mini', 'model', 'system'],
			['local-model', 'model', 'me'],
		]);
		const error = await client('nope')
			.models.list()
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AuthenticationError);
	});
});

/**
 * youtube-transcript's `fetch` option, pointed at the fake: https://www.youtube.com/... → http://127.0.0.1:PORT/...
 * The request itself goes through Node's global fetch (undici), so real HTTP crosses the loopback.
 */
function loopbackFetch(youtube: FakeYouTube): typeof fetch {
	return (input: string | URL | Request, init?: RequestInit) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		return fetch(url.replace(/^https:\/\/www\.youtube\.com/, youtube.baseUrl), init);
	};
}

const VIDEO_ID = 'GJLlxj_dtq8';

/** What youtube-transcript returns for a cue: srv3 offsets and durations are integer milliseconds. */
const expectedFromSrv3 = (cues: readonly Cue[]) =>
	cues.map((cue) => ({
		text: cue.text,
		offset: Math.round(cue.start * 1000),
		duration: Math.round(cue.duration * 1000),
		lang: 'en',
	}));

describe('fake YouTube server with the real youtube-transcript package', () => {
	let youtube: FakeYouTube;
	afterEach(() => youtube.close());

	it('serves a synthetic player and srv3 ASR captions; offsets come back in ms', async () => {
		const cues = syntheticCues({ durationSeconds: 120, asrStyle: true, seed: 7 });
		youtube = await startFakeYouTube({
			player: syntheticPlayer({
				videoId: VIDEO_ID,
				title: 'Synthetic',
				lengthSeconds: 120,
				tracks: [{ languageCode: 'en', kind: 'asr' }],
			}),
			timedtext: captionsFromCues({ 'en:asr': cues }),
		});

		const transcript = await fetchTranscript(VIDEO_ID, { lang: 'en', fetch: loopbackFetch(youtube) });
		expect(transcript).toEqual(expectedFromSrv3(cues));

		const [player, timedtext] = youtube.requests;
		expect(player?.method).toBe('POST');
		expect(player?.path).toBe('/youtubei/v1/player');
		expect(JSON.parse(player?.body ?? '')).toMatchObject({
			videoId: VIDEO_ID,
			context: { client: { clientName: 'ANDROID' } },
		});
		expect(timedtext?.path).toBe('/api/timedtext');
		expect(timedtext?.query.get('kind')).toBe('asr');
		expect(timedtext?.query.get('fmt')).toBe('srv3');
		expect(timedtext?.headers['user-agent']).toContain('Chrome/85');
		expect(timedtext?.responseHeaders['content-type']).toBe('text/xml; charset=UTF-8');
		expect(youtube.stats()).toEqual({
			requests: 2,
			bytesSent: (player?.bytesSent ?? 0) + (timedtext?.bytesSent ?? 0),
		});
		expect(timedtext?.bytesSent).toBeGreaterThan(1000);
	});

	it('serves the recorded player; lang "en" picks the first en track (manual) and gets manual srv3', async () => {
		const cues: Cue[] = [
			{ start: 0, duration: 2.5, text: `It's "R&D" <live>` },
			{ start: 2.5, duration: 1.25, text: 'line one\nline two' },
		];
		youtube = await startFakeYouTube({
			player: recordedPlayer('youtube.innertube.json'),
			timedtext: captionsFromCues({ en: cues }),
		});
		const transcript = await fetchTranscript(VIDEO_ID, { lang: 'en', fetch: loopbackFetch(youtube) });
		// youtube-transcript strips tags before decoding entities, so an escaped `<live>` survives; newlines are kept.
		expect(transcript).toEqual([
			{ text: `It's "R&D" <live>`, offset: 0, duration: 2500, lang: 'en' },
			{ text: 'line one\nline two', offset: 2500, duration: 1250, lang: 'en' },
		]);
		expect(youtube.requests[1]?.query.get('kind')).toBeNull();
	});

	it('classic srv1 comes back in SECONDS (the unit difference the plugin must normalise)', async () => {
		// Same cues, but answered as srv1 (what YouTube sends when the URL has no fmt). youtube-transcript then reports
		// offset/duration as parseFloat(seconds), not ms, and leaves named entities double-escaped (`&amp;` stays).
		const cues: Cue[] = [
			{ start: 0.5, duration: 3.2, text: "Hey, I'm Jason & Tom" },
			{ start: 3.7, duration: 1.04, text: 'plain' },
		];
		youtube = await startFakeYouTube({
			player: syntheticPlayer({ videoId: VIDEO_ID, tracks: [{ languageCode: 'en' }] }),
			timedtext: captionsFromCues({ en: cues }, { format: 'srv1' }),
		});
		const transcript = await fetchTranscript(VIDEO_ID, { lang: 'en', fetch: loopbackFetch(youtube) });
		expect(transcript).toEqual<TranscriptResponse[]>([
			{ text: "Hey, I'm Jason &amp; Tom", offset: 0.5, duration: 3.2, lang: 'en' },
			{ text: 'plain', offset: 3.7, duration: 1.04, lang: 'en' },
		]);
	});

	it('honours the FIRST fmt value like YouTube (byFmtParam)', async () => {
		const cues = syntheticCues({ durationSeconds: 20, seed: 3 });
		youtube = await startFakeYouTube({ timedtext: captionsFromCues(() => cues) });
		const get = (query: string) => fetch(`${youtube.baseUrl}/api/timedtext?v=${VIDEO_ID}&lang=en${query}`);

		const json3 = await get('&fmt=json3&fmt=srv3');
		expect(json3.headers.get('content-type')).toBe('application/json; charset=UTF-8');
		const body = (await json3.json()) as Json3Body;
		expect(body).toEqual(toJson3Object(cues));
		expect(body.events.map((event) => event.segs?.map((seg) => seg.utf8).join(''))).toEqual(
			cues.map((cue) => cue.text),
		);

		expect(await (await get('&fmt=srv3&fmt=json3')).text()).toMatch(/^<\?xml[^>]*\?><timedtext format="3">/);
		expect(await (await get('')).text()).toMatch(/<transcript><text start="0" dur="/);
		expect((await get('&fmt=vtt')).status).toBe(400);
	});

	it('json3 ASR bodies parse back to the cues (skipping window and append events)', async () => {
		const cues = syntheticCues({ durationSeconds: 60, asrStyle: true, seed: 11 });
		youtube = await startFakeYouTube({ timedtext: captionsFromCues({ 'en:asr': cues }) });
		const response = await fetch(`${youtube.baseUrl}/api/timedtext?v=${VIDEO_ID}&kind=asr&lang=en&fmt=json3`);
		const body = (await response.json()) as Json3Body;
		expect(body.wireMagic).toBe('pb3');
		expect(body.events[0]).toEqual({ tStartMs: 0, dDurationMs: 60000, id: 1, wpWinPosId: 1, wsWinStyleId: 1 });
		const appendEvents = body.events.filter((event) => event.aAppend === 1);
		expect(appendEvents).toHaveLength(cues.length - 1);
		expect(appendEvents.every((event) => event.segs?.[0]?.utf8 === '\n')).toBe(true);

		const parsed = body.events
			.filter((event) => event.segs && event.aAppend !== 1)
			.map((event) => ({
				start: event.tStartMs / 1000,
				duration: event.dDurationMs / 1000,
				text: (event.segs ?? []).map((seg) => seg.utf8).join(''),
			}));
		expect(parsed).toEqual(cues);
	});

	it('withholds PO-token tracks with HTTP 200 and an empty body; youtube-transcript then resolves []', async () => {
		youtube = await startFakeYouTube({
			player: syntheticPlayer({ videoId: VIDEO_ID, tracks: [{ languageCode: 'en', poToken: true }] }),
			timedtext: emptyBodyWhenPoToken(captionsFromCues({ en: syntheticCues({ durationSeconds: 10 }) })),
		});
		expect(await fetchTranscript(VIDEO_ID, { lang: 'en', fetch: loopbackFetch(youtube) })).toEqual([]);
		const timedtext = youtube.requests[1];
		expect(timedtext?.query.get('exp')).toBe('xpe');
		expect(timedtext?.status).toBe(200);
		expect(timedtext?.bytesSent).toBe(0);
		expect(timedtext?.responseHeaders['content-length']).toBe('0');
	});

	it('maps a timedtext 429 to NotAvailableError and a recaptcha watch page to TooManyRequestError', async () => {
		youtube = await startFakeYouTube({ player: recordedPlayer('youtube.innertube.json'), timedtext: status(429) });
		await expect(fetchTranscript(VIDEO_ID, { lang: 'en', fetch: loopbackFetch(youtube) })).rejects.toBeInstanceOf(
			YoutubeTranscriptNotAvailableError,
		);

		// Bot check on the player → the package falls back to the watch page, which is the recaptcha page.
		youtube.set({
			player: recordedPlayer('youtube_request_blocked.innertube.json'),
			watchPage: recordedPage('youtube_too_many_requests.html', 429),
		});
		youtube.reset();
		await expect(fetchTranscript(VIDEO_ID, { fetch: loopbackFetch(youtube) })).rejects.toBeInstanceOf(
			YoutubeTranscriptTooManyRequestError,
		);
		expect(youtube.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'POST /youtubei/v1/player 200',
			`GET /watch 429`,
		]);
		expect(youtube.requests[1]?.query.get('v')).toBe(VIDEO_ID);
	});
});

describe('fake YouTube server responders', () => {
	let youtube: FakeYouTube;
	afterEach(() => youtube.close());

	const postPlayer = async (
		videoId: string,
		clientName: string,
	): Promise<{ status: number; json: PlayerResponse }> => {
		const response = await fetch(`${youtube.baseUrl}/youtubei/v1/player?prettyPrint=false`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ context: { client: { clientName, clientVersion: '1.0' } }, videoId }),
		});
		return { status: response.status, json: (await response.json()) as PlayerResponse };
	};

	it('dispatches by client and by video, with YouTube-like defaults', async () => {
		youtube = await startFakeYouTube({
			player: playerByClient({
				IOS: playerByVideo({ abcdefghijk: syntheticPlayer({ videoId: 'abcdefghijk', title: 'iOS one' }) }),
				ANDROID_VR: recordedPlayer('youtube_request_blocked.innertube.json'),
			}),
		});
		const ios = await postPlayer('abcdefghijk', 'IOS');
		expect(ios.json.videoDetails?.title).toBe('iOS one');
		expect((await postPlayer('zzzzzzzzzzz', 'IOS')).json.playabilityStatus?.status).toBe('ERROR');
		expect((await postPlayer('abcdefghijk', 'ANDROID_VR')).json.playabilityStatus?.status).toBe('LOGIN_REQUIRED');
		expect((await postPlayer('abcdefghijk', 'WEB')).status).toBe(400);
		expect(youtube.requests[0]?.headers['content-type']).toBe('application/json');

		youtube.set({ player: undefined });
		expect((await postPlayer('abcdefghijk', 'IOS')).status).toBe(404);
	});

	it('builds synthetic players shaped like the recorded ANDROID response', async () => {
		youtube = await startFakeYouTube({
			player: syntheticPlayer({
				videoId: 'abcdefghijk',
				lengthSeconds: 3600,
				tracks: [
					{ languageCode: 'de' },
					{ languageCode: 'en', kind: 'asr' },
					{ languageCode: 'en', poToken: true },
				],
			}),
		});
		const { json } = await postPlayer('abcdefghijk', 'ANDROID');
		const renderer = json.captions?.playerCaptionsTracklistRenderer;
		const tracks = renderer?.captionTracks ?? [];
		expect(tracks.map((t) => [t.vssId, t.kind, t.name.runs?.[0]?.text])).toEqual([
			['.de', undefined, 'German'],
			['a.en', 'asr', 'English (auto-generated)'],
			['.en', undefined, 'English'],
		]);
		expect(renderer?.audioTracks?.[0]?.defaultCaptionTrackIndex).toBe(2);
		for (const track of tracks) {
			const url = new URL(track.baseUrl);
			expect(url.origin).toBe('https://www.youtube.com');
			expect(url.searchParams.get('fmt')).toBe('srv3');
			expect(url.searchParams.get('caps')).toBe('asr');
		}
		expect(tracks[1]?.baseUrl).toContain('&kind=asr&lang=en&fmt=srv3');
		expect(tracks[2]?.baseUrl).toContain('&exp=xpe&');
		expect(json.videoDetails).toMatchObject({ videoId: 'abcdefghijk', lengthSeconds: '3600' });
		expect(json.videoDetails?.thumbnail.thumbnails[0]?.url).toBe('https://i.ytimg.com/vi/abcdefghijk/default.jpg');

		const recorded = await startFakeYouTube({ player: recordedPlayer('youtube.innertube.json') });
		try {
			const real = (await (
				await fetch(`${recorded.baseUrl}/youtubei/v1/player`, { method: 'POST', body: '{}' })
			).json()) as PlayerResponse;
			const keysOf = (value: object | undefined) => Object.keys(value ?? {}).sort();
			expect(keysOf(json.videoDetails)).toEqual(keysOf(real.videoDetails));
			expect(keysOf(tracks[0])).toEqual(
				keysOf(real.captions?.playerCaptionsTracklistRenderer?.captionTracks?.[0]),
			);
			expect(keysOf(renderer)).toEqual(keysOf(real.captions?.playerCaptionsTracklistRenderer));
		} finally {
			await recorded.close();
		}
	});

	it('serves oEmbed, 404s unknown paths, applies latency and sequences', async () => {
		youtube = await startFakeYouTube({
			oembed: oembedFor({ abcdefghijk: { title: 'A & B', author_name: 'Some Channel' } }),
			timedtext: inSequence([
				status(429),
				status(503),
				captionsFromCues({ en: [{ start: 0, duration: 1, text: 'hi' }] }),
			]),
			latencyMs: 30,
		});
		const watchUrl = encodeURIComponent('https://www.youtube.com/watch?v=abcdefghijk');
		const started = Date.now();
		const oembed = await fetch(`${youtube.baseUrl}/oembed?url=${watchUrl}&format=json`);
		expect(Date.now() - started).toBeGreaterThanOrEqual(25);
		expect(await oembed.json()).toMatchObject({
			title: 'A & B',
			author_name: 'Some Channel',
			author_url: 'https://www.youtube.com/@SomeChannel',
		});
		expect(
			(await fetch(`${youtube.baseUrl}/oembed?url=${encodeURIComponent('https://youtu.be/zzzzzzzzzzz')}`)).status,
		).toBe(404);
		expect((await fetch(`${youtube.baseUrl}/elsewhere`)).status).toBe(404);

		youtube.set({ latencyMs: 0 });
		const timedtext = () => fetch(`${youtube.baseUrl}/api/timedtext?lang=en&fmt=srv3`).then((r) => r.status);
		expect([await timedtext(), await timedtext(), await timedtext(), await timedtext()]).toEqual([
			429, 503, 200, 200,
		]);
	});
});
