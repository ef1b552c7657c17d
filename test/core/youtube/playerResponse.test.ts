import { userMessage } from '../../../src/core/errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseCaptionTrack } from '../../../src/core/youtube/captionTrack';
import { playabilityFailure, PlayerResponse } from '../../../src/core/youtube/playerResponse';
import { extractVideoInfo } from '../../../src/core/youtube/videoInfo';

const recorded = (name: string) =>
	JSON.parse(readFileSync(join(__dirname, '../../fixtures/youtube/recorded', name), 'utf8')) as PlayerResponse;

describe('playabilityFailure on recorded player responses', () => {
	it.each([
		['youtube.innertube.json', null],
		['youtube_ww1_nl_en.innertube.json', null],
		['youtube_age_restricted.innertube.json', 'age-restricted'],
		['youtube_request_blocked.innertube.json', 'bot-check'],
		['youtube_video_unavailable.innertube.json', 'video-unavailable'],
		['youtube_transcripts_disabled.innertube.json', 'no-captions'],
		['youtube_transcripts_disabled2.innertube.json', 'no-captions'],
		['youtube_unplayable.innertube.json', 'unplayable'],
	])('%s → %s', (file, kind) => {
		expect(playabilityFailure(recorded(file))?.kind ?? null).toBe(kind);
	});

	it("keeps YouTube's reason for an unplayable video", () => {
		expect(playabilityFailure(recorded('youtube_unplayable.innertube.json'))?.detail).toBe(
			'Custom Reason — Sub Reason 1Sub Reason 2',
		);
	});

	it("shows YouTube's reason as one sentence: one line, one full stop", () => {
		const reason = 'The following content may contain\nsuicide or self-harm topics.';
		const failure = playabilityFailure({ playabilityStatus: { status: 'CONTENT_CHECK_REQUIRED', reason } });
		expect(userMessage(failure)).toBe(
			'YouTube will not play this video here: The following content may contain suicide or self-harm topics.',
		);
	});

	it('reports withheld captions when every track needs a proof-of-origin token', () => {
		const player = recorded('youtube_po_token_required.innertube.json');
		const tracks = player.captions?.playerCaptionsTracklistRenderer?.captionTracks ?? [];
		for (const track of tracks) track.baseUrl += '&exp=xpe';
		expect(playabilityFailure(player)?.kind).toBe('po-token-required');
	});
});

describe('chooseCaptionTrack', () => {
	const list = () => recorded('youtube.innertube.json').captions?.playerCaptionsTracklistRenderer;

	it('without preferences takes the spoken language, manual first, not the first track (Chinese)', () => {
		const chosen = chooseCaptionTrack(list(), []);
		expect(chosen.track.vssId).toBe('.en');
		expect(chosen.isGenerated).toBe(false);
	});

	it("follows the user's languages in order", () => {
		expect(chooseCaptionTrack(list(), ['fr', 'de', 'en']).track.vssId).toBe('.de');
	});

	it('matches a regional code to its base language', () => {
		expect(chooseCaptionTrack(list(), ['es-MX']).track.vssId).toBe('.es');
	});

	it('skips a track that needs a token and falls back to the auto-generated one', () => {
		const chosen = chooseCaptionTrack(
			recorded('youtube_po_token_required.innertube.json').captions?.playerCaptionsTracklistRenderer,
			['en'],
		);
		expect(chosen.track.vssId).toBe('a.en');
		expect(chosen.isGenerated).toBe(true);
	});

	it('reports no captions for an empty list', () => {
		expect(() => chooseCaptionTrack({ captionTracks: [] }, [])).toThrow(
			expect.objectContaining({ kind: 'no-captions' }),
		);
	});
});

describe('extractVideoInfo', () => {
	it('reads the metadata of a recorded response', () => {
		const info = extractVideoInfo('GJLlxj_dtq8', recorded('youtube.innertube.json'));
		expect(info).toMatchObject({
			id: 'GJLlxj_dtq8',
			url: 'https://www.youtube.com/watch?v=GJLlxj_dtq8',
			title: 'Surface Go Review - It’s Awesome',
			channel: {
				name: 'Dave2D',
				id: 'UCVYamHliCI9rw1tHR1xbkfw',
				url: 'https://www.youtube.com/channel/UCVYamHliCI9rw1tHR1xbkfw',
			},
			durationSeconds: 316,
			published: null,
			chapters: [],
		});
		expect(info.description).toContain('Dave2D review of the Microsoft Surface Go.');
		expect(info.thumbnail).toMatch(/^https:\/\/i\.ytimg\.com\/vi\/GJLlxj_dtq8\/.+\.jpg$/);
	});

	it('reads the publish date when the response carries a microformat', () => {
		const player = {
			...recorded('youtube.innertube.json'),
			microformat: { playerMicroformatRenderer: { publishDate: '2018-08-02T06:00:08-07:00' } },
		};
		expect(extractVideoInfo('GJLlxj_dtq8', player).published).toBe('2018-08-02');
	});
});
