import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { DigestRequest, DigestStage } from '../core/digest';
import { createDigest, DigestDependencies, makeDigestData } from '../core/digestPipeline';
import { DEFAULT_BASE_URL, DEFAULT_MODEL, digestOptions } from '../core/defaults';
import { digestContext } from '../core/digestNotes/renderDigest';
import { folderVaultIndex } from './folderVaultIndex';
import { DEFAULT_PRESET, presetById, PRESETS, templateFileBody } from '../core/render/presets';
import { formatCost } from '../core/llm/pricing';
import { connectChatModel, ModelConnection } from '../core/llm/modelConnection';
import { DigestError } from '../core/errors';
import { redactSecrets } from '../core/redact';
import { frontmatterEnd } from '../core/notes/frontmatterBlock';
import { VaultIndex } from '../core/web/vaultIndex';
import { HttpClient } from '../core/http';
import { chooseVideoLink } from '../core/notes/linkInNote';
import { parseVideoInput, VideoRef } from '../core/youtube/videoUrl';
import { CliOptions, HELP, parseCliArgs, UsageError } from './cliArgs';
import { EXIT, exitCodeFor } from './exitCodes';
import { folderNoteStore } from './folderNoteStore';
import { nodeHttp } from './nodeHttp';
import { propertiesFromFrontmatter } from './frontmatterProperties';
import { cliMessage } from './cliMessages';
import { languageCode } from './languageCode';
import { listVaultNotes } from './vaultNotes';

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
		environment.stderr(`${usage ? error.message : cliMessage(error)}\n`);
		return usage ? EXIT.badInput : exitCodeFor(error);
	}
}

/**
 * Everything the user typed is checked first (vault, note, language, template), so that bad input ends the
 * run with exit 2 before any request is made and before anything is written.
 */
