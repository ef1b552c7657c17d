import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import {
	compactParserModule,
	decodeHandlebarsParser,
	encodeParserTables,
	handlebarsParserTables,
} from '../../scripts/handlebarsParserTables.cjs';

const ROOT = path.resolve(__dirname, '../..');
const PARSER_MODULE = require.resolve('handlebars/dist/cjs/handlebars/compiler/parser.js');
const PARSER_TEXT = fs.readFileSync(PARSER_MODULE, 'utf8');
const TABLES = ['symbols_', 'terminals_', 'productions_', 'table', 'defaultActions'] as const;

type Parser = Record<(typeof TABLES)[number], unknown>;
type Compiler = typeof Handlebars;

/** Handlebars' own parser, as Node loads it (Jest transforms nothing in node_modules). */
const ownParser = (): Parser => (Handlebars as unknown as { Parser: Parser }).Parser;

/** An entry bundled and minified as main.js bundles it, with or without the plugin, and run. */
async function bundled<T>(entry: string, plugins = [handlebarsParserTables]) {
	const result = await esbuild.build({
		entryPoints: [entry],
		bundle: true,
		write: false,
		metafile: true,
		format: 'cjs',
		platform: 'browser',
		target: 'es2020',
		minify: true,
		alias: { 'source-map': path.join(ROOT, 'scripts/empty-module.cjs') },
		plugins,
		logLevel: 'silent',
	});
	const text = result.outputFiles[0].text;
	const module = { exports: {} as T };
	new Function('module', 'exports', 'require', text)(module, module.exports, require);
	const [output] = Object.values(result.metafile.outputs);
	const parserBytes = Object.entries(output.inputs).find(([input]) => input.endsWith('compiler/parser.js'))?.[1];
	return { exports: module.exports, text, parserBytes: parserBytes?.bytesInOutput ?? 0 };
}

/** What the compiler of main.js (Handlebars' browser build) parses with. */
const bundledCompiler = async () =>
	(await bundled<Compiler>(require.resolve('handlebars/dist/cjs/handlebars.js'))).exports;

const shippedTemplates = fs
	.readdirSync(path.join(ROOT, 'templates'))
	.filter((name) => name.endsWith('.hbs'))
	.map((name) => fs.readFileSync(path.join(ROOT, 'templates', name), 'utf8'));

/** Every part of the grammar: each must parse. */
const FEATURES = [
	'',
	'plain text only',
	'Hello {{name}}!\nLine two {{a.b.c}} {{a/b}} {{this}} {{this.x}} {{this/x}} {{.}} {{./x}} {{../up}} {{../../up.x}}',
	'{{{triple}}} {{&ampersand}} {{[bracket name]}} {{a.[b c].d}} {{[a\\]b]}}',
	'{{@index}} {{@root.x}} {{@first}} {{@../index}}',
	'{{"string"}} {{\'single\'}} {{"with \\"escape\\""}} {{\'it\\\'s\'}} {{12}} {{-1.5}} {{0}}',
	'{{true}} {{false}} {{null}} {{undefined}} {{helper true false null undefined 1.25 "" \'\'}}',
	'{{helper a=1 b="s" c=\'t\' d=true e=false f=null g=undefined h=-1.5 i=@index j=../p k=this l=[odd name]}}',
	'{{helper p1 "p2" 3 (sub a) key=(sub (deeper b c) d=e)}} {{helper (a)}} {{#if (a (b (c)))}}x{{/if}}',
	'{{#if a}}yes{{/if}} {{#if a}}yes{{else}}no{{/if}} {{#if a}}yes{{^}}no{{/if}}',
	'{{#if a}}1{{else if b}}2{{else if c d=e}}3{{else unless f}}4{{else}}5{{/if}}',
	'{{^if a}}not{{/if}} {{^a}}none{{/a}} {{#a}}x{{^}}y{{/a}} {{^a}}x{{else}}y{{/a}}',
	'{{#each items as |item index|}}{{index}}: {{item.name}}{{else}}empty{{/each}}',
	'{{#with person as |p|}}{{p.first}}{{/with}} {{#each a as |x|}}{{#each x as |y i|}}{{y}}{{/each}}{{/each}}',
	'{{#if a as |x|}}{{x}}{{else if b as |y z|}}{{y}}{{/if}}',
	'{{> partial}} {{> partial context}} {{> partial context key=value}} {{> partial key=(sub a)}}',
	'{{> (lookup . "name")}} {{> "quoted name"}} {{> \'single\'}} {{> [bracket name]}} {{> a/b}} {{> 12}}',
	'{{#> layout title="x"}}default {{> @partial-block}}{{/layout}} {{#> (dyn) a}}x{{/undefined}}',
	'{{#*inline "name"}}inline {{x}}{{/inline}}{{> name}}',
	'{{*decorator}} {{*decorator arg key=value}} {{#*decorator a}}body{{/decorator}} {{#*inline}}{{/inline}}',
	'{{{{raw}}}} {{not parsed}} {{{foo}}} {{#if}} {{{{/raw}}}} {{{{raw-helper a b=c}}}}x{{{{/raw-helper}}}}',
	'{{!comment}} {{! with }} inside? no}} {{!-- long }} comment --}} {{~!-- trimmed --~}} {{~! short ~}}',
	'  {{~a~}}  {{~#if b~}} x {{~else~}} y {{~/if~}}  {{~> partial ~}} {{~{triple}~}} {{~&amp~}}',
	'{{#a~}} x {{~^~}} y {{~/a}} {{~^b~}}z{{~/b~}} {{#> p ~}} q {{~/p}}',
	'\\{{escaped}} \\\\{{not escaped}} \\{{{also}}} {{{{raw}}}}\\{{{{/raw}}}}',
	'line\n  {{#if a}}\n  standalone\n  {{else}}\n  other\n  {{/if}}\n{{!-- standalone comment --}}\n  {{> p}}\n',
	'{{#each}}\r\n{{/each}}\r\n  {{^a}}  \n{{/a}}',
	'{{foo.bar.[baz qux]}} {{foo-bar}} {{foo_bar}} {{$dollar}} {{é}} {{foo.}}',
	'{{helper a\n  b=c\n  d=e}}',
];

