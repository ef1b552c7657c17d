import { checkClaim, claimSource } from '../../../src/core/llm/claimSupport';

const source = claimSource(
	[
		{ start: 300, duration: 5, text: 'The battery lasts 7 hours.' },
		{ start: 600, duration: 5, text: 'It is a small tablet with a kickstand.' },
	],
	'Tablet review',
	'A review of a tablet.',
);

describe('checkClaim', () => {
	it('checks every figure: one said at another time does not let an unsaid price through', () => {
		const verdict = checkClaim('It lasts 7 hours and costs $999.', 600, source, false);
		expect(verdict).toEqual({ kind: 'unsupported', claim: '$999' });
	});

	it('points a claim whose figures are all said, but elsewhere, to where they are said', () => {
		expect(checkClaim('It lasts 7 hours.', 600, source, false)).toEqual({ kind: 'elsewhere', seconds: 300 });
	});

	it('checks the names too when a figure was said elsewhere', () => {
		expect(checkClaim('It lasts 7 hours, says Samsung.', 600, source, true)).toMatchObject({
			kind: 'unsupported',
		});
	});

	it('backs a claim whose figure is said near the cited time', () => {
		expect(checkClaim('It lasts 7 hours.', 290, source, false)).toEqual({ kind: 'supported' });
	});
});
