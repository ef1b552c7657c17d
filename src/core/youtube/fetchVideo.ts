import { HttpClient } from '../http';
import { chooseCaptionTrack } from './captionTrack';
import { InnertubeClient, orderClients } from './innertubeClients';
import { fetchPlayer } from './playerResponse';
import { fetchCaptionSegments, Transcript } from './transcriptSession';
import { extractVideoInfo, VideoInfo } from './videoInfo';

export interface FetchVideoOptions {
	clients: InnertubeClient[];
	/** Name of the client that worked last time; it is tried first. */
	preferredClient?: string;
	preferredLanguages: string[];
	signal?: AbortSignal;
}

export interface FetchedVideo {
	info: VideoInfo;
	transcript: Transcript;
	/** The client that worked, worth remembering for next time. */
	clientName: string;
}

/** Metadata and transcript of one video: a player request (per client until one works) and a caption request. */
export async function fetchVideo(http: HttpClient, videoId: string, options: FetchVideoOptions): Promise<FetchedVideo> {
	const clients = orderClients(options.clients, options.preferredClient);
	const { player, client } = await fetchPlayer(http, videoId, clients, options.signal);
	const info = extractVideoInfo(videoId, player);
	const chosen = chooseCaptionTrack(player.captions?.playerCaptionsTracklistRenderer, options.preferredLanguages);
	const transcript = await fetchCaptionSegments(http, videoId, player, client, chosen, options.signal);
	return { info, transcript, clientName: client.name };
}