async function digest(options: CliOptions, environment: CliEnvironment): Promise<number> {
	const vault = await vaultFolder(environment.cwd, options.vault);
	const source = options.note ? await readSourceNote(vault, environment.cwd, options.note) : null;
	const { video, linkText } = chooseVideo(options.input, source);
	const language = options.lang === null ? null : checkedLanguage(options.lang);
	const http = environment.http ?? nodeHttp;
	const chatModel = connectChatModel(http, modelConnection(options, environment.env));
	const request: DigestRequest = {
		video,
		source: source ? { path: source.path, linkText } : undefined,
		options: digestOptions({
			outputFolder: options.folder,
			transcriptLanguages: language ? [language] : [],
			outputLanguage: language ?? '',
			template: await chooseTemplate(options.template, chatModel !== null, environment.cwd),
		}),
	};
	// --json writes nothing, so it needs neither the vault's notes nor its index.
	const vaultNotes = options.json ? [] : await listVaultNotes(vault);
	const index = options.json ? undefined : await folderVaultIndex(vault, vaultNotes);
	if (!chatModel && index && !options.force) await refuseDowngrade(vault, index, video.id, language);
	const showProgress = environment.stderrIsTTY && !options.quiet;
	const deps: DigestDependencies = {
		http,
		chatModel,
		notes: folderNoteStore(vault, vaultNotes),
		index,
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

/**
 * The model server, model and key from the flags and the environment, checked like any other input: a
 * malformed address or key ends the run with exit 2 before YouTube is asked, naming the flag or variable.
 * A variable that is set but empty (`export OPENAI_BASE_URL=`) counts as unset.
 */
function modelConnection(options: CliOptions, env: CliEnvironment['env']): ModelConnection {
	const fromEnv = (name: string) => env[name]?.trim() || undefined;
	const apiKey = env.OPENAI_API_KEY?.trim() ?? '';
	// A header value cannot hold a line break or a space, and no key has one (nor anything outside ASCII).
	if (/[^\x21-\x7e]/.test(apiKey)) {
		throw new UsageError(
			'OPENAI_API_KEY contains a space, a line break or another character that no API key has: set it to ' +
				'the key alone.',
		);
	}
	const baseUrlSource = options.baseUrl !== null ? '--base-url' : 'OPENAI_BASE_URL';
	const baseUrl = options.baseUrl ?? fromEnv('OPENAI_BASE_URL') ?? DEFAULT_BASE_URL;
	return {
		apiKey,
		baseUrl: checkedBaseUrl(baseUrl, baseUrlSource),
		model: options.model ?? fromEnv('YOUTUBE_DIGEST_MODEL') ?? DEFAULT_MODEL,
	};
}

/**
 * An OpenAI-compatible server's address, to which the client appends `/chat/completions`: http or https,
 * with a host, and nothing the appended path could not follow (a query, a fragment) or that would put a
 * secret on the command line (a user name or password in the address).
 */
function checkedBaseUrl(given: string, source: string): string {
	let url: URL | null;
	try {
		url = new URL(given);
	} catch {
		url = null;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
		throw new UsageError(
			`${source} ${redactSecrets(given)} is not the http:// or https:// address of a server (such as ` +
				'http://localhost:11434/v1).',
		);
	}
	if (url.username || url.password) {
		throw new UsageError(
			`${source} must not contain a user name or password: give the address alone and the key in ` +
				'OPENAI_API_KEY.',
		);
	}
	if (url.search || url.hash) {
		throw new UsageError(
			`${source} ${redactSecrets(given)} has a query or a fragment, which requests to the server cannot ` +
				'keep: give the address without it (such as https://api.openai.com/v1).',
		);
	}
	return given;
}

/** The vault folder, which must exist: a mistyped --vault is reported, not created. */
async function vaultFolder(cwd: string, given: string): Promise<string> {
	const path = resolve(cwd, given);
	const info = await stat(path).catch(() => null);
	if (!info) throw new UsageError(`The vault folder ${path} does not exist: check --vault.`);
	if (!info.isDirectory()) throw new UsageError(`--vault ${given} is a file, not a folder.`);
	return path;
}

interface SourceNoteText {
	/** The vault path. */
	path: string;
	text: string;
}

/**
 * The --note, read up front: a path in the vault (as in the help's example), else a path from the current
 * folder that lies inside the vault.
 */
async function readSourceNote(vault: string, cwd: string, given: string): Promise<SourceNoteText> {
	const candidates = isAbsolute(given) ? [given] : [resolve(vault, given), resolve(cwd, given)];
	const found = candidates.find((candidate) => existsSync(candidate));
	if (!found) throw new UsageError(`The note ${given} was not found in the vault ${vault}.`);
	const kind = await stat(found);
	if (kind.isDirectory()) throw new UsageError(`--note ${given} is a folder, not a note.`);
	// A pipe or a device (/dev/zero) would be read forever.
	if (!kind.isFile()) throw new UsageError(`--note ${given} is not a file.`);
	const path = await vaultRelative(vault, found);
	try {
		return { path, text: await readFile(found, 'utf8') };
	} catch (error) {
		const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
		throw new UsageError(`The note ${given} could not be read (${reason}).`);
	}
}

/** Symbolic links resolved on both sides, so a vault reached through a link still contains its notes. */
async function vaultRelative(vault: string, absolutePath: string): Promise<string> {
	const path = relative(await realpath(vault), await realpath(absolutePath));
	if (!path || path.startsWith('..') || isAbsolute(path))
		throw new UsageError(`The note ${absolutePath} is not inside the vault ${vault}.`);
	return path.split(sep).join('/');
}

function chooseVideo(input: string | null, source: SourceNoteText | null): { video: VideoRef; linkText?: string } {
	if (input) {
		const video = parseVideoInput(input);
		if (!video) throw new DigestError('invalid-link', input);
		return { video };
	}
	const link = source
		? chooseVideoLink({
				selection: '',
				cursorLine: '',
				cursorColumn: 0,
				properties: propertiesFromFrontmatter(source.text),
				text: source.text,
			})
		: null;
	if (!link) throw new DigestError('no-link', source?.path);
	return { video: link.ref, linkText: link.linkText };
}

function checkedLanguage(given: string): string {
	const code = languageCode(given);
	if (!code) {
		throw new UsageError(
			`--lang ${given} is neither a language code (such as en, de or pt-BR) nor a language name this tool ` +
				'knows: give the code.',
		);
	}
	return code;
}

/**
 * Without a model the run would write a transcript digest over the full digest that a re-run updates in
 * place, losing a paid summary: refused unless --force.
 */
async function refuseDowngrade(vault: string, index: VaultIndex, videoId: string, language: string | null) {
	for (const existing of index.digests()) {
		if (existing.youtubeId !== videoId) continue;
		if (language && existing.language && existing.language.toLowerCase() !== language.toLowerCase()) continue;
		const text = await readFile(resolve(vault, existing.path), 'utf8').catch(() => '');
		if (!isFullDigest(text)) continue;
		throw new UsageError(
			`${existing.path} is a full digest of this video; without OPENAI_API_KEY this run would ` +
				'replace it with a transcript digest. Set OPENAI_API_KEY, or add --force to replace it anyway.',
		);
	}
}

/**
 * A digest a model wrote: its `model` property when the user keeps one, else the TL;DR callout that every
 * summarizing preset starts with (the transcript digest has none).
 */
function isFullDigest(text: string): boolean {
	const model = propertiesFromFrontmatter(text)?.model;
	if (typeof model === 'string' && !['', 'null', '~'].includes(model)) return true;
	return /^> \[!tldr\]/im.test(text.slice(frontmatterEnd(text)));
}

/**
 * A preset by name (`compact`), or a template file without its properties (as the plugin reads template
 * notes); the full digest, or the transcript digest without a model.
 */
async function chooseTemplate(template: string | null, withModel: boolean, cwd: string): Promise<string> {
	if (!template) return (presetById(withModel ? DEFAULT_PRESET : 'transcript') ?? PRESETS[0]).source;
	const preset = presetById(template);
	if (preset) return preset.source;
	let text: string;
	try {
		const path = resolve(cwd, template);
		// A pipe or a device (/dev/zero) would be read forever.
		if (!(await stat(path)).isFile()) throw new Error('not a file');
		text = await readFile(path, 'utf8');
	} catch {
		throw new DigestError(
			'template-invalid',
			`${template} is neither a preset (${PRESETS.map((p) => p.id).join(', ')}) nor a readable file`,
		);
	}
	return templateFileBody(text);
}
