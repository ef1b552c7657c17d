// Precompiles the shipped templates a default run renders (PRECOMPILED_SOURCES, src/core/render/shippedTemplates.ts) into the table of
// src/core/render/precompiledTemplates.ts: for the esbuild builds (a plugin) and for Jest (a transform).
const esbuild = require('esbuild');
const Handlebars = require('handlebars');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const TABLE_MODULE = /src[\\/]core[\\/]render[\\/]precompiledTemplates\.ts$/;

/**
 * Bundles and runs what the build reads from the plugin's own code, so it is exactly what the plugin imports:
 * the shipped texts and how they compile, the helpers the engine registers, the sample context.
 */
function renderModules() {
	const result = esbuild.buildSync({
		stdin: {
			contents: [
				"export { PRECOMPILED_SOURCES, COMPILE_OPTIONS } from './src/core/render/shippedTemplates';",
				"export { createHelpers } from './src/core/render/templateHelpers';",
				"export { sampleDigestContext } from './src/core/render/sampleContext';",
				"export { TIMESTAMP_STYLES } from './src/core/render/timestampStyle';",
			].join('\n'),
			resolveDir: ROOT,
			loader: 'ts',
		},
		bundle: true,
		write: false,
		metafile: true,
		format: 'cjs',
		platform: 'node',
		loader: { '.hbs': 'text' },
		logLevel: 'silent',
	});
	const module = { exports: {} };
	new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports);
	const inputs = Object.keys(result.metafile.inputs).filter((input) => input !== '<stdin>');
	return {
		...module.exports,
		inputs: inputs.map((input) => path.join(ROOT, input)),
	};
}

/**
 * The helpers a template can call: Handlebars' own and those the engine registers (createHelpers). The
 * templates are precompiled knowing them and no other (`knownHelpersOnly`), so `{{title}}` compiles to a
 * lookup of the field rather than to "the helper `title` if one is registered, else the field" (-7 KB). The
 * two are the same as long as the helpers registered at run time are these, which is why the names come from
 * createHelpers itself; a shipped text calling any other helper fails the build.
 */
function helperNames(createHelpers) {
	return [...Object.keys(Handlebars.create().helpers), ...Object.keys(createHelpers((markdown) => markdown))];
}

/**
 * Fails the build if a name of the template context, at any depth the sample context has, is also a helper's:
 * `{{date}}` would call the helper, compiled either way, and the field could not be reached.
 */
function checkContextNames(contexts, helpers) {
	const clashes = new Set();
	const visit = (value, where) => {
		if (Array.isArray(value)) value.forEach((item) => visit(item, `${where}[]`));
		else if (typeof value === 'object' && value !== null)
			for (const [key, child] of Object.entries(value)) {
				const name = where ? `${where}.${key}` : key;
				if (helpers.includes(key)) clashes.add(name);
				visit(child, name);
			}
	};
	contexts.forEach((context) => visit(context, ''));
	if (clashes.size > 0)
		throw new Error(`template context: ${[...clashes].join(', ')} named like a helper; rename one of them`);
}

/**
 * Each program of a precompiled template repeats a fallback for runtimes older than Handlebars 4.6, which had
 * no `container.lookupProperty`; the runtime bundled with it always has one, so the fallback goes (-4 KB).
 */
const LOOKUP_FALLBACK =
	/ \|\| function\(parent, propertyName\) \{\s*if \(Object\.prototype\.hasOwnProperty\.call\(parent, propertyName\)\) \{\s*return parent\[propertyName\];\s*\}\s*return undefined\s*\}/g;

function withoutLookupFallback(specification) {
	const lookups = specification.split('lookupProperty = container.lookupProperty').length - 1;
	const fallbacks = specification.match(LOOKUP_FALLBACK)?.length ?? 0;
	// A Handlebars update that words the fallback otherwise fails the build here, rather than keep it.
	if (lookups !== fallbacks) throw new Error(`precompiled template: ${lookups} lookups, ${fallbacks} fallbacks`);
	return specification.replace(LOOKUP_FALLBACK, '');
}

/**
 * The options object handed to each helper carries the helper's position in the template, which neither the
 * plugin's helpers nor Handlebars' own read (their errors name no position); it goes (-6 KB). The position
 * given to `container.strict`, which an error for an unknown variable reports, stays.
 */
const HELPER_LOCATION =
	/("data":data),"loc":\{"start":\{"line":\d+,"column":\d+\},"end":\{"line":\d+,"column":\d+\}\}/g;

function withoutHelperLocations(specification) {
	const locations = specification.split('"loc":').length - 1;
	const helperLocations = specification.match(HELPER_LOCATION)?.length ?? 0;
	// Any other `loc` (a Handlebars update) fails the build here rather than be cut or kept unnoticed.
	if (locations !== helperLocations) throw new Error(`precompiled template: ${locations} locations`);
	return specification.replace(HELPER_LOCATION, '$1');
}

