import { DigestFacts, RELATED_WEIGHTS, relatedDigests } from '../../../src/core/web/relatedDigests';

function digest(path: string, youtubeId: string, channel: string, tags: string[], entities: string[]): DigestFacts {
	return { path, youtubeId, channel, tags, entities };
}

const current = digest(
	'D/Current.md',
	'cccccccccc1',
	'Veritasium',
	['youtube', 'physics', 'entropy'],
	['Ludwig Boltzmann', 'Second law of thermodynamics'],
);

describe('relatedDigests', () => {
	it('documents its weights', () => {
		expect(RELATED_WEIGHTS).toEqual({ entity: 3, tag: 2, channel: 1 });
	});

	it('scores shared entities 3, shared tags 2 and the same channel 1, best first', () => {
		const others = [
			digest('D/Same channel.md', 'aaaaaaaaaa1', 'veritasium', ['youtube', 'biology'], []),
			digest(
				'D/Two entities.md',
				'aaaaaaaaaa2',
				'Other',
				['youtube'],
				['ludwig boltzmann', 'Second law of  thermodynamics'],
			),
			digest('D/One tag.md', 'aaaaaaaaaa3', 'Other', ['Physics'], []),
			digest('D/Everything.md', 'aaaaaaaaaa4', 'Veritasium', ['#entropy', 'physics'], ['Ludwig Boltzmann']),
		];
		expect(relatedDigests(current, others).map((related) => [related.path, related.score])).toEqual([
			['D/Everything.md', 8],
			['D/Two entities.md', 6],
			['D/One tag.md', 2],
			['D/Same channel.md', 1],
		]);
	});

	it('breaks ties by path whatever the input order', () => {
		const others = ['D/b.md', 'D/c.md', 'D/a.md'].map((path, i) =>
			digest(path, `bbbbbbbbbb${i}`, '', ['physics'], []),
		);
		expect(relatedDigests(current, others).map((related) => related.path)).toEqual(['D/a.md', 'D/b.md', 'D/c.md']);
		expect(relatedDigests(current, [...others].reverse()).map((related) => related.path)).toEqual([
			'D/a.md',
			'D/b.md',
			'D/c.md',
		]);
	});

	it('says what is shared, in the current digest’s spelling', () => {
		const [related] = relatedDigests(current, [
			digest('D/x.md', 'xxxxxxxxxx1', 'VERITASIUM', ['ENTROPY'], ['LUDWIG BOLTZMANN']),
		]);
		expect(related).toEqual({
			path: 'D/x.md',
			youtubeId: 'xxxxxxxxxx1',
			score: 6,
			sharedEntities: ['Ludwig Boltzmann'],
			sharedTags: ['entropy'],
			sameChannel: true,
		});
	});

	it('ignores the generic youtube tag, empty channels and duplicate names', () => {
		const others = [
			digest('D/Only youtube.md', 'yyyyyyyyyy1', 'Other', ['youtube', '#YouTube'], []),
			digest('D/No channel.md', 'yyyyyyyyyy2', '', [], []),
		];
		expect(relatedDigests({ ...current, channel: '' }, others)).toEqual([]);
		const doubled = relatedDigests(current, [
			digest('D/d.md', 'yyyyyyyyyy3', 'x', ['physics', 'Physics'], ['Ludwig Boltzmann', 'ludwig boltzmann']),
		]);
		expect(doubled[0].score).toBe(5);
	});

	it('still counts an entity that happens to be called YouTube', () => {
		const withYoutube = { ...current, entities: ['YouTube'] };
		expect(relatedDigests(withYoutube, [digest('D/y.md', 'yyyyyyyyyy4', 'x', [], ['YouTube'])])[0].score).toBe(3);
	});

	it('leaves out the digest itself and every note of the same video', () => {
		const others = [
			current,
			digest('D/Current (German).md', 'cccccccccc1', 'Veritasium', ['physics'], ['Ludwig Boltzmann']),
			digest('D/Other.md', 'oooooooooo1', 'Other', ['physics'], []),
		];
		expect(relatedDigests(current, others).map((related) => related.path)).toEqual(['D/Other.md']);
	});

	it('keeps only the best ranked note of another video', () => {
		const others = [
			digest('D/Talk.md', 'tttttttttt1', 'x', ['physics'], ['Ludwig Boltzmann']),
			digest('D/Talk (German).md', 'tttttttttt1', 'x', ['physik'], ['Ludwig Boltzmann']),
		];
		expect(relatedDigests(current, others).map((related) => related.path)).toEqual(['D/Talk.md']);
	});

	it('returns at most the limit, five by default, and nothing that shares nothing', () => {
		const others = Array.from({ length: 8 }, (_, i) =>
			digest(`D/${i}.md`, `zzzzzzzzzz${i}`, 'x', i < 7 ? ['physics'] : ['cooking'], []),
		);
		expect(relatedDigests(current, others)).toHaveLength(5);
		expect(relatedDigests(current, others, 2).map((related) => related.path)).toEqual(['D/0.md', 'D/1.md']);
		expect(relatedDigests(current, others, 100)).toHaveLength(7);
		expect(relatedDigests(current, others, 0)).toEqual([]);
	});

	it('tolerates properties that are not lists', () => {
		const odd = {
			path: 'D/odd.md',
			youtubeId: 'qqqqqqqqqq1',
			channel: 'Veritasium',
			tags: 'physics',
			entities: null,
		} as unknown as DigestFacts;
		expect(relatedDigests(current, [odd])).toEqual([
			{
				path: 'D/odd.md',
				youtubeId: 'qqqqqqqqqq1',
				score: 1,
				sharedEntities: [],
				sharedTags: [],
				sameChannel: true,
			},
		]);
	});
});
