import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";
import obsidianmd from "eslint-plugin-obsidianmd";

export default defineConfig([
	globalIgnores(["node_modules", "main.js", "cli.js", "dist", "coverage", "*.mjs", "*.cjs", "demo-vault"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ["manifest.json"] },
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: [".json"],
			},
		},
	},
	{
		files: ["manifest.json"],
		...tseslint.configs.disableTypeChecked,
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { projectService: false, project: null, extraFileExtensions: [".json"] },
		},
		plugins: { obsidianmd },
		rules: { "obsidianmd/validate-manifest": "error" },
	},
	{
		// The command-line tool, the tests and the scripts run on Node, never inside Obsidian.
		files: ["src/cli/**/*.ts", "test/**/*.ts", "scripts/**/*.ts"],
		rules: {
			"no-restricted-globals": "off",
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-nodejs-modules": "off",
			"no-console": "off",
		},
	},
]);
