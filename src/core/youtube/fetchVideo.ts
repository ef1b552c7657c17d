import { DigestError } from '../errors';
import { HttpClient } from '../http';
import { CaptionTrackPick, captionTrackChoices, chooseCaptionTrack } from './captionTrack';
import { InnertubeClient, orderClients } from './innertubeClients';
import { fetchPlayer, PlayerResponse } from './playerResponse';
import { fetchCaptionSegments, Transcript } from './transcriptSession';
import { extractVideoInfo, VideoInfo } from './videoInfo';

export interface FetchVideoOptions {
	clients: InnertubeClient[];
	/** Name of the client that worked last time; it is tried first. */
	preferredClient?: string;
	preferredLanguages: string[];
	signal?: AbortSignal;
	/** A caption track the user picked, instead of the one the languages choose. */
	track?: CaptionTrackPick;
	/** A transcript the user supplied: YouTube is asked only for the metadata, and may fail to give it. */
	transcript?: Transcript;
	/** Asked when YouTube gives no transcript; a transcript from it stands in, null lets the failure stand. */
	fallback?: (info: VideoInfo) => Promise<Transcript | null>;
}

export interface FetchedVideo {
	info: VideoInfo;
	transcript: Transcript;
	/** The client that worked, worth remembering for next time; '' when none did. */
	clientName: string;
}

/** Metadata and transcript of one video: a player request (per client until one works) and a caption request. */
export async function fetchVideo(http: HttpClient, videoId: string, options: FetchVideoOptions): Promise<FetchedVideo> {
	const clients = orderClients(options.clients, options.preferredClient);
	const standIn = options.transcript ? () => Promise.resolve(options.transcript ?? null) : options.fallback;
	const need = options.transcript ? 'ignored' : standIn ? 'preferred' : 'required';
	let result;
	try {
		result = await fetchPlayer(http, videoId, clients, options.signal, need);
	} catch (error) {
		// Without any answer from YouTube a supplied transcript still makes a digest, titled by the video id.
		return withStandIn(error, extractVideoInfo(videoId, {}), '', standIn);
	}
	const { player, client, captionFailure } = result;
	const info = extractVideoInfo(videoId, player);
	if (options.transcript) return { info, transcript: options.transcript, clientName: client.name };
	try {
		if (captionFailure) throw captionFailure;
		const list = player.captions?.playerCaptionsTracklistRenderer;
		const chosen = chooseCaptionTrack(list, options.preferredLanguages, options.track);
		const transcript = await fetchCaptionSegments(http, videoId, player, client, chosen, options.signal);
		return { info, transcript, clientName: client.name };
	} catch (error) {
		return withStandIn(error, info, client.name, standIn);
	}
}

/** The caption tracks a video offers, for the user to pick one. */
export async function listCaptionTracks(
	http: HttpClient,
	videoId: string,
	options: Pick<FetchVideoOptions, 'clients' | 'preferredClient' | 'signal'>,
): Promise<{ info: VideoInfo; tracks: ReturnType<typeof captionTrackChoices> }> {
	const clients = orderClients(options.clients, options.preferredClient);
	const { player } = await fetchPlayer(http, videoId, clients, options.signal);
	return { info: extractVideoInfo(videoId, player), tracks: captionTrackChoices(captionList(player)) };
}

async function withStandIn(
	error: unknown,
	info: VideoInfo,
	clientName: string,
	standIn: FetchVideoOptions['fallback'],
): Promise<FetchedVideo> {
	if (!standIn || !(error instanceof DigestError) || error.kind === 'cancelled') throw error;
	const transcript = await standIn(info);
	if (!transcript) throw error;
	return { info, transcript, clientName };
}

function captionList(player: PlayerResponse) {
	return player.captions?.playerCaptionsTracklistRenderer;
}
