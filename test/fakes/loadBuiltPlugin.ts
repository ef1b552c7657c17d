/**
 * Loads the BUILT plugin (main.js + manifest.json) into the fake Obsidian the way Obsidian does:
 * evaluates the CommonJS bundle with a `require` that provides only `obsidian` (the very module instance
 * the tests import), constructs the default export with `new PluginClass(app, manifest)`, and awaits
 * onload(). Anything else the bundle requires throws, so a stray Node import in main.js fails the test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as O from 'obsidian';
import * as obsidian from './obsidian/index';
import type { Plugin } from './obsidian/plugin';
import {
	createTestApp,
	fakeApp,
	registerLoadedPlugin,
	runCommand,
	unregisterLoadedPlugin,
	type TestAppOptions,
} from './obsidian/testing';

const REPO_ROOT = path.resolve(__dirname, '../..');

export interface LoadBuiltPluginOptions {
	/** An existing app (default: a new one from `appOptions`). */
	app?: O.App;
	/** Options for the new app (files, secrets, config, ...). `data` here is the plugin's data.json. */
	appOptions?: TestAppOptions;
	/** The plugin's data.json content, written before onload (overrides appOptions.data). */
	data?: unknown;
	/** Bundle source to evaluate instead of reading main.js. */
	code?: string;
	/** Path of the bundle (default `<repo>/main.js`). */
	mainJsPath?: string;
	/** Manifest to use instead of reading manifest.json. */
	manifest?: O.PluginManifest;
	/** Path of the manifest (default `<repo>/manifest.json`). */
	manifestPath?: string;
	/** Also call onUserEnable() after onload, as when the user turns the plugin on. */
	userEnable?: boolean;
}

export interface LoadedPlugin {
	app: O.App;
	plugin: O.Plugin;
	manifest: O.PluginManifest;
	/** The plugin's commands, keyed by full id (`plugin-id:command-id`), live. */
	readonly commands: Record<string, O.Command>;
	/**
	 * Runs a command as Obsidian does (editor commands get the active editor and view; check callbacks
	 * are asked first) and awaits the promise its callback returns. `id` with or without the plugin prefix.
	 */
	runCommand(id: string): Promise<void>;
	/** Disables the plugin: unload() (commands, events, intervals, DOM removed), then forgets it. */
	unload(): void;
}

/** Evaluates a CommonJS bundle whose only allowed dependency is `obsidian`; returns module.exports. */
export function evaluateBundle(code: string, filename: string): unknown {
	const module = { exports: {} as unknown };
	const fakeRequire = (id: string): unknown => {
		if (id === 'obsidian') return obsidian;
		throw new Error(
			`main.js requires "${id}", but a plugin bundle may only require "obsidian" here (bundle everything else)`,
		);
	};
	// Evaluating the plugin bundle is the point: new Function runs it in this realm (Jest's sandbox).
	const run = new Function(
		'module',
		'exports',
		'require',
		'__filename',
		'__dirname',
		`${code}\n//# sourceURL=${filename}`,
	) as (
		module: { exports: unknown },
		exports: unknown,
		require: (id: string) => unknown,
		filename: string,
		dirname: string,
	) => void;
	run(module, module.exports, fakeRequire, filename, path.dirname(filename));
	return module.exports;
}

export async function loadBuiltPlugin(options: LoadBuiltPluginOptions = {}): Promise<LoadedPlugin> {
	const mainJsPath = options.mainJsPath ?? path.join(REPO_ROOT, 'main.js');
	const code = options.code ?? fs.readFileSync(mainJsPath, 'utf8');
	const manifest: O.PluginManifest = {
		...(options.manifest ??
			(JSON.parse(
				fs.readFileSync(options.manifestPath ?? path.join(REPO_ROOT, 'manifest.json'), 'utf8'),
			) as O.PluginManifest)),
	};
	const data = options.data !== undefined ? options.data : options.appOptions?.data;
	const app = options.app ?? createTestApp({ ...options.appOptions, pluginId: manifest.id, data });
	const vault = fakeApp(app).fakeVault;
	manifest.dir = `${vault.configDir}/plugins/${manifest.id}`;
	vault.fakeAdapter.mkdirSync(manifest.dir);
	if (options.app && data !== undefined)
		vault.fakeAdapter.writeSync(`${manifest.dir}/data.json`, JSON.stringify(data, null, 2));

	const exported = evaluateBundle(code, mainJsPath) as { default?: unknown } | undefined;
	const PluginClass = (
		exported && typeof exported === 'object' && 'default' in exported ? exported.default : exported
	) as (new (app: O.App, manifest: O.PluginManifest) => O.Plugin) | undefined;
	if (typeof PluginClass !== 'function')
		throw new Error('main.js does not export a Plugin class (module.exports.default)');
	const plugin = new PluginClass(app, manifest);
	if (!(plugin instanceof obsidian.Plugin))
		throw new Error("main.js's default export does not extend obsidian's Plugin");
	registerLoadedPlugin(app, plugin as unknown as Plugin);
	await (plugin as unknown as Plugin).loadAsync();
	if (options.userEnable) plugin.onUserEnable();

	const prefix = `${manifest.id}:`;
	const commands = fakeApp(app).commands.commands;
	return {
		app,
		plugin,
		manifest,
		get commands() {
			const own: Record<string, O.Command> = {};
			for (const [id, command] of Object.entries(commands)) if (id.startsWith(prefix)) own[id] = command;
			return own;
		},
		runCommand: (id: string) => runCommand(app, id.startsWith(prefix) ? id : `${prefix}${id}`),
		unload: () => {
			plugin.unload();
			unregisterLoadedPlugin(app, manifest.id);
		},
	};
}
