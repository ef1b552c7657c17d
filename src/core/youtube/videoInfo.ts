import { Chapter, parseChapters } from './chapters';
import { PlayerResponse, readPlayerResponse } from './playerResponseData';
import { watchUrl } from './videoUrl';

export interface VideoInfo {
	id: string;
	url: string;
	title: string;
	channel: { name: string; id: string; url: string };
	durationSeconds: number;
	description: string;
	thumbnail: string;
	keywords: string[];
	/** ISO date (YYYY-MM-DD) when the response carries it; the mobile clients' responses do not. */
	published: string | null;
	chapters: Chapter[];
	isLive: boolean;
}

/** What the note shows about the video; a field that is missing or of the wrong type falls back on its own. */
export function extractVideoInfo(videoId: string, raw: unknown): VideoInfo {
	const player = readPlayerResponse(raw);
	const details = player.videoDetails ?? {};
	const microformat = player.microformat?.playerMicroformatRenderer;
	const durationSeconds = Number(details.lengthSeconds ?? 0) || 0;
	const description = details.shortDescription ?? '';
	const channelId = details.channelId ?? '';
	return {
		id: videoId,
		url: watchUrl(videoId),
		title: details.title?.trim() || `YouTube video ${videoId}`,
		channel: {
			name: details.author?.trim() || 'Unknown channel',
			id: channelId,
			url:
				microformat?.ownerProfileUrl?.replace(/^http:/, 'https:') ??
				(channelId ? `https://www.youtube.com/channel/${channelId}` : ''),
		},
		durationSeconds,
		description,
		thumbnail: largestThumbnail(player) ?? `https://i.ytimg.com/vi/${videoId}/hqdefault.jpg`,
		keywords: details.keywords ?? [],
		published: isoDate(microformat?.publishDate ?? microformat?.uploadDate),
		chapters: parseChapters(description, durationSeconds),
		isLive: details.isLiveContent === true,
	};
}

function largestThumbnail(player: PlayerResponse): string | undefined {
	const thumbnails = player.videoDetails?.thumbnail?.thumbnails ?? [];
	const largest = [...thumbnails].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
	return largest?.url.split(/[?#]/)[0];
}

function isoDate(value: string | undefined): string | null {
	const match = value ? /^\d{4}-\d{2}-\d{2}/.exec(value) : null;
	return match ? match[0] : null;
}
