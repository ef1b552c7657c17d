import { needsApiKey } from './apiKeyPolicy';

/** US dollars per million tokens. */
export interface ModelPrice {
	input: number;
	output: number;
}

/**
 * List prices of common small models when this table was written; the settings let users correct them
 * and add their own. A model not in the table has no cost shown rather than a guessed one.
 */
export const DEFAULT_PRICES: Record<string, ModelPrice> = {
	'gpt-4o-mini': { input: 0.15, output: 0.6 },
	'gpt-4.1-nano': { input: 0.1, output: 0.4 },
	'gpt-4.1-mini': { input: 0.4, output: 1.6 },
	'gpt-5-nano': { input: 0.05, output: 0.4 },
	'gpt-5-mini': { input: 0.25, output: 2 },
};

/** The cost in dollars, or null when the model's price is unknown; local servers cost nothing. */
export function estimateCost(
	usage: { inputTokens: number; outputTokens: number },
	model: string,
	baseUrl: string,
	prices: Record<string, ModelPrice>,
): number | null {
	if (!needsApiKey(baseUrl)) return 0;
	// Own entries only: a model named `constructor` or `toString` has no price, not an object's method.
	const own = (name: string) => (Object.hasOwn(prices, name) ? prices[name] : undefined);
	const price = own(model) ?? own(model.split('/').pop() ?? '');
	if (!price || !Number.isFinite(price.input) || !Number.isFinite(price.output)) return null;
	return (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
}

export function formatCost(cost: number | null): string {
	if (cost === null) return 'unknown cost';
	if (cost === 0) return 'free';
	return cost < 0.01 ? `$${cost.toFixed(4)}` : `$${cost.toFixed(2)}`;
}

/** About 25k tokens is where one call still summarizes well; small local models do better with less. */
export function defaultInputBudget(baseUrl: string): number {
	return needsApiKey(baseUrl) ? 25_000 : 6_000;
}

/** The price table as settings text: `model: input, output` per line. */
export function formatPrices(prices: Record<string, ModelPrice>): string {
	return Object.entries(prices)
		.map(([model, price]) => `${model}: ${price.input}, ${price.output}`)
		.join('\n');
}

/** Lines that do not read as `model: input, output` are left out. */
export function parsePrices(text: string): Record<string, ModelPrice> {
	const prices = new Map<string, ModelPrice>();
	for (const line of text.split(/\r?\n/)) {
		const match = /^\s*([^:]+?)\s*:\s*([\d.]+)\s*,\s*([\d.]+)\s*$/.exec(line);
		if (match) prices.set(match[1], { input: Number(match[2]), output: Number(match[3]) });
	}
	// Own entries, whatever the model is called (`__proto__` too).
	return Object.fromEntries(prices);
}

/** An input this large is worth a question even when the model's price is unknown (a local model's time, a bill). */
export const LARGE_INPUT_TOKENS = 200_000;

/**
 * Whether to ask before a run (or a batch): above the user's threshold when the price is known, and for a
 * very large input when it is not; a negative threshold never asks.
 */
export function needsCostConfirmation(estimate: { inputTokens: number; cost: number | null }, threshold: number) {
	if (threshold < 0) return false;
	return estimate.cost === null ? estimate.inputTokens > LARGE_INPUT_TOKENS : estimate.cost > threshold;
}
