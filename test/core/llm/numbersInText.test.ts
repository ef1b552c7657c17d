import { numbersIn } from '../../../src/core/llm/numbersInText';

describe('numbersIn', () => {
	it('reads spelled-out numbers, years in two halves and decimals', () => {
		expect(numbersIn('twenty eighteen')).toEqual(expect.arrayContaining([2018]));
		expect(numbersIn('three hundred and ninety nine dollars')).toEqual(expect.arrayContaining([399]));
		expect(numbersIn('seven point five hours')).toEqual(expect.arrayContaining([7.5]));
	});

	it('reads a caption of thousands of number words without deep recursion, each number once or twice', () => {
		const values = numbersIn('twenty '.repeat(20_000));
		expect(values.length).toBeLessThanOrEqual(3 * 20_000);
		expect(values).toContain(2020);
	});
});
