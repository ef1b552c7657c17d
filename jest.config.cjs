/** Node environment: the openai SDK does not support jsdom. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  moduleNameMapper: { '^obsidian$': '<rootDir>/test/fakes/obsidian/index.ts' },
  globalSetup: '<rootDir>/test/globalSetup.cjs',
};
