// Lets tests import templates/*.hbs as text, as esbuild's text loader does for the bundle.
module.exports = {
	process(source) {
		return { code: `module.exports = ${JSON.stringify(source)}; module.exports.default = module.exports;` };
	},
};
