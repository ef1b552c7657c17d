import * as fs from 'node:fs';
import * as path from 'node:path';
import { fingerprint } from '../../scripts/precompileTemplates.cjs';
import { PRECOMPILED_SOURCES } from '../../src/core/render/shippedTemplates';

const ROOT = path.resolve(__dirname, '../..');

function built(file: string): string {
	const at = path.join(ROOT, file);
	if (!fs.existsSync(at)) throw new Error(`${file} is missing: run npm run build before the tests`);
	return fs.readFileSync(at, 'utf8');
}

// Each build transform finds its module by path; should a dependency update move the module, the transform
// would not run and the build would go on, only heavier. The built files say whether each one ran.
describe.each(['main.js', 'cli.js'])('the built %s', (file) => {
	const code = built(file);

	it('has the shipped templates a default run renders precompiled', () => {
		for (const text of new Set(PRECOMPILED_SOURCES)) expect(code).toContain(JSON.stringify(fingerprint(text)));
	});

	it("has Handlebars' parser tables as strings, not as object literals", () => {
		expect(code).not.toMatch(/table:\[\{3:1,4:2/);
		expect(code).not.toMatch(/symbols_:\{error:2/);
	});

	it('has the openai SDK without what the plugin never calls', () => {
		expect(code).toContain('is not bundled in this plugin');
		expect(code).not.toContain('/audio/transcriptions');
		expect(code).not.toContain('/vector_stores');
	});
});

it('main.js has the openai SDK without its logging and its description of the machine; cli.js has both', () => {
	for (const kept of [/was set to .*, expected one of/, /X-Stainless-OS/]) {
		expect(built('main.js')).not.toMatch(kept);
		expect(built('cli.js')).toMatch(kept);
	}
});
