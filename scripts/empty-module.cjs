// Stands in for modules that the bundle must not carry (see esbuild.config.mjs).
module.exports = {};
