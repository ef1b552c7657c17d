import { DigestError } from '../errors';
import { asText } from '../text';
import { escapeMarkdown } from './markdownSafety';
import { PRECOMPILED_TEMPLATES, TemplateSpecification } from './precompiledTemplates';
import { COMPILE_OPTIONS, SHIPPED_TEMPLATES } from './shippedTemplates';
import { createHelpers } from './templateHelpers';

type HandlebarsModule = typeof import('handlebars');
type Template = ReturnType<HandlebarsModule['compile']>;

export interface TemplateProblem {
	message: string;
	line: number | null;
	column: number | null;
}

export interface TemplateEngine {
	/** Renders a template against a context; throws a `template-invalid` error with the position of the problem. */
	render: (source: string, context: object) => string;
	/** Renders without Markdown escaping, for values that are not Markdown (property values, quoted instead). */
	renderRaw: (source: string, context: object) => string;
	/** The first problem of a template (syntax, or an unknown variable against `sampleContext`), or null. */
	check: (source: string, sampleContext: object) => TemplateProblem | null;
}

/** An engine that can also say which templates it cannot render before its compiler is loaded. */
interface LoadableTemplateEngine extends TemplateEngine {
	needsCompiler: (source: string) => boolean;
	loadCompiler: () => Promise<void>;
}

let engine: Promise<LoadableTemplateEngine> | null = null;

/**
 * One isolated Handlebars environment for the whole plugin, loaded on first use. `sources`: the templates
 * the caller will render; the shipped ones are precompiled and need only Handlebars' runtime, any other
 * (a user's template, an edited preset) loads the compiler first, as does a call without `sources`.
 */
export async function loadTemplateEngine(sources?: readonly string[]): Promise<TemplateEngine> {
	engine ??= import('handlebars/runtime').then((runtime) =>
		createTemplateEngine(defaultExport(runtime), PRECOMPILED_TEMPLATES),
	);
	const loaded = await engine;
	if (!sources || sources.some(loaded.needsCompiler)) await loaded.loadCompiler();
	return loaded;
}

const SHIPPED = new Set(SHIPPED_TEMPLATES);

/**
 * Whether a text is one the plugin ships. Each of them checks clean against the sample context in every
 * timestamp style (test/core/render/precompiledTemplates.test.ts), so a run need not check it again.
 */
export function isShippedTemplate(source: string): boolean {
	return SHIPPED.has(source);
}

/**
 * `{{x}}` escapes for Markdown instead of HTML; `{{{x}}}` is for values the plugin built itself. Templates
 * compile in strict mode, so a misspelt variable is an error with a line and column, not an empty string.
 * Each text is compiled (or taken precompiled) once, and serves both Markdown and raw rendering.
 */
export function createTemplateEngine(
	runtime: HandlebarsModule,
	precompiled: ReadonlyMap<string, () => TemplateSpecification>,
): LoadableTemplateEngine {
	const runtimeEnv = configure(runtime.create());
	let compilerEnv: HandlebarsModule | null = null;
	let loadingCompiler: Promise<void> | null = null;
	const cache = new Map<string, Template>();
	const template = (source: string): Template => {
		let compiled = cache.get(source);
		if (!compiled) {
			const spec = precompiled.get(source);
			if (spec) compiled = runtimeEnv.template(spec());
			else if (compilerEnv) {
				rejectPrototypeAccess(compilerEnv.parse(source));
				compiled = compilerEnv.compile(source, COMPILE_OPTIONS);
			} else throw new Error('The template compiler is not loaded: pass the template to loadTemplateEngine.');
			cache.set(source, compiled);
		}
		return compiled;
	};
	const run = (source: string, context: object, raw = false) => {
		rawOutput = raw;
		steps = 0;
		try {
			return template(source)(context);
		} catch (error) {
			// Handlebars gives no position for a lexical error (an unclosed `{{!--`): the lexer's unread rest has it.
			if ((error as Error).message.startsWith('Lexical')) {
				const rest = (compilerEnv as unknown as Lexed).Parser.lexer._input;
				const lines = source.slice(0, -rest.length).split('\n');
				const what = rest.startsWith('{{!')
					? 'a {{!-- comment is never closed with --}}'
					: 'the template cannot be read from here on';
				throw new LocatedError(what, lines.length, lines.pop()!.length);
			}
			throw error;
		} finally {
			rawOutput = false;
		}
	};
	const renderOrThrow = (source: string, context: object, raw: boolean) => {
		try {
			return run(source, context, raw);
		} catch (error) {
			throw new DigestError('template-invalid', formatProblem(describeTemplateError(error)), { cause: error });
		}
	};
	return {
		render: (source, context) => renderOrThrow(source, context, false),
		renderRaw: (source, context) => renderOrThrow(source, context, true),
		check(source, sampleContext) {
			try {
				run(source, sampleContext);
				return null;
			} catch (error) {
				return describeTemplateError(error);
			}
		},
		needsCompiler: (source) => !compilerEnv && !cache.has(source) && !precompiled.has(source),
		// One environment, however many runs of a batch ask for it at once.
		loadCompiler: () =>
			(loadingCompiler ??= import('handlebars').then((module) => {
				compilerEnv = configure(defaultExport(module).create());
			})),
	};
}

