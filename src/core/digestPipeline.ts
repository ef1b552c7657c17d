import { DigestError, throwIfCancelled } from './errors';
import { HttpClient } from './http';
import { ChatModel, TokenUsage } from './llm/chatModel';
import { buildDigestMessages, randomBoundary } from './llm/digestPrompt';
import { Digest, groundDigest } from './llm/grounding';
import { requestDigest } from './llm/summarize';
import { insertBacklink } from './notes/backlink';
import { availableNotePath, safeFileName, safeFolderPath } from './notes/fileName';
import { NoteStore } from './notes/noteStore';
import { buildDigestContext, buildDigestProperties, DigestContext } from './render/digestContext';
import { serializeFrontmatter } from './render/frontmatter';
import { loadTemplateEngine } from './render/templateEngine';
import { TimestampStyle } from './render/templateHelpers';
import { groupIntoParagraphs, Paragraph } from './transcript/paragraphs';
import { fetchVideo } from './youtube/fetchVideo';
import { InnertubeClient } from './youtube/innertubeClients';
import { Transcript } from './youtube/transcriptSession';
import { VideoInfo } from './youtube/videoInfo';
import { VideoRef } from './youtube/videoUrl';

export type DigestStage = 'fetching' | 'summarizing' | 'writing';

export interface DigestOptions {
	outputFolder: string;
	/** Caption languages in order of preference; empty means the spoken language. */
	transcriptLanguages: string[];
	/** Language of the digest; empty means the transcript's. */
	outputLanguage: string;
	timestampStyle: TimestampStyle;
	template: string;
	innertubeClients: InnertubeClient[];
	preferredClient?: string;
}

export interface DigestRequest {
	video: VideoRef;
	/** The note the link came from: it gets a link to the digest, and the digest links back to it. */
	source?: { path: string; linkText?: string };
	options: DigestOptions;
}

export interface DigestDependencies {
	http: HttpClient;
	/** Null writes a transcript digest: metadata, chapters and the timestamped transcript, no summary. */
	chatModel: ChatModel | null;
	notes: NoteStore;
	now: () => Date;
	onProgress?: (stage: DigestStage) => void;
	signal?: AbortSignal;
	boundary?: () => string;
}

/** Everything a digest note is made from, before anything is written. */
export interface DigestData {
	info: VideoInfo;
	transcript: Transcript;
	paragraphs: Paragraph[];
	digest: Digest | null;
	outputLanguage: string;
	usage: TokenUsage | null;
	llmCalls: number;
	clientName: string;
}

export interface DigestOutcome extends DigestData {
	path: string;
}

/**
 * Link → transcript → digest → note. Nothing is written until everything before it has succeeded, and a
 * failure while linking the source note removes the digest note again, so a failed run leaves the vault
 * as it was.
 */
export async function createDigest(request: DigestRequest, deps: DigestDependencies): Promise<DigestOutcome> {
	const data = await makeDigestData(request, deps);
	const path = await writeDigestNote(data, request, deps);
	return { ...data, path };
}

/** Transcript and metadata from YouTube, then the digest from the model (when there is one). */
export async function makeDigestData(request: DigestRequest, deps: DigestDependencies): Promise<DigestData> {
	const { options } = request;
	deps.onProgress?.('fetching');
	const fetched = await fetchVideo(deps.http, request.video.id, {
		clients: options.innertubeClients,
		preferredClient: options.preferredClient,
		preferredLanguages: options.transcriptLanguages,
		signal: deps.signal,
	});
	throwIfCancelled(deps.signal);
	const { info, transcript } = fetched;
	const paragraphs = groupIntoParagraphs(transcript.segments, info.chapters);
	const outputLanguage = options.outputLanguage.trim() || transcript.languageCode;
	const data: DigestData = { info, transcript, paragraphs, digest: null, outputLanguage, usage: null, llmCalls: 0, clientName: fetched.clientName };
	if (!deps.chatModel) return data;

	deps.onProgress?.('summarizing');
	const messages = buildDigestMessages({
		title: info.title,
		channel: info.channel.name,
		durationSeconds: info.durationSeconds,
		chapters: info.chapters,
		paragraphs,
		outputLanguage,
		boundary: (deps.boundary ?? randomBoundary)(),
	});
	const summary = await requestDigest(deps.chatModel, messages, deps.signal);
	throwIfCancelled(deps.signal);
	return { ...data, digest: groundDigest(summary.digest, transcript.segments, info.durationSeconds), usage: summary.usage, llmCalls: summary.calls };
}

/** The template's view of the data, as a note at `notePath` sees it (links to the source are relative to it). */
export function digestContextFor(data: DigestData, request: DigestRequest, deps: DigestDependencies, notePath: string): DigestContext {
	return buildDigestContext({
		info: data.info,
		transcript: data.transcript,
		paragraphs: data.paragraphs,
		digest: data.digest,
		sourceNoteLink: request.source ? deps.notes.markdownLink(request.source.path, notePath) : '',
		created: deps.now(),
		model: data.digest ? (deps.chatModel?.model ?? '') : '',
		outputLanguage: data.outputLanguage,
		timestampStyle: request.options.timestampStyle,
	});
}

/** Renders and creates the digest note, then links it from the source note; returns its path. */
export async function writeDigestNote(data: DigestData, request: DigestRequest, deps: DigestDependencies): Promise<string> {
	deps.onProgress?.('writing');
	const folder = safeFolderPath(request.options.outputFolder);
	const path = availableNotePath(folder, safeFileName(data.info.title, `YouTube ${data.info.id}`), (candidate) => deps.notes.exists(candidate));
	const source = request.source;
	const context = digestContextFor(data, request, deps, path);
	const body = (await loadTemplateEngine()).render(request.options.template, context);
	const properties = buildDigestProperties(context, source ? deps.notes.propertyLink(source.path, path) : '');
	throwIfCancelled(deps.signal);

	await writeNote(deps.notes, path, serializeFrontmatter(properties) + body);
	if (source) await linkSourceNote(deps.notes, source, path, data.info.id);
	return path;
}

async function writeNote(notes: NoteStore, path: string, content: string): Promise<void> {
	try {
		await notes.create(path, content);
	} catch (error) {
		throw new DigestError('write-failed', error instanceof Error ? error.message : undefined, { cause: error });
	}
}

async function linkSourceNote(notes: NoteStore, source: { path: string; linkText?: string }, digestPath: string, videoId: string) {
	try {
		const digestLink = notes.markdownLink(digestPath, source.path);
		await notes.update(source.path, (text) => insertBacklink(text, { videoId, originalLinkText: source.linkText, digestLink }));
	} catch (error) {
		await notes.remove(digestPath).catch(() => undefined);
		throw new DigestError('write-failed', error instanceof Error ? error.message : undefined, { cause: error });
	}
}
