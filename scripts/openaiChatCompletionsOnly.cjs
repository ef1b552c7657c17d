// The openai SDK's client constructs every resource of the API (admin, audio, realtime, vector stores…),
// so bundling it pulls in all of them. The plugin calls chat.completions and models only: this esbuild
// plugin replaces each other resource module that the client imports with an empty resource class of the
// same name. The client still builds, `client.audio` is then an object without methods. A resource added
// or renamed by an SDK update changes `stubbedOpenAIResources()`, which test/build/openaiBundle.test.ts pins.
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

const openaiChatCompletionsOnly = {
	name: 'openai-chat-completions-only',
	setup(build) {
		const stubbed = stubbedOpenAIResources();
		const resource = JSON.stringify(path.join(SDK, 'core/resource.mjs'));
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

module.exports = { openaiChatCompletionsOnly, stubbedOpenAIResources };
