// Gives the tests the same precompiled table as the bundle (see scripts/precompileTemplates.cjs).
const esbuild = require('esbuild');
const { createHash } = require('node:crypto');
const { precompiledTemplatesModule } = require('../scripts/precompileTemplates.cjs');

const moduleCode = () => esbuild.transformSync(precompiledTemplatesModule().code, { format: 'cjs' }).code;

module.exports = {
	// The table follows the templates and the default properties, not this file's text: key the cache on it.
	getCacheKey: () => createHash('sha256').update(moduleCode()).digest('hex'),
	process: () => ({ code: moduleCode() }),
};
