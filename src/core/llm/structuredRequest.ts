import { DigestError, throwIfCancelled } from '../errors';
import { ChatMessage, ChatModel, ChatResult, TokenUsage } from './chatModel';
import { describeProblems, JsonSchema, salvageJson, validateJson, ValidationProblem } from './jsonSchema';

/** A JSON answer the model must give: the schema sent with the call and the check applied to the answer. */
export interface StructuredSpec<T> {
	name: string;
	schema: JsonSchema;
	validate(value: unknown): ValidationProblem[];
	/**
	 * What is wrong with a schema-valid answer that the model should fix (the content check); an answer
	 * with such problems gets the one repair call too, and the better of the two answers is kept.
	 */
	review?(value: T): string[];
	/** Only for the type: the validated value is a T. */
	readonly example?: T;
}

export interface StructuredResult<T> {
	value: T;
	usage: TokenUsage;
	calls: number;
	/** Where the answer kept was made to follow the schema (`$.tags`): what was there is left out. */
	salvaged?: string[];
}

type Attempt<T> =
	{ ok: true; value: T; content: string } | { ok: false; problem: string; content: string; parsed?: unknown };

/**
 * One structured call; when the answer does not parse, does not follow the schema, or has problems the
 * content check gives back, one more call that shows the model its answer and what was wrong with it. A
 * second unusable answer is an `output-invalid` error unless the first was usable; between two usable
 * answers the one with fewer problems is kept, and what is still wrong is the content check's to report.
 */
export async function requestStructured<T>(
	model: ChatModel,
	messages: ChatMessage[],
	spec: StructuredSpec<T>,
	signal?: AbortSignal,
): Promise<StructuredResult<T>> {
	const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
	let conversation = messages;
	let usable: { value: T; problems: number } | null = null;
	for (let call = 1; call <= 2; call++) {
		throwIfCancelled(signal);
		const result = await model.complete({
			messages: conversation,
			jsonSchema: { name: spec.name, schema: spec.schema },
			signal,
		});
		addUsage(usage, result);
		const attempt = readAttempt(result, spec);
		if (attempt.ok) {
			const problems = spec.review?.(attempt.value) ?? [];
			if (usable && usable.problems < problems.length) return { value: usable.value, usage, calls: call };
			if (problems.length === 0 || call === 2) return { value: attempt.value, usage, calls: call };
			usable = { value: attempt.value, problems: problems.length };
			conversation = repairConversation(messages, attempt.content, contentProblemText(problems));
			continue;
		}
		if (usable) return { value: usable.value, usage, calls: call };
		if (call === 2) return { ...salvage(attempt, spec), usage, calls: call };
		conversation = repairConversation(
			messages,
			attempt.content,
			`That answer is not usable: ${attempt.problem}. ` +
				'Answer again with the complete JSON object, following the schema exactly.',
		);
	}
	throw new DigestError('output-invalid');
}

/**
 * The second unusable answer, made to follow the schema: kept if the digest can do without what it loses
 * (the spec's own checks pass), else an `output-invalid` error.
 */
function salvage<T>(attempt: { problem: string; parsed?: unknown }, spec: StructuredSpec<T>) {
	const value = attempt.parsed === undefined ? undefined : salvageJson(attempt.parsed, spec.schema);
	if (value === undefined || spec.validate(value).length > 0)
		throw new DigestError('output-invalid', attempt.problem);
	return { value: value as T, salvaged: validateJson(attempt.parsed, spec.schema).map((problem) => problem.path) };
}

function repairConversation(messages: ChatMessage[], content: string, request: string): ChatMessage[] {
	return [...messages, { role: 'assistant', content }, { role: 'user', content: request }];
}

/** At most ten problems: enough for the model to see what to fix, without a long list costing a long reply. */
function contentProblemText(problems: string[]): string {
	const shown = problems.slice(0, 10).map((problem) => `- ${problem}`);
	if (problems.length > 10) shown.push(`- and ${problems.length - 10} more of the same kinds`);
	return [
		'That answer has problems:',
		...shown,
		'Answer again with the complete JSON object, fixing them and keeping everything else that was right.',
	].join('\n');
}

function readAttempt<T>(result: ChatResult, spec: StructuredSpec<T>): Attempt<T> {
	if (result.refusal) throw new DigestError('model-refused', result.refusal.slice(0, 200));
	if (result.finishReason === 'content_filter') throw new DigestError('model-refused');
	const content = result.content ?? '';
	if (result.finishReason === 'length') {
		return { ok: false, problem: 'it was cut off before the end; write shorter texts', content };
	}
	const parsed = parseJsonObject(content);
	if (parsed === undefined) return { ok: false, problem: 'it is not a JSON object', content };
	const problems = spec.validate(parsed);
	if (problems.length > 0) return { ok: false, problem: describeProblems(problems), content, parsed };
	return { ok: true, value: parsed as T, content };
}

/** Strict servers answer with bare JSON; others wrap it in a code fence or a sentence, so take the outermost object. */
function parseJsonObject(content: string): unknown {
	const start = content.indexOf('{');
	const end = content.lastIndexOf('}');
	if (start < 0 || end <= start) return undefined;
	try {
		return JSON.parse(content.slice(start, end + 1)) as unknown;
	} catch {
		return undefined;
	}
}

export function addUsage(
	total: TokenUsage,
	result: { usage: TokenUsage | null } | { inputTokens: number; outputTokens: number },
): void {
	const usage = 'usage' in result ? result.usage : result;
	total.inputTokens += usage?.inputTokens ?? 0;
	total.outputTokens += usage?.outputTokens ?? 0;
}