/** Set while a template renders raw: the escaper then only turns the value into text, as `noEscape` would. */
let rawOutput = false;

/**
 * The work of one render: every value written, helper called, block or loop body run and partial included.
 * A real digest takes some tens of thousands (a long transcript, once); a loop inside loops over the
 * transcript, or partials that each include the next twice, would take hours, so a render stops here.
 */
const TEMPLATE_STEP_LIMIT = 1_000_000;
let steps = 0;

class TemplateTooLargeError extends Error {
	constructor() {
		super(
			'the template does too much work (a loop inside loops, or a partial that includes itself): ' +
				'it was stopped',
		);
	}
}

function step(): void {
	if (++steps > TEMPLATE_STEP_LIMIT) throw new TemplateTooLargeError();
}

type Helper = (this: unknown, ...args: unknown[]) => unknown;

type HelperOptions = Partial<Record<'fn' | 'inverse', unknown> & { name: string; loc: { start: Position } }>;
interface Position {
	line: number;
	column: number;
}

/**
 * A helper that counts its call, and each run of its block, toward the render's steps. An error of the
 * helper itself (not of its block) gets the helper's position; a JavaScript one, a sentence.
 */
function counted(helper: Helper): Helper {
	return function (this: unknown, ...args: unknown[]) {
		step();
		let inBody = false;
		const options = args[args.length - 1] as HelperOptions | undefined;
		if (options && typeof options === 'object') {
			for (const key of ['fn', 'inverse'] as const) {
				const body = options[key];
				if (typeof body === 'function')
					options[key] = Object.assign(function (this: unknown, ...bodyArgs: unknown[]) {
						inBody = true;
						step();
						return (body as Helper).apply(this, bodyArgs);
					}, body);
			}
		}
		try {
			return helper.apply(this, args);
		} catch (error) {
			// Handlebars' own helpers fail only when given too few or too many values, which they check before running
			// a block; the plugin's never fail.
			const at = options?.loc?.start;
			const name = options?.name;
			if (inBody || !at || error instanceof RangeError || (error as LocatedError).lineNumber! > 0) throw error;
			throw new LocatedError(
				`{{${name}}} needs ${name === 'lookup' ? 'two values' : 'one value'}`,
				at.line,
				at.column,
			);
		}
	};
}

function configure(env: HandlebarsModule): HandlebarsModule {
	// The runtime and the compiler share one Utils object, private to this plugin's bundled copy of Handlebars,
	// so replacing its escaper affects nothing else.
	env.Utils.escapeExpression = (value: unknown) => {
		step();
		return rawOutput ? rawText(value) : markdownEscape(value);
	};
	for (const [name, helper] of Object.entries(createHelpers((markdown) => new env.SafeString(markdown)))) {
		env.registerHelper(name, helper);
	}
	// Handlebars' own `log` writes to the console; a template's helpers have no effect but the text they return.
	env.registerHelper('log', () => undefined);
	const helpers = env.helpers as Record<string, Helper>;
	for (const name of Object.keys(helpers)) helpers[name] = counted(helpers[name]);
	// This environment's own copy of the runtime's entry points, so that only its partials are counted.
	const vm = (env as unknown as { VM: { invokePartial: Helper } }).VM;
	const invokePartial = vm.invokePartial;
	(env as unknown as { VM: object }).VM = {
		...vm,
		invokePartial(this: unknown, ...args: unknown[]) {
			step();
			// Not found; Handlebars gives no position for it.
			if (!args[0])
				throw new LocatedError(
					`{{> ${(args[2] as HelperOptions).name}}} is not defined: define it with {{#*inline}}`,
				);
			return invokePartial.apply(this, args);
		},
	};
	return env;
}

