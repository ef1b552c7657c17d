import { formatCount } from '../../../src/core/llm/formatCount';

describe('formatCount', () => {
	it('writes numbers as toLocaleString("en") does', () => {
		for (const count of [0, 7, 999, 1000, 12345, 999999, 1234567, -4321, 2 ** 40, 1234.5678, 0.5, NaN, Infinity])
			expect(formatCount(count)).toBe(count.toLocaleString('en'));
	});
});
