// Handlebars' compiler parses a user's template with a parser that jison generated
// (handlebars/dist/cjs/handlebars/compiler/parser.js). Its tables are written out as object literals: the LR
// parse table (`table: [{ 3: 1, 4: 2, 5: [2, 46], … }, …]`, 139 states), the symbols, terminals, productions
// and default actions, about 14 KB of minified main.js. V8 parses each of their tokens whenever Obsidian loads
// the plugin (about 45 µs per KB of code, against 8 µs per KB of a string literal), although the module runs
// only when a user's own template is compiled. This esbuild plugin puts in their place a few strings, in the
// compact encoding below (about 2.5 KB), and a small decoder, plain code without eval, that rebuilds the same
// values when the module initialises. Each literal is found by its text, and must read as plain data equal to
// what Handlebars' own module holds; the decoded strings must give the same values back, key for key and in
// the same order. A Handlebars update that changes the module's shape fails the build here, rather than bundle
// something else.
const { isDeepStrictEqual } = require('node:util');

const PARSER = /[\\/]handlebars[\\/]dist[\\/]cjs[\\/]handlebars[\\/]compiler[\\/]parser\.js$/;

/** The literals replaced, each a property of the parser object; `names` is true where strings are allowed. */
const LITERALS = [
	{ name: 'symbols_', names: true },
	{ name: 'terminals_', names: true },
	{ name: 'productions_', names: false },
	{ name: 'table', names: false },
	{ name: 'defaultActions', names: false },
];

/** Where the decoder and its call go: the statement that makes the parser, which uses the decoded values. */
const PARSER_START = 'var handlebars = (function () {';
const DECODED = 'handlebarsParserTables';

/**
 * The encoding: a number is written in base 87 with the digits `'` (0) to `}` (86), each `~` before the last
 * digit adding 87 (so 0-86 take one character, 87-173 two). A row (a state of the table, or the default
 * actions) is sections, each a tag and numbers: `!` pairs of symbol and state to go to, `#` pairs of symbol
 * and state to shift to (`[1, state]`), `&` pairs of symbol and production to reduce by (`[2, production]`),
 * `$` pairs of a set of symbols and a production to reduce by, `%` symbols that accept (`[3]`). The sets of
 * symbols that share a reduction are written once. Rows, sets and symbol names are separated by spaces.
 * The strings hold neither `"` nor a space within a number, so a literal needs no escape but for `\`.
 */