/** Syntax errors: each must fail, with Handlebars' own message. */
const ERRORS = [
	'{{',
	'{{foo',
	'{{foo}',
	'{{foo}}}',
	'{{{foo}}',
	'{{#if a}}',
	'{{#if a}}{{/each}}',
	'{{#if a}}{{else if b}}{{/unless}}',
	'{{/if}}',
	'{{^}}',
	'{{else}}',
	'{{foo bar=}}',
	'{{foo =bar}}',
	'{{foo a=b c}}',
	'{{#each a as |x}}{{/each}}',
	'{{#each a as ||}}{{/each}}',
	'{{foo as |x|}}',
	'{{> }}',
	'{{#> }}{{/}}',
	'{{#>p}}{{/q}}',
	'{{(foo}}',
	'{{foo)}}',
	'{{()}}',
	'{{!-- open',
	'{{foo "unterminated}}',
	"{{foo 'unterminated}}",
	'{{@}}',
	'{{a/../b}}',
	'{{a/this}}',
	'{{{{raw}}}} {{{{/other}}}}',
	'{{{{raw}}}}',
	'{{*}}',
	'{{foo}}\n\n{{bar baz=}}\n',
	'text {{#if a}}\n  {{#each b}}\n  {{/if}}\n{{/each}}',
	'{{(sub a) b}}',
	'{{(a)}}',
	'{{#> (dyn) a}}x{{/dyn}}',
	'{{a=b}}',
	'{{helper a\n  b=c\n  d}}',
	'{{.foo}}',
	'{{foo [bar}}',
	'{{~}}',
	'{{&}}',
	'{{#}}',
];

/** What a failing call throws, as far as it can be seen: kind, message and every own property. */
function failure(call: () => unknown): unknown {
	try {
		call();
	} catch (error) {
		const { name, message } = error as Error;
		return JSON.parse(JSON.stringify({ name, message, ...(error as object) }));
	}
	return 'no error';
}