function defaultExport(module: HandlebarsModule): HandlebarsModule {
	return (module as unknown as { default?: HandlebarsModule }).default ?? module;
}

/** Names that reach into JavaScript objects rather than into the digest; a template has no business with them. */
const FORBIDDEN_NAMES = new Set([
	'constructor',
	'__proto__',
	'prototype',
	'__defineGetter__',
	'__defineSetter__',
	'__lookupGetter__',
	'__lookupSetter__',
	// Handlebars' hooks, which a template can name but not call.
	'helperMissing',
	'blockHelperMissing',
]);

class LocatedError extends Error {
	constructor(
		message: string,
		readonly lineNumber?: number,
		readonly column?: number,
	) {
		super(message);
	}
}

interface Lexed {
	Parser: { lexer: { _input: string } };
}

/** Walks the parsed template and refuses any path or string argument naming an object internal. */
function rejectPrototypeAccess(node: unknown): void {
	if (Array.isArray(node)) {
		node.forEach(rejectPrototypeAccess);
		return;
	}
	if (typeof node !== 'object' || node === null) return;
	const record = node as {
		type?: string;
		parts?: unknown[];
		value?: unknown;
		loc?: { start?: { line: number; column: number } };
	};
	const names =
		record.type === 'PathExpression' ? (record.parts ?? []) : record.type === 'StringLiteral' ? [record.value] : [];
	const forbidden = names.find((name) => typeof name === 'string' && FORBIDDEN_NAMES.has(name));
	if (typeof forbidden === 'string')
		throw new LocatedError(
			`"${forbidden}" cannot be used in a template`,
			record.loc?.start?.line ?? 0,
			record.loc?.start?.column ?? 0,
		);
	for (const [key, child] of Object.entries(record)) if (key !== 'loc') rejectPrototypeAccess(child);
}

/** What Handlebars appends for `{{x}}` when compiled with `noEscape`: nothing for null and undefined, else the text. */
function rawText(value: unknown): string {
	// eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects as Handlebars appends them
	return value === null || value === undefined ? '' : String(value);
}

function markdownEscape(value: unknown): string {
	if (value === null || value === undefined) return '';
	const html = (value as { toHTML?: () => string }).toHTML;
	if (typeof html === 'function') return html.call(value);
	return escapeMarkdown(asText(value));
}

/** Runtime errors carry lineNumber/column; parse errors only say `Parse error on line N:` above a caret line. */
function describeTemplateError(error: unknown): TemplateProblem {
	if (error instanceof RangeError)
		return {
			message: 'the template never ends (a partial that includes itself, or text too long for a note)',
			line: null,
			column: null,
		};
	const message = error instanceof Error ? error.message : String(error);
	const located = error as { lineNumber?: number; column?: number };
	if (typeof located.lineNumber === 'number') {
		return {
			message: readableRuntimeMessage(firstLine(message.replace(/ - \d+:\d+$/, ''))),
			line: located.lineNumber,
			column: (located.column ?? 0) + 1,
		};
	}
	const parse = /Parse error on line (\d+):\n.*\n(-*)\^\n?(.*)/.exec(message);
	if (parse) return { message: parse[3] || 'syntax error', line: Number(parse[1]), column: parse[2].length + 1 };
	return { message: readableRuntimeMessage(firstLine(message)), line: null, column: null };
}

/**
 * Strict mode's `"titel" not defined in [object Object]` says which name, not where it was looked for; a name
 * after text (`{{title.length}}`) is looked up with `in`, which throws without a position.
 */
function readableRuntimeMessage(message: string): string {
	const unknown = /^"([^"]+)" not defined in |^Cannot use 'in' operator to search for '(.+?)'/.exec(message);
	return unknown
		? `{{${unknown[1] ?? unknown[2]}}} is not a template variable here (see the list of template variables)`
		: message;
}

export function formatProblem(problem: TemplateProblem): string {
	return problem.line === null
		? problem.message
		: `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

function firstLine(text: string): string {
	return text.split('\n')[0];
}
