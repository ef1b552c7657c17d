// The openai SDK's client constructs every resource of the API (admin, audio, realtime, vector stores…),
// so bundling it pulls in all of them. The plugin calls chat.completions and models only: this esbuild
// plugin replaces each other resource module that the client imports, and chat.completions.messages, with one
// empty resource class. The client still builds, `client.audio` is then an object without methods. A resource
// added or renamed by an SDK update changes `stubbedOpenAIResources()`, which
// test/build/openaiChatCompletionsOnly.test.ts pins. Of chat completions, only `create` is used, never with
// `stream: true`, of models only `list`; the client never gets a `workloadIdentity` or a `provider`, and
// sends no idempotency keys. So the helpers behind `.parse()`, `.stream()` and `.runTools()` (the SDK's
// `lib/`: stream and runner classes, a partial JSON parser), the server-sent events reader (`core/streaming`),
// the workload identity exchange, the providers' set-up, the maker of idempotency keys (`uuid4`), the template
// of paths with an id (retrieve, update, delete), the page with a cursor (chat.completions.list) and the makers
// of files to upload (reached only by the client class's static `toFile` and `toStreamingFile`) are replaced by
// stand-ins that throw when used (a module used in part, like pagination, keeps the rest). The names each
// stand-in must export are read from the modules that import them, and pinned by the same test. The SDK's copy
// of qs, which writes a request's query, gives way to a stand-in that writes flat queries the same, character
// for character.
const fs = require('node:fs');
const path = require('node:path');

const SDK = path.resolve(__dirname, '../node_modules/openai');
const USED = new Set(['Chat', 'Models']);

