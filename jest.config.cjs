/** Node environment: the openai SDK does not support jsdom. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'precompiledTemplates\\.ts$': '<rootDir>/test/precompiledTemplatesTransform.cjs',
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
		'^.+\\.hbs$': '<rootDir>/test/textTransform.cjs',
	},
	moduleFileExtensions: ['ts', 'js', 'json', 'hbs', 'cjs', 'mjs'],
	moduleNameMapper: { '^obsidian$': '<rootDir>/test/fakes/obsidian/index.ts' },
	globalSetup: '<rootDir>/test/globalSetup.cjs',
	// Every core works: Jest's default leaves one idle, which on a 2-core machine halves the speed.
	maxWorkers: '100%',
};