function decodeHandlebarsParser(names, numbered, terminals, productions, sets, rows, defaults) {
	const numbers = (text) => {
		const list = [];
		for (let i = 0, high = 0; i < text.length; i++) {
			const digit = text.charCodeAt(i) - 39;
			if (digit === 87) high += 87;
			else {
				list.push(high + digit);
				high = 0;
			}
		}
		return list;
	};
	const symbolSets = sets.split(' ').map(numbers);
	const row = (text) => {
		const actions = {};
		for (const section of text.split(/(?=[!#$%&])/)) {
			const tag = section.charAt(0);
			const list = numbers(section.slice(1));
			if (tag === '%') for (const symbol of list) actions[symbol] = [3];
			else
				for (let i = 0; i < list.length; i += 2) {
					const key = list[i];
					const to = list[i + 1];
					if (tag === '!') actions[key] = to;
					else if (tag === '#') actions[key] = [1, to];
					else if (tag === '&') actions[key] = [2, to];
					else for (const symbol of symbolSets[key]) actions[symbol] = [2, to];
				}
		}
		return actions;
	};
	const symbols = {};
	const nameOf = [];
	const symbolNames = names.split(' ');
	numbers(numbered).forEach((number, i) => {
		symbols[symbolNames[i]] = number;
		nameOf[number] = symbolNames[i];
	});
	const terminalNames = {};
	for (const number of numbers(terminals)) terminalNames[number] = nameOf[number];
	const lengths = numbers(productions);
	const productionList = [0];
	for (let i = 0; i < lengths.length; i += 2) productionList.push([lengths[i], lengths[i + 1]]);
	return {
		symbols_: symbols,
		terminals_: terminalNames,
		productions_: productionList,
		table: rows.split(' ').map(row),
		defaultActions: row(defaults),
	};
}

function fail(message) {
	throw new Error(`handlebars parser tables: ${message}; has Handlebars' parser module changed shape?`);
}

/** A list of non-negative integers in the encoding above. */
function encodeNumbers(list) {
	return list
		.map((number) => {
			if (!Number.isInteger(number) || number < 0) fail(`cannot encode ${JSON.stringify(number)}`);
			return '~'.repeat(Math.floor(number / 87)) + String.fromCharCode(39 + (number % 87));
		})
		.join('');
}

/** One row: a state of the table (symbol → action), or the default actions (state → action). */
function encodeRow(actions, setIndex) {
	const sections = { '!': [], '#': [], '&': [], $: [], '%': [] };
	const reductions = new Map();
	for (const [key, action] of Object.entries(actions)) {
		const symbol = Number(key);
		if (String(symbol) !== key) fail(`state key ${JSON.stringify(key)}`);
		if (Number.isInteger(action)) sections['!'].push(symbol, action);
		else if (!Array.isArray(action)) fail(`action ${JSON.stringify(action)}`);
		else if (action.length === 2 && action[0] === 1) sections['#'].push(symbol, action[1]);
		else if (action.length === 2 && action[0] === 2)
			reductions.set(action[1], [...(reductions.get(action[1]) ?? []), symbol]);
		else if (action.length === 1 && action[0] === 3) sections['%'].push(symbol);
		else fail(`action ${JSON.stringify(action)}`);
	}
	for (const [production, symbols] of reductions) {
		if (symbols.length === 1 || !setIndex) sections['&'].push(...symbols.flatMap((symbol) => [symbol, production]));
		else sections.$.push(setIndex(symbols), production);
	}
	return Object.entries(sections)
		.filter(([, list]) => list.length > 0)
		.map(([tag, list]) => tag + encodeNumbers(list))
		.join('');
}

/** The arguments of `decodeHandlebarsParser` that give back the parser's tables. */
function encodeParserTables(parser) {
	const names = Object.keys(parser.symbols_);
	if (names.some((name) => !/^[\w$]+$/.test(name))) fail('a symbol name that is not a word');
	if (parser.productions_[0] !== 0) fail('the first production is not 0');
	const sets = [];
	const setIndex = (symbols) => {
		const text = encodeNumbers(symbols);
		if (!sets.includes(text)) sets.push(text);
		return sets.indexOf(text);
	};
	const rows = parser.table.map((state) => encodeRow(state, setIndex));
	return [
		names.join(' '),
		encodeNumbers(Object.values(parser.symbols_)),
		encodeNumbers(Object.keys(parser.terminals_).map(Number)),
		encodeNumbers(parser.productions_.slice(1).flat()),
		sets.join(' '),
		rows.join(' '),
		encodeRow(parser.defaultActions),
	];
}

/** Equal as values and as JSON: the same keys in the same order, arrays of the same length, no holes. */
function same(a, b) {
	return isDeepStrictEqual(a, b) && JSON.stringify(a) === JSON.stringify(b);
}

/** The tokens of plain data: whitespace, integers, words in double quotes, brackets, braces, commas, colons. */
const DATA_TOKEN = /\s+|\d+|"[\w$]*"|[[\]{},:]/y;

/**
 * The span of the literal that is the value of `name` in the parser object: it must occur once, be written
 * as plain data (for `names`, with words in double quotes), and, read as JSON with its number keys quoted (as
 * JavaScript reads it), be equal to `expected`.
 */
function literalSpan(text, { name, names }, expected) {
	const starts = [...text.matchAll(new RegExp(`(?<=[{,\\s])${name}: (?=[[{])`, 'g'))];
	if (starts.length !== 1) fail(`"${name}: [" or "${name}: {" occurs ${starts.length} times`);
	const start = starts[0].index + starts[0][0].length;
	const tokens = [];
	let depth = 0;
	DATA_TOKEN.lastIndex = start;
	do {
		const token = DATA_TOKEN.exec(text)?.[0];
		if (token === undefined || (!names && token.startsWith('"'))) fail(`${name} is not written as plain data`);
		if (token === '[' || token === '{') depth++;
		else if (token === ']' || token === '}') depth--;
		if (token.trim()) tokens.push(token);
	} while (depth > 0);
	const end = DATA_TOKEN.lastIndex;
	if (text[end] !== ',') fail(`${name} is not followed by another property`);
	const json = tokens.map((token, i) => (/^\d/.test(token) && tokens[i + 1] === ':' ? `"${token}"` : token));
	let value;
	try {
		value = JSON.parse(json.join(''));
	} catch {
		fail(`${name} does not read as JSON`);
	}
	if (!same(value, expected)) fail(`${name} as written is not the parser's ${name}`);
	return { start, end };
}

/** The parser, which the module exports as a whole (`module.exports = exports["default"]`) or as `default`. */
function exportedParser(exported) {
	return exported?.table ? exported : exported?.default;
}

/**
 * The parser module's text with each literal replaced by the decoded value. `parser` is what the module
 * exports, the values the literals must have.
 */
function compactParserModule(text, parser) {
	if (!parser || !Array.isArray(parser.table)) fail('the module exports no parser table');
	const starts = text.split(PARSER_START).length - 1;
	if (starts !== 1) fail(`"${PARSER_START}" occurs ${starts} times`);
	if (text.includes(DECODED)) fail(`the module already names ${DECODED}`);
	const spans = LITERALS.map((literal) => ({ ...literal, ...literalSpan(text, literal, parser[literal.name]) }));
	const encoded = encodeParserTables(parser);
	const decoded = decodeHandlebarsParser(...encoded);
	for (const { name } of LITERALS)
		if (!same(decoded[name], parser[name])) fail(`${name} does not decode to the parser's ${name}`);
	let result = text;
	for (const { name, start, end } of spans.sort((a, b) => b.start - a.start))
		result = result.slice(0, start) + `${DECODED}.${name}` + result.slice(end);
	const prologue =
		`// The parser's tables, encoded by scripts/handlebarsParserTables.cjs.\n${decodeHandlebarsParser}\n` +
		`var ${DECODED} = decodeHandlebarsParser(${encoded.map((part) => JSON.stringify(part)).join(', ')});\n`;
	const at = result.indexOf(PARSER_START);
	// Without the module's source map, which maps the text before this change.
	result = (result.slice(0, at) + prologue + result.slice(at)).replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
	// The text given to esbuild, run here (at build time only), has the parser's tables.
	const module = { exports: {} };
	new Function('module', 'exports', result)(module, module.exports);
	for (const { name } of LITERALS)
		if (!same(exportedParser(module.exports)?.[name], parser[name])) fail(`the module made has another ${name}`);
	return result;
}

/** esbuild: loads Handlebars' parser module with its tables encoded. */
const handlebarsParserTables = {
	name: 'handlebars-parser-tables',
	setup(build) {
		// The module must be where this plugin looks for it: if Handlebars moves it, the build fails here.
		require.resolve('handlebars/dist/cjs/handlebars/compiler/parser.js');
		build.onLoad({ filter: PARSER }, async (args) => {
			const fs = require('node:fs');
			const text = await fs.promises.readFile(args.path, 'utf8');
			return { contents: compactParserModule(text, exportedParser(require(args.path))), loader: 'js' };
		});
	},
};

module.exports = { handlebarsParserTables, compactParserModule, encodeParserTables, decodeHandlebarsParser };
