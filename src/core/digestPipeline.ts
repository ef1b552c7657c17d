import { DigestError, throwIfCancelled } from './errors';
import { HttpClient } from './http';
import { ChatModel, TokenUsage } from './llm/chatModel';
import { buildDigestMessages, randomBoundary } from './llm/digestPrompt';
import { Digest, groundDigest } from './llm/grounding';
import { requestDigest } from './llm/summarize';
import { insertBacklink } from './notes/backlink';
import { availableNotePath, safeFileName, safeFolderPath } from './notes/fileName';
import { NoteStore } from './notes/noteStore';
import { buildDigestContext, buildDigestProperties } from './render/digestContext';
import { serializeFrontmatter } from './render/frontmatter';
import { loadTemplateEngine } from './render/templateEngine';
import { TimestampStyle } from './render/templateHelpers';
import { groupIntoParagraphs } from './transcript/paragraphs';
import { fetchVideo } from './youtube/fetchVideo';
import { InnertubeClient } from './youtube/innertubeClients';
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

export interface DigestOutcome {
	path: string;
	info: VideoInfo;
	digest: Digest | null;
	usage: TokenUsage | null;
	llmCalls: number;
	clientName: string;
}

/**
 * Link → transcript → digest → note. Nothing is written until everything before it has succeeded, and a
 * failure while linking the source note removes the digest note again, so a failed run leaves the vault
 * as it was.
 */
export async function createDigest(request: DigestRequest, deps: DigestDependencies): Promise<DigestOutcome> {
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

	let digest: Digest | null = null;
	let usage: TokenUsage | null = null;
	let llmCalls = 0;
	if (deps.chatModel) {
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
		digest = groundDigest(summary.digest, transcript.segments, info.durationSeconds);
		usage = summary.usage;
		llmCalls = summary.calls;
	}
	throwIfCancelled(deps.signal);

	deps.onProgress?.('writing');
	const folder = safeFolderPath(options.outputFolder);
	const path = availableNotePath(folder, safeFileName(info.title, `YouTube ${info.id}`), (candidate) => deps.notes.exists(candidate));
	const source = request.source;
	const context = buildDigestContext({
		info,
		transcript,
		paragraphs,
		digest,
		sourceNoteLink: source ? deps.notes.markdownLink(source.path, path) : '',
		created: deps.now(),
		model: deps.chatModel?.model ?? '',
		outputLanguage,
		timestampStyle: options.timestampStyle,
	});
	const engine = await loadTemplateEngine();
	const body = engine.render(options.template, context);
	const properties = buildDigestProperties(context, source ? deps.notes.propertyLink(source.path, path) : '');
	throwIfCancelled(deps.signal);

	await writeNote(deps.notes, path, serializeFrontmatter(properties) + body);
	if (source) await linkSourceNote(deps.notes, source, path, info.id);
	return { path, info, digest, usage, llmCalls, clientName: fetched.clientName };
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
