import { DigestError } from '../errors';
import { asText } from '../text';
import { escapeMarkdown } from './markdownSafety';
import { createHelpers } from './templateHelpers';

type HandlebarsModule = typeof import('handlebars');

export interface TemplateProblem {
	message: string;
	line: number | null;
	column: number | null;
}

export interface TemplateEngine {
	/** Renders a template against a context; throws a `template-invalid` error with the position of the problem. */
	render(source: string, context: object): string;
	/** The first problem of a template (syntax, or an unknown variable against `sampleContext`), or null. */
	check(source: string, sampleContext: object): TemplateProblem | null;
}

let engine: Promise<TemplateEngine> | null = null;

/**
 * One isolated Handlebars environment for the whole plugin, loaded on first use (the compiler is the
 * heaviest module after the SDK). `{{x}}` escapes for Markdown instead of HTML; `{{{x}}}` is for values
 * the plugin built itself. Templates compile in strict mode, so a misspelt variable is an error with a
 * line and column, not an empty string.
 */
export function loadTemplateEngine(): Promise<TemplateEngine> {
	engine ??= import('handlebars').then((module) => createEngine(module));
	return engine;
}

function createEngine(module: HandlebarsModule): TemplateEngine {
	const handlebars = (module as unknown as { default?: HandlebarsModule }).default ?? module;
	const env = handlebars.create();
	// The bundled copy of Handlebars is private to this plugin, so replacing its escaper affects nothing else.
	env.Utils.escapeExpression = (value: unknown) => markdownEscape(value);
	for (const [name, helper] of Object.entries(createHelpers((markdown) => new env.SafeString(markdown)))) {
		env.registerHelper(name, helper);
	}
	const cache = new Map<string, ReturnType<typeof env.compile>>();
	const compile = (source: string) => {
		let template = cache.get(source);
		if (!template) {
			env.parse(source);
			template = env.compile(source, { strict: true, preventIndent: true });
			cache.set(source, template);
		}
		return template;
	};
	const run = (source: string, context: object) => compile(source)(structuredClone(context));
	return {
		render(source, context) {
			try {
				return run(source, context);
			} catch (error) {
				const problem = describeTemplateError(error);
				throw new DigestError('template-invalid', formatProblem(problem), { cause: error });
			}
		},
		check(source, sampleContext) {
			try {
				run(source, sampleContext);
				return null;
			} catch (error) {
				return describeTemplateError(error);
			}
		},
	};
}

function markdownEscape(value: unknown): string {
	if (value === null || value === undefined) return '';
	const html = (value as { toHTML?: () => string }).toHTML;
	if (typeof html === 'function') return html.call(value);
	return escapeMarkdown(asText(value));
}

/** Runtime errors carry lineNumber/column; parse errors only say `Parse error on line N:` above a caret line. */
export function describeTemplateError(error: unknown): TemplateProblem {
	const message = error instanceof Error ? error.message : String(error);
	const located = error as { lineNumber?: number; column?: number };
	if (typeof located.lineNumber === 'number') {
		return { message: firstLine(message.replace(/ - \d+:\d+$/, '')), line: located.lineNumber, column: (located.column ?? 0) + 1 };
	}
	const parse = /Parse error on line (\d+):\n.*\n(-*)\^\n?(.*)/.exec(message);
	if (parse) return { message: parse[3] || 'syntax error', line: Number(parse[1]), column: parse[2].length + 1 };
	return { message: firstLine(message), line: null, column: null };
}

export function formatProblem(problem: TemplateProblem): string {
	return problem.line === null ? problem.message : `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

function firstLine(text: string): string {
	return text.split('\n')[0];
}
