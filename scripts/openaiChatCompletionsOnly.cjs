// The openai SDK's client constructs every resource of the API (admin, audio, realtime, vector stores…),
// so bundling it pulls in all of them. The plugin calls chat.completions and models only: this esbuild
// plugin replaces each other resource module that the client imports with an empty resource class of the
// same name. The client still builds, `client.audio` is then an object without methods. A resource added
// or renamed by an SDK update changes `stubbedOpenAIResources()`, which test/build/openaiChatCompletionsOnly.test.ts
// pins. Of chat completions, only `create` is used, never with `stream: true`, and the client never gets a
// `workloadIdentity`: the helpers behind `.parse()`, `.stream()` and `.runTools()` (the SDK's `lib/`: stream
// and runner classes, a partial JSON parser), the server-sent events reader (`core/streaming`) and the workload
// identity exchange are replaced by stand-ins that throw when used. The names each stand-in must export are
// read from the modules that import them, and pinned by the same test.
const fs = require('node:fs');
const path = require('node:path');

const SDK = path.resolve(__dirname, '../node_modules/openai');
const USED = new Set(['Chat', 'Models']);

/** Module path → class name: each resource module that client.mjs imports a class from, but for the used ones. */
function stubbedOpenAIResources() {
	const client = fs.readFileSync(path.join(SDK, 'client.mjs'), 'utf8');
	const resources = new Map();
	for (const [, name, file] of client.matchAll(
		/^import \{ (\w+)(?: as \w+)?,? \} from "\.\/(resources\/[\w./-]+)";$/gm,
	))
		if (!USED.has(name)) resources.set(path.join(SDK, file), name);
	return resources;
}

/** Who imports what is left out: the importing module, and which of its imports are left out. */
const LEFT_OUT = [
	{ importer: 'resources/chat/completions/completions.mjs', imports: /^(?:\.\.\/)+lib\// },
	{ importer: 'internal/parse.mjs', imports: /^\.\.\/core\/streaming\.mjs$/ },
	{ importer: 'client.mjs', imports: /^\.\/auth\/workload-identity-auth\.mjs$/ },
];

/** Module path → names: each module left out, with the names its importers import or re-export from it. */
function stubbedOpenAIHelpers() {
	const helpers = new Map();
	for (const { importer, imports } of LEFT_OUT) {
		const file = path.join(SDK, importer);
		for (const [, names, from] of fs
			.readFileSync(file, 'utf8')
			.matchAll(/^(?:import|export) \{([^}]*)\} from "(\.[\w./-]+)";$/gm)) {
			if (!imports.test(from)) continue;
			const module = path.resolve(path.dirname(file), from);
			const known = helpers.get(module) ?? new Set();
			for (const name of names.split(',').map((part) => part.trim().split(/\s+as\s+/)[0]))
				if (name) known.add(name);
			helpers.set(module, known);
		}
	}
	return new Map([...helpers].map(([module, names]) => [module, [...names].sort()]));
}

/** One module for every stand-in: `unavailable(name)` throws as soon as it is called, constructed or read from. */
const STAND_IN = 'openai-stand-in:unavailable';
const UNAVAILABLE =
	'export const unavailable = (name) => new Proxy(function () {}, Object.fromEntries(["apply", "construct", "get"]' +
	'.map((trap) => [trap, () => { throw new Error(`openai: ${name} is not bundled in this plugin`); }])));\n';

/** A stand-in module: each name is a value that throws as soon as it is called, constructed or read from. */
function helperStandIn(names) {
	return (
		`import { unavailable } from ${JSON.stringify(STAND_IN)};\n` +
		names.map((name) => `export const ${name} = unavailable(${JSON.stringify(name)});\n`).join('')
	);
}

const openaiChatCompletionsOnly = {
	name: 'openai-chat-completions-only',
	setup(build) {
		const stubbed = stubbedOpenAIResources();
		const resource = JSON.stringify(path.join(SDK, 'core/resource.mjs'));
		const helpers = stubbedOpenAIHelpers();
		build.onResolve({ filter: /^openai-stand-in:unavailable$/ }, () => ({ path: STAND_IN, namespace: STAND_IN }));
		build.onLoad({ filter: /.*/, namespace: STAND_IN }, () => ({ contents: UNAVAILABLE, loader: 'js' }));
		build.onLoad({ filter: /[\\/]openai[\\/](?:lib|core|auth)[\\/].*\.mjs$/ }, (args) => {
			const names = helpers.get(args.path);
			return names ? { contents: helperStandIn(names), loader: 'js' } : undefined;
		});
		build.onLoad({ filter: /[\\/]openai[\\/]resources[\\/].*\.mjs$/ }, (args) => {
			const name = stubbed.get(args.path);
			if (!name) return undefined;
			return {
				contents: `import { APIResource } from ${resource};\nexport class ${name} extends APIResource {}\n`,
				loader: 'js',
			};
		});
	},
};

module.exports = { openaiChatCompletionsOnly, stubbedOpenAIResources, stubbedOpenAIHelpers };