describe("Handlebars' parser with its tables in strings", () => {
	it('decodes to the tables of Handlebars’ own parser, key for key', async () => {
		const { exports: parser } = await bundled<Parser>(PARSER_MODULE);
		const own = ownParser();
		for (const name of TABLES) {
			expect(parser[name]).toStrictEqual(own[name]);
			expect(JSON.stringify(parser[name])).toBe(JSON.stringify(own[name]));
		}
		expect(decodeHandlebarsParser(...encodeParserTables(own))).toStrictEqual(
			Object.fromEntries(TABLES.map((name) => [name, own[name]])),
		);
	});

	it('leaves the literals out of main.js, and no eval in', async () => {
		const transformed = await bundled(PARSER_MODULE);
		const untransformed = await bundled(PARSER_MODULE, []);
		expect(untransformed.text).toContain('table:[{3:1,4:2,5:[2,46],');
		expect(transformed.text).not.toMatch(/table:\[\{|\[2,46\]|"error":2|productions_:\[0,/);
		expect(transformed.text).not.toMatch(/\beval\b|new Function|Function\(/);
		// About 10 KB less in Handlebars 4.7.
		expect(untransformed.parserBytes - transformed.parserBytes).toBeGreaterThan(9_000);
	});

	it('parses every template to the same tree as Handlebars', async () => {
		const compiler = await bundledCompiler();
		expect(compiler.parse).not.toBe(Handlebars.parse);
		for (const template of [...shippedTemplates, ...FEATURES]) {
			const own = JSON.stringify(Handlebars.parseWithoutProcessing(template));
			expect(JSON.stringify(compiler.parseWithoutProcessing(template))).toBe(own);
			expect(JSON.stringify(compiler.parse(template))).toBe(JSON.stringify(Handlebars.parse(template)));
			expect(own).toContain('"type":"Program"');
		}
	});

	it('fails on every syntax error with the message of Handlebars', async () => {
		const compiler = await bundledCompiler();
		for (const template of ERRORS) {
			const own = failure(() => Handlebars.parse(template));
			expect([template, own]).not.toEqual([template, 'no error']);
			expect([template, failure(() => compiler.parse(template))]).toEqual([template, own]);
			expect(failure(() => compiler.parseWithoutProcessing(template))).toEqual(
				failure(() => Handlebars.parseWithoutProcessing(template)),
			);
		}
	});

	it('renders as Handlebars does', async () => {
		const compiler = await bundledCompiler();
		const template = '{{#each items as |item i|}}{{i}}={{item}}{{#if @last}}.{{else}}, {{/if}}{{/each}}';
		const context = { items: ['a', '<b>', 'c'] };
		expect(compiler.compile(template)(context)).toBe(Handlebars.compile(template)(context));
		expect(compiler.compile(template)(context)).toBe('0=a, 1=&lt;b&gt;, 2=c.');
	});

	describe('fails the build on a parser module of another shape', () => {
		const span = (name: string) => {
			const start = PARSER_TEXT.indexOf(`${name}: `) + name.length + 2;
			return { start, end: PARSER_TEXT.indexOf(',\n', start) };
		};
		const replaced = (name: string, by: (literal: string) => string) => {
			const { start, end } = span(name);
			return PARSER_TEXT.slice(0, start) + by(PARSER_TEXT.slice(start, end)) + PARSER_TEXT.slice(end);
		};
		const own = ownParser();

		it('accepts the module as it is', () => {
			expect(compactParserModule(PARSER_TEXT, own).length).toBeLessThan(PARSER_TEXT.length);
			expect(span('table').end - span('table').start).toBeGreaterThan(14_000);
		});

		it.each([
			[
				'a table written with code',
				replaced('table', (table) => table.replace('{ 3: 1,', '{ 3: 0 + 1,')),
				/table is not written as plain data/,
			],
			[
				'a table other than the parser’s',
				replaced('table', (table) => table.replace('{ 3: 1,', '{ 3: 2,')),
				/table as written is not the parser's table/,
			],
			[
				'a table of another name',
				PARSER_TEXT.replace('table: [', 'states: ['),
				/"table: \[" or "table: \{" occurs 0 times/,
			],
			['a second table', PARSER_TEXT.replace('yy: {},', 'yy: { table: [] },'), /occurs 2 times/],
			[
				'symbols with an escape',
				replaced('symbols_', (symbols) => symbols.replace('"error"', '"erro\\u0072"')),
				/symbols_ is not written as plain data/,
			],
			[
				'productions with a hole',
				replaced('productions_', (list) => list.replace('[3, 2],', '[3, 2],,')),
				/productions_ does not read as JSON/,
			],
			[
				'default actions last',
				replaced('defaultActions', (actions) => actions + '\n}; ({ x: 1'),
				/defaultActions is not followed by another property/,
			],
			[
				'another way to make the parser',
				PARSER_TEXT.replace('var handlebars = (function () {', 'var handlebars = (() => {'),
				/occurs 0 times/,
			],
		])('%s', (_, text, message) => {
			expect(() => compactParserModule(text, own)).toThrow(message);
			expect(() => compactParserModule(text, own)).toThrow(/has Handlebars' parser module changed shape\?/);
		});

		it('fails the esbuild build', async () => {
			// A copy of the module that is the same parser, but with its table made by code: it must not bundle.
			const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'parser-tables-'));
			const copy = path.join(folder, 'node_modules/handlebars/dist/cjs/handlebars/compiler/parser.js');
			fs.mkdirSync(path.dirname(copy), { recursive: true });
			const table = JSON.stringify(JSON.stringify(own.table));
			fs.writeFileSync(
				copy,
				replaced('table', () => `JSON.parse(${table})`),
			);
			try {
				expect((createRequire(__filename)(copy) as Parser).table).toStrictEqual(own.table);
				await expect(bundled(copy)).rejects.toThrow(/"table: \[" or "table: \{" occurs 0 times/);
			} finally {
				fs.rmSync(folder, { recursive: true, force: true });
			}
		});
	});
});
