import {
	DEFAULT_PRICES,
	defaultInputBudget,
	estimateCost,
	formatCost,
	LARGE_INPUT_TOKENS,
	needsCostConfirmation,
	formatPrices,
	parsePrices,
} from '../../../src/core/llm/pricing';

describe('pricing', () => {
	it('prices only the models in the table, whatever they are called', () => {
		const usage = { inputTokens: 10, outputTokens: 10 };
		const hosted = 'https://api.openai.com/v1';
		for (const model of ['constructor', 'toString', '__proto__', 'x/hasOwnProperty'])
			expect(estimateCost(usage, model, hosted, DEFAULT_PRICES)).toBeNull();
		const prices = parsePrices('__proto__: 1, 2\nconstructor: 3, 4');
		expect(Object.getPrototypeOf(prices)).toBe(Object.prototype);
		expect(estimateCost(usage, '__proto__', hosted, prices)).toBeCloseTo(3e-5);
		expect(estimateCost(usage, 'constructor', hosted, prices)).toBeCloseTo(7e-5);
		expect(estimateCost(usage, 'input', hosted, prices)).toBeNull();
	});

	it('costs hosted models from the table, local servers nothing, unknown models null', () => {
		expect(
			estimateCost(
				{ inputTokens: 1_000_000, outputTokens: 500_000 },
				'gpt-4.1-mini',
				'https://api.openai.com/v1',
				DEFAULT_PRICES,
			),
		).toBeCloseTo(1.2);
		expect(
			estimateCost(
				{ inputTokens: 10, outputTokens: 10 },
				'openai/gpt-4o-mini',
				'https://openrouter.ai/api/v1',
				DEFAULT_PRICES,
			),
		).toBeCloseTo(7.5e-6);
		expect(
			estimateCost(
				{ inputTokens: 10, outputTokens: 10 },
				'llama3.2',
				'http://localhost:11434/v1',
				DEFAULT_PRICES,
			),
		).toBe(0);
		expect(
			estimateCost(
				{ inputTokens: 10, outputTokens: 10 },
				'mystery',
				'https://api.example.com/v1',
				DEFAULT_PRICES,
			),
		).toBeNull();
	});

	it('formats costs for people', () => {
		expect([formatCost(null), formatCost(0), formatCost(0.00123), formatCost(1.5)]).toEqual([
			'unknown cost',
			'free',
			'$0.0012',
			'$1.50',
		]);
	});

	it('reads and writes the settings text of the price table', () => {
		expect(parsePrices(formatPrices(DEFAULT_PRICES))).toEqual(DEFAULT_PRICES);
		expect(parsePrices('my-model: 1.5, 3\nnot a price line')).toEqual({ 'my-model': { input: 1.5, output: 3 } });
	});

	it('gives small local models a smaller budget per call', () => {
		expect(defaultInputBudget('https://api.openai.com/v1')).toBe(25_000);
		expect(defaultInputBudget('http://127.0.0.1:1234/v1')).toBe(6_000);
	});
});

describe('needsCostConfirmation', () => {
	it('asks above the threshold when the price is known', () => {
		expect(needsCostConfirmation({ inputTokens: 1000, cost: 0.2 }, 0.1)).toBe(true);
		expect(needsCostConfirmation({ inputTokens: 1000, cost: 0.05 }, 0.1)).toBe(false);
	});

	it('asks for a very large input of unknown price, such as a 20 MB caption track', () => {
		expect(needsCostConfirmation({ inputTokens: LARGE_INPUT_TOKENS + 1, cost: null }, 0.1)).toBe(true);
		expect(needsCostConfirmation({ inputTokens: 5000, cost: null }, 0.1)).toBe(false);
	});

	it('never asks when the threshold is negative', () => {
		expect(needsCostConfirmation({ inputTokens: 10_000_000, cost: null }, -1)).toBe(false);
		expect(needsCostConfirmation({ inputTokens: 1000, cost: 100 }, -1)).toBe(false);
	});
});
