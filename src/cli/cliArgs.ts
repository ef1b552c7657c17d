import { parseArgs } from 'node:util';
import { DEFAULT_MODEL, DEFAULT_OUTPUT_FOLDER } from '../core/defaults';
import { isVideoId } from '../core/youtube/videoUrl';

export interface CliOptions {
	input: string | null;
	vault: string;
	folder: string;
	note: string | null;
	model: string | null;
	baseUrl: string | null;
	lang: string | null;
	template: string | null;
	json: boolean;
	/** Without a key, replace a full digest with a transcript digest all the same; set only when given. */
	force?: true;
	quiet: boolean;
	help: boolean;
	version: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: youtube-digest <url-or-id> [options]
       youtube-digest --note <path> [options]

Writes a digest of a YouTube video (TL;DR, key insights, questions and answers,
section summaries, takeaways and the timestamped transcript) into a folder of
Markdown notes, such as an Obsidian vault.

Options:
  --vault DIR       Folder used as the vault, which must exist (default: the
                    current folder)
  --folder F        Folder inside the vault for digest notes (default: "${DEFAULT_OUTPUT_FOLDER}")
  --note PATH       A note inside the vault, as a path in the vault (or from the
                    current folder): its YouTube link is summarized (unless a URL is
                    given) and it gets a link to the digest below that link
  --model M         Model name (default: $YOUTUBE_DIGEST_MODEL or ${DEFAULT_MODEL})
  --base-url U      OpenAI-compatible server (default: $OPENAI_BASE_URL or OpenAI)
  --lang L          Language of the digest, as a code or an English name (de,
                    pt-BR, German; default: the video's); captions in that
                    language are preferred when the video has them
  --template T      Template for the note body: a preset (digest, compact, study,
                    transcript) or a Handlebars template file
  --json            Print the digest data as JSON instead of writing a note
  --force           Without a key, replace an existing full digest of the video
                    with a transcript digest (refused otherwise)
  --quiet           No progress on stderr
  -h, --help        Show this help
  -v, --version     Show the version

Each option that takes a value may be given once (a second --vault, --model,
--lang... is a usage error); a flag given twice counts once.

The API key is read from OPENAI_API_KEY, never from a flag. Without a key (and
with a server that needs one) a transcript digest is written: metadata, chapters
and the timestamped transcript, with no summary. It never replaces a full digest
of the same video unless --force is given.

Exit codes:
  0  digest written (or printed)
  1  unexpected error (a bug: please report it)
  2  bad input, before any request: usage, not a YouTube link, a missing or
     unreadable note, vault or template, a broken template, an unknown --lang,
     a --base-url (or OPENAI_BASE_URL) that is not an http(s) address, or a
     run without a key that would replace a full digest (see --force)
  3  the video has no transcript to read (no captions, private, age-restricted,
     unavailable, withheld)
  4  network trouble (YouTube or the model server cannot be reached), or YouTube
     refused or rate limited the requests
  5  the language model failed (bad key, unknown model, rate limit, refusal,
     invalid output)
  6  the note could not be written
  130 cancelled (Ctrl-C)

Examples:
  youtube-digest https://youtu.be/GJLlxj_dtq8 --vault ~/Notes
  youtube-digest --note "Inbox/Watch later.md" --vault ~/Notes --lang de
  OPENAI_BASE_URL=http://localhost:11434/v1 youtube-digest GJLlxj_dtq8 --model llama3.2
  youtube-digest https://www.youtube.com/watch?v=GJLlxj_dtq8 --json > digest.json
`;

const OPTIONS = {
	vault: { type: 'string' },
	folder: { type: 'string' },
	note: { type: 'string' },
	model: { type: 'string' },
	'base-url': { type: 'string' },
	lang: { type: 'string' },
	template: { type: 'string' },
	json: { type: 'boolean', default: false },
	force: { type: 'boolean', default: false },
	quiet: { type: 'boolean', default: false },
	help: { type: 'boolean', short: 'h', default: false },
	version: { type: 'boolean', short: 'v', default: false },
} as const;

/** The options whose empty value means nothing (`--folder ""` is the vault's own folder, so it may be empty). */
const NEEDS_TEXT = ['vault', 'note', 'model', 'base-url', 'lang', 'template'] as const;

/**
 * Node's argument errors as one sentence in this tool's words: they run over several lines and suggest
 * syntax (`-- "--bogus"`) that is no help here. Anything not recognized keeps its first line.
 */
function parseErrorSentence(text: string): string {
	// Some runtimes put the error's name and code in front: `TypeError [ERR_PARSE_ARGS_UNKNOWN_OPTION]: …`.
	const message = text.replace(/^\w*Error \[\w+\]: /, '');
	const option = /^(?:Unknown option|Option) '(-{1,2}[^' ]+)/.exec(message)?.[1];
	if (option && message.startsWith('Unknown option')) return `Unknown option ${option}.`;
	if (option && /argument missing/.test(message)) return `${option} needs a value.`;
	if (option && /ambiguous/.test(message)) {
		return (
			`${option} needs a value, but an option follows it; to give a value that starts with a dash, ` +
			`write ${option}=VALUE.`
		);
	}
	if (option && /does not take an argument/.test(message)) return `${option} takes no value.`;
	return message.split('\n')[0];
}

export function parseCliArgs(argv: string[]): CliOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: OPTIONS,
			tokens: true,
		});
	} catch (error) {
		// Video ids may start with a dash (-8dRZ9_PiG0), which reads as a bundle of short options.
		const dashedId = argv.find((arg) => arg.startsWith('-') && isVideoId(arg));
		if (dashedId) {
			throw new UsageError(
				`${dashedId} reads as options; a video id that starts with a dash goes after --: ` +
					`youtube-digest -- ${dashedId}`,
			);
		}
		throw new UsageError(parseErrorSentence(error instanceof Error ? error.message : String(error)));
	}
	const { values, positionals, tokens } = parsed;
	// Node keeps the last of a repeated option; a second value is more likely a slip than a change of mind, so
	// no option that takes a value may be given twice (none is meant to repeat). A flag given twice is harmless.
	const seen = new Set<string>();
	for (const token of tokens) {
		if (token.kind !== 'option' || OPTIONS[token.name].type !== 'string') continue;
		if (seen.has(token.name)) throw new UsageError(`--${token.name} was given twice; give it once.`);
		seen.add(token.name);
	}
	for (const name of NEEDS_TEXT) {
		const value = values[name];
		if (value !== undefined && !value.trim()) throw new UsageError(`--${name} needs a value, and it was empty.`);
	}
	if (positionals.length > 1)
		throw new UsageError(`Expected one link, got ${positionals.length}: ${positionals.join(' ')}`);
	const options: CliOptions = {
		input: positionals[0] ?? null,
		vault: values.vault ?? '.',
		folder: values.folder ?? DEFAULT_OUTPUT_FOLDER,
		note: values.note ?? null,
		model: values.model ?? null,
		baseUrl: values['base-url'] ?? null,
		lang: values.lang ?? null,
		template: values.template ?? null,
		json: values.json,
		...(values.force ? { force: true as const } : {}),
		quiet: values.quiet,
		help: values.help,
		version: values.version,
	};
	if (!options.help && !options.version && !options.input && !options.note) {
		throw new UsageError('Give a YouTube link or video id, or --note with a note that contains one.');
	}
	return options;
}
