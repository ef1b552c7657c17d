import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import obsidianmd from 'eslint-plugin-obsidianmd';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';

export default defineConfig([
	globalIgnores(['node_modules', 'main.js', 'cli.js', 'dist', 'coverage', '**/*.mjs', '**/*.cjs', 'demo-vault']),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ['manifest.json'] },
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.json'],
			},
		},
	},
	{
		files: ['manifest.json'],
		...tseslint.configs.disableTypeChecked,
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { projectService: false, project: null, extraFileExtensions: ['.json'] },
		},
		plugins: { obsidianmd },
		rules: { 'obsidianmd/validate-manifest': 'error' },
	},
	prettier,
	{
		// Prettier wraps code; this keeps comments and strings inside the same width.
		files: ['src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
		rules: {
			'max-len': ['error', { code: 120, tabWidth: 4, ignoreUrls: true, ignorePattern: '^\\s*(import|export) ' }],
		},
	},
	{
		// The core is the same on every platform: no Obsidian, no Node; its I/O comes through ports.
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						'obsidian',
						'electron',
						...builtinModules,
						...builtinModules.map((name) => `node:${name}`),
					].map((name) => ({
						name,
						message: 'src/core runs everywhere: take this through a port instead.',
					})),
					patterns: [
						{ group: ['**/obsidian/**', '**/cli/**'], message: 'src/core must not import an adapter.' },
					],
				},
			],
		},
	},
	{
		// The command-line tool runs on Node, never inside Obsidian.
		files: ['src/cli/**/*.ts'],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'no-restricted-globals': 'off',
			'no-console': 'off',
			'obsidianmd/no-nodejs-modules': 'off',
			'obsidianmd/prefer-window-timers': 'off',
			'obsidianmd/no-global-this': 'off',
			'import/no-nodejs-modules': 'off',
		},
	},
	{
		// Tests, fakes and scripts are Node programs that are never shipped: the directory's rules do not apply.
		files: ['test/**/*.ts', 'scripts/**/*.ts'],
		...tseslint.configs.disableTypeChecked,
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: {
			...tseslint.configs.disableTypeChecked.rules,
			...Object.fromEntries(Object.keys(obsidianmd.rules).map((rule) => [`obsidianmd/${rule}`, 'off'])),
			'no-restricted-globals': 'off',
			'no-console': 'off',
			'import/no-nodejs-modules': 'off',
			'import/no-extraneous-dependencies': 'off',
			'@typescript-eslint/no-restricted-imports': 'off',
			'no-undef': 'off',
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-this-alias': 'off',
		},
	},
]);
