import {
	entityInlineList,
	entityListLines,
	entityText,
	ExistingNote,
	linkEntities,
} from '../../../src/core/web/entityLinks';

const notes: ExistingNote[] = [
	{ path: 'People/Alan Turing.md', basename: 'Alan Turing', aliases: ['Turing'] },
	{ path: 'Concepts/Entropy.md', basename: 'Entropy', aliases: [] },
	{ path: 'Concepts/Machine learning.md', basename: 'Machine learning', aliases: ['ML'] },
];

const entities = [
	{ name: 'Alan Turing', type: 'person' },
	{ name: 'entropy', type: 'concept' },
	{ name: 'ML', type: 'concept' },
	{ name: 'Claude Shannon', type: 'person' },
];

describe('linkEntities', () => {
	it("links only entities with a note under 'existing', matching basenames and aliases without case", () => {
		expect(linkEntities(entities, notes, 'existing')).toEqual([
			{ name: 'Alan Turing', type: 'person', target: 'Alan Turing', path: 'People/Alan Turing.md' },
			{ name: 'entropy', type: 'concept', target: 'Entropy', path: 'Concepts/Entropy.md' },
			{ name: 'ML', type: 'concept', target: 'Machine learning', path: 'Concepts/Machine learning.md' },
			{ name: 'Claude Shannon', type: 'person', target: null, path: null },
		]);
	});

	it("links every entity under 'always', a missing note by a safe name", () => {
		const linked = linkEntities([...entities, { name: 'AC/DC: [live]', type: 'organization' }], notes, 'always');
		expect(linked[0].target).toBe('Alan Turing');
		expect(linked[3]).toEqual({ name: 'Claude Shannon', type: 'person', target: 'Claude Shannon', path: null });
		expect(linked[4].target).toBe('AC DC live');
	});

	it("links nothing under 'never'", () => {
		expect(
			linkEntities(entities, notes, 'never').every((entity) => entity.target === null && entity.path === null),
		).toBe(true);
	});

	it('prefers a note whose basename matches over one with that alias', () => {
		const withAlias = [{ path: 'A/Something else.md', basename: 'Something else', aliases: ['Entropy'] }, ...notes];
		expect(linkEntities([{ name: 'Entropy', type: 'concept' }], withAlias, 'existing')[0].path).toBe(
			'Concepts/Entropy.md',
		);
	});

	it('uses the path when two notes share a basename, choosing the same note whatever the listing order', () => {
		const twins = [
			{ path: 'Zoo/Mercury.md', basename: 'Mercury', aliases: [] },
			{ path: 'Planets/Mercury.md', basename: 'Mercury', aliases: [] },
		];
		const forward = linkEntities([{ name: 'Mercury', type: 'place' }], twins, 'existing')[0];
		const backward = linkEntities([{ name: 'Mercury', type: 'place' }], [...twins].reverse(), 'existing')[0];
		expect(forward).toEqual({ name: 'Mercury', type: 'place', target: 'Zoo/Mercury', path: 'Zoo/Mercury.md' });
		expect(backward).toEqual(forward);
	});

	it('keeps each entity once, compared without case and extra spaces, and drops empty names', () => {
		const linked = linkEntities(
			[
				{ name: 'Alan  Turing', type: 'person' },
				{ name: 'alan turing', type: 'person' },
				{ name: '  ', type: 'concept' },
			],
			notes,
			'existing',
		);
		expect(linked.map((entity) => entity.name)).toEqual(['Alan Turing']);
	});

	it('reads a number alias as text and ignores aliases that are not text, or a missing alias list', () => {
		const odd = [
			{ path: 'Year.md', basename: 'Year', aliases: [2001, null, { a: 1 }] as unknown as string[] },
			{ path: 'Bare.md', basename: 'Bare' } as unknown as ExistingNote,
		];
		expect(linkEntities([{ name: '2001', type: 'work' }], odd, 'existing')[0].target).toBe('Year');
		expect(linkEntities([{ name: '[object Object]', type: 'work' }], odd, 'existing')[0].target).toBeNull();
		expect(linkEntities([{ name: 'bare', type: 'work' }], odd, 'existing')[0].target).toBe('Bare');
	});
});

describe('rendering', () => {
	const linked = linkEntities(
		[...entities, { name: 'Turing', type: 'person' }, { name: '#hack [[x]]', type: 'weird' }],
		notes,
		'existing',
	);

	it('writes the plain link when the name is the target and the alias form when it differs', () => {
		expect(entityText(linked[0])).toBe('[[Alan Turing]]');
		expect(entityText(linked[1])).toBe('[[Entropy|entropy]]');
		expect(entityText(linked[2])).toBe('[[Machine learning|ML]]');
		expect(entityText(linked[3])).toBe('Claude Shannon');
	});

	it('renders one list line per entity with its known type, escaping untrusted names', () => {
		expect(entityListLines(linked)).toBe(
			[
				'- [[Alan Turing]] (person)',
				'- [[Entropy|entropy]] (concept)',
				'- [[Machine learning|ML]] (concept)',
				'- Claude Shannon (person)',
				'- [[Alan Turing|Turing]] (person)',
				'- \\#hack \\[\\[x\\]\\]',
			].join('\n'),
		);
	});

	it('renders an inline list', () => {
		expect(entityInlineList(linked.slice(0, 4))).toBe(
			'[[Alan Turing]], [[Entropy|entropy]], [[Machine learning|ML]], Claude Shannon',
		);
	});

	it('keeps an alias from breaking out of the link', () => {
		const [entity] = linkEntities(
			[{ name: 'a]]b|c', type: 'concept' }],
			[{ path: 'x.md', basename: 'x', aliases: ['a]]b|c'] }],
			'existing',
		);
		expect(entityText(entity)).toBe('[[x|a\\] \\]b-c]]');
	});

	it('renders a path target with the name as alias', () => {
		const [entity] = linkEntities(
			[{ name: 'Mercury', type: 'place' }],
			[
				{ path: 'A/Mercury.md', basename: 'Mercury', aliases: [] },
				{ path: 'B/Mercury.md', basename: 'Mercury', aliases: [] },
			],
			'existing',
		);
		expect(entityText(entity)).toBe('[[A/Mercury|Mercury]]');
	});
});
