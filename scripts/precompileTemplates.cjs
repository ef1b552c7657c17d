// Precompiles the templates the plugin ships (src/core/render/shippedTemplates.ts) into the table of
// src/core/render/precompiledTemplates.ts: for the esbuild builds (a plugin) and for Jest (a transform).
const esbuild = require('esbuild');
const Handlebars = require('handlebars');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const TABLE_MODULE = /src[\\/]core[\\/]render[\\/]precompiledTemplates\.ts$/;

/** Bundles and runs shippedTemplates.ts, so the texts are exactly those the plugin imports. */
function shippedTemplates() {
	const result = esbuild.buildSync({
		entryPoints: [path.join(ROOT, 'src/core/render/shippedTemplates.ts')],
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
	return { ...module.exports, inputs: Object.keys(result.metafile.inputs).map((input) => path.join(ROOT, input)) };
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

function specification(handlebars, text, options) {
	return withoutHelperLocations(withoutLookupFallback(handlebars.precompile(text, options)));
}

/**
 * The table module's code (ES module syntax): each shipped text with a function that makes its template
 * specification, so that only the specifications of the templates a run uses are built (and compiled by V8).
 */
function precompiledTemplatesModule() {
	const { SHIPPED_TEMPLATES, COMPILE_OPTIONS, inputs } = shippedTemplates();
	const handlebars = Handlebars.create();
	const entries = [...new Set(SHIPPED_TEMPLATES)].map(
		(text) => `\t[${JSON.stringify(text)}, () => (${specification(handlebars, text, COMPILE_OPTIONS)})]`,
	);
	return { code: `export const PRECOMPILED_TEMPLATES = new Map([\n${entries.join(',\n')}\n]);\n`, inputs };
}

/** esbuild: loads precompiledTemplates.ts as the generated table. */
const precompileTemplatesPlugin = {
	name: 'precompile-templates',
	setup(build) {
		build.onLoad({ filter: TABLE_MODULE }, () => {
			const { code, inputs } = precompiledTemplatesModule();
			return { contents: code, loader: 'js', watchFiles: inputs };
		});
	},
};

module.exports = { precompiledTemplatesModule, precompileTemplatesPlugin, TABLE_MODULE };
