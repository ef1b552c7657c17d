import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { DigestRequest, DigestStage } from '../core/digest';
import { createDigest, DigestDependencies, makeDigestData } from '../core/digestPipeline';
import { DEFAULT_BASE_URL, DEFAULT_MODEL, digestOptions } from '../core/defaults';
import { digestContext } from '../core/digestNotes/renderDigest';
import { folderVaultIndex } from './folderVaultIndex';
import { presetById, PRESETS } from '../core/render/presets';
import { formatCost } from '../core/llm/pricing';
import { connectChatModel } from '../core/llm/modelConnection';
import { DigestError, userMessage } from '../core/errors';
import { HttpClient } from '../core/http';
import { chooseVideoLink } from '../core/notes/linkInNote';
import { parseVideoInput, VideoRef } from '../core/youtube/videoUrl';
import { CliOptions, HELP, parseCliArgs, UsageError } from './cliArgs';
import { EXIT, exitCodeFor } from './exitCodes';
import { folderNoteStore } from './folderNoteStore';
import { nodeHttp } from './nodeHttp';
import { propertiesFromFrontmatter } from './frontmatterProperties';

export interface CliEnvironment {
	argv: string[];
	env: Record<string, string | undefined>;
	cwd: string;
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	/** Progress lines only make sense on a terminal. */
	stderrIsTTY: boolean;
	http?: HttpClient;
	signal?: AbortSignal;
	now?: () => Date;
	version?: string;
}

const TRANSCRIPT_ONLY =
	'No OPENAI_API_KEY is set, so this is a transcript digest without a summary. ' +
	'Set OPENAI_API_KEY (and OPENAI_BASE_URL for another server) for the full digest.';
const STAGES: Record<DigestStage, string> = {
	fetching: 'Fetching transcript…',
	summarizing: 'Summarizing…',
	writing: 'Writing the note…',
};

/** The whole command: arguments in, an exit code out; every message goes through stdout/stderr. */
export async function runCli(environment: CliEnvironment): Promise<number> {
	let options: CliOptions;
	try {
		options = parseCliArgs(environment.argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		environment.stderr(`${error.message}\nRun youtube-digest --help for usage.\n`);
		return EXIT.badInput;
	}
	if (options.help) {
		environment.stdout(HELP);
		return EXIT.ok;
	}
	if (options.version) {
		environment.stdout(`${environment.version ?? 'unknown'}\n`);
		return EXIT.ok;
	}
	try {
		return await digest(options, environment);
	} catch (error) {
		const usage = error instanceof UsageError;
		environment.stderr(`${usage ? error.message : userMessage(error)}\n`);
		return usage ? EXIT.badInput : exitCodeFor(error);
	}
}

async function digest(options: CliOptions, environment: CliEnvironment): Promise<number> {
	const vault = resolve(environment.cwd, options.vault);
	const notes = await folderNoteStore(vault);
	const notePath = options.note ? vaultRelative(vault, resolve(environment.cwd, options.note)) : null;
	const { video, linkText } = await chooseVideo(options, vault, notePath);
	const http = environment.http ?? nodeHttp;
	const chatModel = connectChatModel(http, {
		apiKey: environment.env.OPENAI_API_KEY?.trim() ?? '',
		baseUrl: options.baseUrl ?? environment.env.OPENAI_BASE_URL ?? DEFAULT_BASE_URL,
		model: options.model ?? environment.env.YOUTUBE_DIGEST_MODEL ?? DEFAULT_MODEL,
	});
	const request: DigestRequest = {
		video,
		source: notePath ? { path: notePath, linkText } : undefined,
		options: digestOptions({
			outputFolder: options.folder,
			transcriptLanguages: options.lang ? [options.lang] : [],
			outputLanguage: options.lang ?? '',
			template: await chooseTemplate(options.template, chatModel !== null, environment.cwd),
		}),
	};
	const showProgress = environment.stderrIsTTY && !options.quiet;
	const deps: DigestDependencies = {
		http,
		chatModel,
		notes,
		index: await folderVaultIndex(vault),
		now: environment.now ?? (() => new Date()),
		onProgress: showProgress
			? (stage, parts) =>
					environment.stderr(`${STAGES[stage]}${parts ? ` ${parts.finished}/${parts.total} parts` : ''}\n`)
			: undefined,
		signal: environment.signal,
	};
	if (!chatModel && !options.quiet) environment.stderr(`${TRANSCRIPT_ONLY}\n`);
	if (options.json) {
		const data = await makeDigestData(request, deps);
		const context = digestContext({
			data,
			created: deps.now(),
			sourceNoteLink: '',
			sourceNoteProperty: '',
			options: request.options,
		});
		environment.stdout(`${JSON.stringify(context, null, 2)}\n`);
		return EXIT.ok;
	}
	const outcome = await createDigest(request, deps);
	if (showProgress && outcome.usage) {
		const { inputTokens, outputTokens } = outcome.usage;
		environment.stderr(`${inputTokens} input and ${outputTokens} output tokens, ${formatCost(outcome.cost)}.\n`);
	}
	for (const warning of outcome.warnings ?? []) environment.stderr(`Content check: ${warning}.\n`);
	environment.stdout(`${resolve(vault, outcome.path)}\n`);
	return EXIT.ok;
}

async function chooseVideo(
	options: CliOptions,
	vault: string,
	notePath: string | null,
): Promise<{ video: VideoRef; linkText?: string }> {
	if (options.input) {
		const video = parseVideoInput(options.input);
		if (!video) throw new DigestError('invalid-link', options.input);
		return { video };
	}
	const text = await readNote(vault, notePath ?? '');
	const link = chooseVideoLink({
		selection: '',
		cursorLine: '',
		cursorColumn: 0,
		properties: propertiesFromFrontmatter(text),
		text,
	});
	if (!link) throw new DigestError('no-link', notePath ?? undefined);
	return { video: link.ref, linkText: link.linkText };
}

function vaultRelative(vault: string, absolutePath: string): string {
	const path = relative(vault, absolutePath);
	if (!path || path.startsWith('..') || isAbsolute(path))
		throw new UsageError(`The note ${absolutePath} is not inside the vault ${vault}.`);
	return path.split(sep).join('/');
}

async function readNote(vault: string, path: string): Promise<string> {
	try {
		return await readFile(resolve(vault, path), 'utf8');
	} catch {
		throw new DigestError('no-link', `the note ${path} could not be read`);
	}
}

/** A preset by name (`compact`), or a template file; the full digest, or the transcript digest without a model. */
async function chooseTemplate(template: string | null, withModel: boolean, cwd: string): Promise<string> {
	if (!template) return (presetById(withModel ? 'digest' : 'transcript') ?? PRESETS[0]).source;
	const preset = presetById(template);
	if (preset) return preset.source;
	try {
		return await readFile(resolve(cwd, template), 'utf8');
	} catch {
		throw new DigestError(
			'template-invalid',
			`${template} is neither a preset (${PRESETS.map((p) => p.id).join(', ')}) nor a readable file`,
		);
	}
}