/** Who constructs resources, and which of its imports are resources; of these, the plugin uses `used` only. */
const RESOURCES = [
	{ importer: 'client.mjs', imports: /^\.\/resources\//, used: USED },
	// chat.completions.messages, which lists the messages of a stored completion.
	{ importer: 'resources/chat/completions/completions.mjs', imports: /^\.\/[\w-]+\.mjs$/, used: new Set() },
];

/** Module path → class name: each resource module that a constructor of resources imports, but for the used ones. */
function stubbedOpenAIResources() {
	const resources = new Map();
	for (const { importer, imports, used } of RESOURCES) {
		const file = path.join(SDK, importer);
		for (const [, name, from] of fs
			.readFileSync(file, 'utf8')
			.matchAll(/^import \{ (\w+)(?: as \w+)?,? \} from "(\.[\w./-]+)";$/gm))
			if (imports.test(from) && !used.has(name)) resources.set(path.resolve(path.dirname(file), from), name);
	}
	return resources;
}

/** Who imports what is left out: the importing module, and which of its imports are left out. */
const LEFT_OUT = [
	{ importer: 'resources/chat/completions/completions.mjs', imports: /^(?:\.\.\/)+lib\// },
	// The template of paths with an id, for retrieve, update and delete; create and list have fixed paths.
	{ importer: 'resources/chat/completions/completions.mjs', imports: /^(?:\.\.\/)+internal\/utils\/path\.mjs$/ },
	{ importer: 'resources/models.mjs', imports: /^\.\.\/internal\/utils\/path\.mjs$/ },
	{ importer: 'internal/parse.mjs', imports: /^\.\.\/core\/streaming\.mjs$/ },
	{ importer: 'client.mjs', imports: /^\.\/auth\/workload-identity-auth\.mjs$/ },
	// Third-party providers (a `provider` option), and the idempotency keys of a client with an `idempotencyHeader`,
	// which OpenAI's client does not have.
	{ importer: 'client.mjs', imports: /^\.\/internal\/(?:provider|utils\/uuid)\.mjs$/ },
	{ importer: 'core/uploads.mjs', imports: /^\.\.\/internal\/(?:uploads|to-file)\.mjs$/ },
	// The page with a cursor, for chat.completions.list (of stored completions); models.list has a plain page.
	{ importer: 'resources/chat/completions/completions.mjs', imports: /^(?:\.\.\/)+core\/pagination\.mjs$/ },
];

/** Modules of which only the names above are left out: their stand-ins re-export the rest of the module. */
const PARTLY_LEFT_OUT = new Set(['core/pagination.mjs'].map((module) => path.join(SDK, module)));

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

/**
 * The modules the stand-ins share, in a namespace of their own: `unavailable(name)` throws as soon as it is
 * called, constructed or read from, and `ResourceNotBundled` is the one empty resource of every left-out one.
 */
const STAND_IN = 'openai-stand-in';
const SHARED = {
	unavailable:
		'export const unavailable = (name) => new Proxy(function () {}, Object.fromEntries(["apply", "construct", "get"]' +
		'.map((trap) => [trap, () => { throw new Error(`openai: ${name} is not bundled in this plugin`); }])));\n',
	resource:
		`import { APIResource } from ${JSON.stringify(path.join(SDK, 'core/resource.mjs'))};\n` +
		'export class ResourceNotBundled extends APIResource {}\n',
};

/** A stand-in module: each name is a value that throws as soon as it is called, constructed or read from. */
function helperStandIn(module, names) {
	return (
		(PARTLY_LEFT_OUT.has(module) ? `export * from ${JSON.stringify(`${module}?whole`)};\n` : '') +
		`import { unavailable } from "${STAND_IN}:unavailable";\n` +
		names.map((name) => `export const ${name} = unavailable(${JSON.stringify(name)});\n`).join('')
	);
}

/**
 * The stand-in for the SDK's `internal/utils/query.mjs`, whose `stringifyQuery` runs the SDK's copy of qs
 * (arrayFormat 'brackets', RFC 3986). The client stringifies a query only when a request has one: the plugin
 * sends none, but a base URL with a query (`…?api-version=…`) gives every request one, of string values. For
 * an object of strings, numbers, booleans, bigints, symbols, null and undefined this writes what qs writes,
 * character for character (the test compares them): keys in `Object.keys` order, `key=value` joined by `&`,
 * null as an empty value, undefined left out, every UTF-16 unit but A-Z a-z 0-9 - . _ ~ percent-encoded as
 * UTF-8 in capitals, 1,024 units at a time. A nested object or array, which qs writes as `a[b]=` or `a[]=`,
 * throws instead. It is written out whole in the stand-in module, so it uses nothing from outside.
 */
function stringifyQuery(query) {
	if (typeof query !== 'object' || query === null) return '';
	const hex = (byte) => '%' + (byte < 16 ? '0' : '') + byte.toString(16).toUpperCase();
	const encode = (text) => {
		let out = '';
		for (let start = 0; start < text.length; start += 1024) {
			const segment = text.slice(start, start + 1024);
			for (let i = 0; i < segment.length; i++) {
				let c = segment.charCodeAt(i);
				if (/[-.~\w]/.test(segment[i])) out += segment[i];
				else if (c < 0x80) out += hex(c);
				else if (c < 0x800) out += hex(0xc0 | (c >> 6)) + hex(0x80 | (c & 63));
				else if (c < 0xd800 || c >= 0xe000)
					out += hex(0xe0 | (c >> 12)) + hex(0x80 | ((c >> 6) & 63)) + hex(0x80 | (c & 63));
				else {
					// A surrogate and the unit after it, as qs reads them (also when they are no pair).
					c = 0x10000 + (((c & 0x3ff) << 10) | (segment.charCodeAt(++i) & 0x3ff));
					out += hex(0xf0 | (c >> 18)) + hex(0x80 | ((c >> 12) & 63));
					out += hex(0x80 | ((c >> 6) & 63)) + hex(0x80 | (c & 63));
				}
			}
		}
		return out;
	};
	const pairs = [];
	for (const key of Object.keys(query)) {
		const value = query[key];
		if (value === undefined) continue;
		if (value !== null && (typeof value === 'object' || typeof value === 'function'))
			throw new Error(`openai: this plugin's query stand-in writes flat values only, not the object in "${key}"`);
		pairs.push(encode(key) + '=' + encode(value === null ? '' : String(value)));
	}
	return pairs.join('&');
}

const openaiChatCompletionsOnly = {
	name: 'openai-chat-completions-only',
	setup(build) {
		const stubbed = stubbedOpenAIResources();
		const helpers = stubbedOpenAIHelpers();
		build.onResolve({ filter: /^openai-stand-in:\w+$/ }, (args) => ({
			path: args.path.slice(STAND_IN.length + 1),
			namespace: STAND_IN,
		}));
		build.onLoad({ filter: /.*/, namespace: STAND_IN }, (args) => ({
			contents: SHARED[args.path],
			resolveDir: SDK,
			loader: 'js',
		}));
		build.onLoad({ filter: /[\\/]openai[\\/]internal[\\/]utils[\\/]query\.mjs$/ }, () => ({
			contents: `export ${stringifyQuery}\n`,
			loader: 'js',
		}));
		build.onLoad({ filter: /[\\/]openai[\\/](?:lib|core|auth|internal)[\\/].*\.mjs$/ }, (args) => {
			const names = args.suffix === '?whole' ? undefined : helpers.get(args.path);
			return names ? { contents: helperStandIn(args.path, names), loader: 'js' } : undefined;
		});
		build.onLoad({ filter: /[\\/]openai[\\/]resources[\\/].*\.mjs$/ }, (args) => {
			const name = stubbed.get(args.path);
			if (!name) return undefined;
			return {
				contents: `export { ResourceNotBundled as ${name} } from "${STAND_IN}:resource";\n`,
				loader: 'js',
			};
		});
	},
};

/**
 * Inside Obsidian, modules of the SDK with what stands in for each export: the SDK writes nothing to the console
 * (Obsidian's developer console), whatever OPENAI_LOG says, as what goes wrong reaches the user as the plugin's
 * own notices; and of the headers that describe the client, only the SDK's language and version go to the model
 * server, not the user's operating system, processor and runtime. The CLI keeps both, for OPENAI_LOG.
 */
const INSIDE_OBSIDIAN = {
	'internal/utils/log.mjs': {
		parseLogLevel: '() => undefined',
		loggerFor: '() => ({ error() {}, warn() {}, info() {}, debug() {} })',
		formatRequestDetails: '(details) => details',
	},
	'internal/detect-platform.mjs': {
		isRunningInBrowser:
			"() => typeof window !== 'undefined' && typeof window.document !== 'undefined' && typeof navigator !== 'undefined'",
		getPlatformHeaders: "() => ({ 'X-Stainless-Lang': 'js', 'X-Stainless-Package-Version': VERSION })",
	},
};

/** A module's stand-in, after checking the module exports exactly what the stand-in replaces. */
function insideObsidianModule(module) {
	const file = path.join(SDK, module);
	const exported = [...fs.readFileSync(file, 'utf8').matchAll(/^export (?:const|function) (\w+)/gm)].map(
		([, name]) => name,
	);
	const standIns = INSIDE_OBSIDIAN[module];
	if (exported.sort().join() !== Object.keys(standIns).sort().join())
		throw new Error(`openai: ${module} exports ${exported.join(', ')}; update INSIDE_OBSIDIAN`);
	const version = `import { VERSION } from ${JSON.stringify(path.join(SDK, 'version.mjs'))};\n`;
	return (
		version +
		Object.entries(standIns)
			.map(([name, value]) => `export const ${name} = ${value};\n`)
			.join('')
	);
}

/** For main.js only, after openaiChatCompletionsOnly in a build's plugins: see INSIDE_OBSIDIAN. */
const openaiInsideObsidian = {
	name: 'openai-inside-obsidian',
	setup(build) {
		const modules = new Map(
			Object.keys(INSIDE_OBSIDIAN).map((module) => [path.join(SDK, module), insideObsidianModule(module)]),
		);
		build.onLoad({ filter: /[\\/]openai[\\/]internal[\\/].*\.mjs$/ }, (args) => {
			const contents = modules.get(args.path);
			return contents ? { contents, loader: 'js' } : undefined;
		});
	},
};

module.exports = {
	openaiChatCompletionsOnly,
	openaiInsideObsidian,
	stubbedOpenAIResources,
	stubbedOpenAIHelpers,
	stringifyQuery,
};
