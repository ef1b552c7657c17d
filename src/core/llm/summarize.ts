import { DigestError, throwIfCancelled } from '../errors';
import { ChatMessage, ChatModel, ChatResult, TokenUsage } from './chatModel';
import { DIGEST_SCHEMA, ModelDigest, validateDigest } from './digestSchema';
import { describeProblems } from './jsonSchema';

export interface SummaryResult {
	digest: ModelDigest;
	usage: TokenUsage;
	calls: number;
}

type Attempt = { ok: true; digest: ModelDigest } | { ok: false; problem: string; content: string };

/**
 * One structured call; when the answer does not parse or does not follow the schema, one more call that
 * shows the model its answer and what was wrong with it. A second failure is an `output-invalid` error.
 */
export async function requestDigest(model: ChatModel, messages: ChatMessage[], signal?: AbortSignal): Promise<SummaryResult> {
	const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
	let conversation = messages;
	for (let call = 1; call <= 2; call++) {
		throwIfCancelled(signal);
		const result = await model.complete({
			messages: conversation,
			jsonSchema: { name: 'video_digest', schema: DIGEST_SCHEMA },
			signal,
		});
		addUsage(usage, result);
		const attempt = readAttempt(result);
		if (attempt.ok) return { digest: attempt.digest, usage, calls: call };
		if (call === 2) throw new DigestError('output-invalid', attempt.problem);
		conversation = [
			...messages,
			{ role: 'assistant', content: attempt.content },
			{
				role: 'user',
				content: `That answer is not usable: ${attempt.problem}. Answer again with the complete JSON object, following the schema exactly.`,
			},
		];
	}
	throw new DigestError('output-invalid');
}

function readAttempt(result: ChatResult): Attempt {
	if (result.refusal) throw new DigestError('model-refused', result.refusal.slice(0, 200));
	const content = result.content ?? '';
	if (result.finishReason === 'length') {
		return { ok: false, problem: 'it was cut off before the end; write shorter texts', content };
	}
	const parsed = parseJsonObject(content);
	if (parsed === undefined) return { ok: false, problem: 'it is not a JSON object', content };
	const problems = validateDigest(parsed);
	if (problems.length > 0) return { ok: false, problem: describeProblems(problems), content };
	return { ok: true, digest: parsed as ModelDigest };
}

/** Strict servers answer with bare JSON; others wrap it in a code fence or a sentence, so take the outermost object. */
export function parseJsonObject(content: string): unknown {
	const start = content.indexOf('{');
	const end = content.lastIndexOf('}');
	if (start < 0 || end <= start) return undefined;
	try {
		return JSON.parse(content.slice(start, end + 1)) as unknown;
	} catch {
		return undefined;
	}
}

function addUsage(total: TokenUsage, result: ChatResult): void {
	total.inputTokens += result.usage?.inputTokens ?? 0;
	total.outputTokens += result.usage?.outputTokens ?? 0;
}