/**
 * `container.strict`, which looks up a variable and fails if it is missing, is given the variable's position as
 * an object literal: `{"start":{"line":4,"column":2},"end":{"line":4,"column":6}}`. Handlebars' Exception reads
 * its four numbers (the message's `- 4:2`, lineNumber, column, endLineNumber, endColumn), so they stay, but
 * a function of the table module makes the same object from them: `strictLocation(4,2,4,6)` (-2 KB).
 */
const STRICT_LOCATION =
	/(, "[\w-]+", )\{"start":\{"line":(\d+),"column":(\d+)\},"end":\{"line":(\d+),"column":(\d+)\}\}( \))/g;
const STRICT_LOCATION_FUNCTION =
	'const strictLocation = (line, column, endLine, endColumn) => ({ start: { line, column }, end: { line: endLine, column: endColumn } });';

function withStrictLocations(specification) {
	const locations = specification.split('{"start":').length - 1;
	const strictLocations = specification.match(STRICT_LOCATION)?.length ?? 0;
	// Any other position (a Handlebars update) fails the build here rather than be rewritten or kept unnoticed.
	if (locations !== strictLocations || specification.includes('strictLocation'))
		throw new Error(`precompiled template: ${locations} positions, ${strictLocations} of container.strict`);
	return specification.replace(STRICT_LOCATION, '$1strictLocation($2,$3,$4,$5)$6');
}

/**
 * A helper is called with `this` the context or, where there is none (`{{#each}}` over null items),
 * `container.nullContext`, with a fallback to `{}` for older runtimes, which had none; the runtime bundled
 * with it always has one, so the fallback goes.
 */
const NULL_CONTEXT_FALLBACK = /\(container\.nullContext \|\| \{\}\)/g;

function withoutNullContextFallback(specification) {
	const uses = specification.split('nullContext').length - 1;
	const fallbacks = specification.match(NULL_CONTEXT_FALLBACK)?.length ?? 0;
	if (uses !== fallbacks) throw new Error(`precompiled template: ${uses} nullContext, ${fallbacks} fallbacks`);
	return specification.replace(NULL_CONTEXT_FALLBACK, 'container.nullContext');
}

function specification(handlebars, text, options) {
	const precompiled = handlebars.precompile(text, options);
	return withoutNullContextFallback(withStrictLocations(withoutHelperLocations(withoutLookupFallback(precompiled))));
}

/** The same fingerprint of a text at build time and, in the table module, at run time: its length and FNV-1a hash. */
function fingerprint(text) {
	let hash = 2166136261;
	for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
	return `${text.length}:${hash >>> 0}`;
}

/**
 * The table module's code (ES module syntax): each precompiled text with a function that makes its template
 * specification, so that only the specifications of the templates a run uses are built (and compiled by V8).
 * The texts are taken from shippedTemplates.ts, as the build took them, rather than written out again; each
 * goes with its code only if its fingerprint is the one the build compiled, so a text that differs at run time
 * (another order, another loader's reading of a file) is compiled on demand instead of rendered with the code
 * of another.
 */
function precompiledTemplatesModule() {
	const { PRECOMPILED_SOURCES, COMPILE_OPTIONS, createHelpers, sampleDigestContext, TIMESTAMP_STYLES, inputs } =
		renderModules();
	const knownHelpers = helperNames(createHelpers);
	checkContextNames(TIMESTAMP_STYLES.map(sampleDigestContext), knownHelpers);
	const options = {
		...COMPILE_OPTIONS,
		knownHelpers: Object.fromEntries(knownHelpers.map((name) => [name, true])),
		knownHelpersOnly: true,
	};
	const handlebars = Handlebars.create();
	const texts = [...new Set(PRECOMPILED_SOURCES)];
	const entries = texts.map(
		(text) => `\t[${JSON.stringify(fingerprint(text))}, () => (${specification(handlebars, text, options)})]`,
	);
	const code = [
		"import { PRECOMPILED_SOURCES } from './shippedTemplates';",
		STRICT_LOCATION_FUNCTION,
		`const fingerprint = ${fingerprint.toString()};`,
		`const compiled = new Map([\n${entries.join(',\n')}\n]);`,
		'export const PRECOMPILED_TEMPLATES = new Map(',
		'\t[...new Set(PRECOMPILED_SOURCES)].flatMap((text) => {',
		'\t\tconst specification = compiled.get(fingerprint(text));',
		'\t\treturn specification ? [[text, specification]] : [];',
		'\t}),',
		');',
	];
	return { code: `${code.join('\n')}\n`, inputs };
}

/** esbuild: loads precompiledTemplates.ts as the generated table. */
const precompileTemplatesPlugin = {
	name: 'precompile-templates',
	setup(build) {
		build.onLoad({ filter: TABLE_MODULE }, (args) => {
			const { code, inputs } = precompiledTemplatesModule();
			return { contents: code, loader: 'js', resolveDir: path.dirname(args.path), watchFiles: inputs };
		});
	},
};

module.exports = {
	fingerprint,
	precompiledTemplatesModule,
	precompileTemplatesPlugin,
	helperNames,
	checkContextNames,
};
