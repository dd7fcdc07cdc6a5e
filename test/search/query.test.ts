import test from 'ava';
import {parseQuery, QueryError, type QueryFilter} from '../../source/search/query.js';
import {prng} from '../helpers/prng.js';

const only = (query: string): QueryFilter => {
	const parsed = parseQuery(query);
	if (parsed.filters.length !== 1) {
		throw new Error(`expected one filter in ${query}`);
	}

	return parsed.filters[0];
};

const errorOf = (query: string): QueryError => {
	try {
		parseQuery(query);
	} catch (error) {
		if (error instanceof QueryError) {
			return error;
		}

		throw error;
	}

	throw new Error(`expected a QueryError for ${query}`);
};

test('free words and quoted phrases become terms with positions', t => {
	const parsed = parseQuery('hall  "plate reverb" -noise');
	t.deepEqual(parsed.terms.map(term => [term.text, term.phrase, term.negated, term.position]), [
		['hall', false, false, 1], ['plate reverb', true, false, 7], ['noise', false, true, 22],
	]);
	t.deepEqual(parsed.filters, []);
});

test('text filters keep their value; quoted values may hold spaces', t => {
	t.like(only('vendor:lsp'), {field: 'vendor', op: ':', value: 'lsp', negated: false});
	t.like(only('vendor:"Damien Zammit"'), {field: 'vendor', value: 'Damien Zammit'});
	t.like(only('param:thresh'), {field: 'param', value: 'thresh'});
	t.like(only('tag:drums'), {field: 'tag', value: 'drums'});
});

test('format and category take the exact names; cat and category are one filter', t => {
	t.like(only('format:lv2'), {field: 'format', value: 'lv2'});
	t.like(only('format:VST3'), {field: 'format', value: 'vst3'});
	t.like(only('cat:dynamics'), {field: 'category', value: 'dynamics'});
	t.like(only('category:eq'), {field: 'category', value: 'eq'});
});

test('is: takes instrument, effect, fav and hidden', t => {
	for (const value of ['instrument', 'effect', 'fav', 'hidden']) {
		t.like(only(`is:${value}`), {field: 'is', value});
	}

	t.like(only('is:favourite'), {field: 'is', value: 'fav'});
});

test('every count filter takes every comparator, also after a colon', t => {
	for (const field of ['params', 'in', 'out']) {
		for (const op of ['>', '<', '>=', '<=', '=']) {
			t.like(only(`${field}${op}7`), {field, op, value: 7});
			t.like(only(`${field}:${op}7`), {field, op, value: 7});
		}

		t.like(only(`${field}:3`), {field, op: '=', value: 3});
	}
});

test('a dash negates filters and terms', t => {
	t.like(only('-format:vst2'), {field: 'format', value: 'vst2', negated: true, position: 1});
	t.like(only('-params>20'), {field: 'params', op: '>', value: 20, negated: true});
	t.true(parseQuery('-"hall reverb"').terms[0].negated);
	t.deepEqual(parseQuery('- -- ---').terms, []);
});

test('the design example parses into ten filters and one word', t => {
	const parsed = parseQuery('reverb vendor:lsp format:lv2 cat:dynamics param:threshold params>20 is:instrument is:effect is:fav in>=2 out=1');
	t.is(parsed.terms.length, 1);
	t.deepEqual(parsed.filters.map(filter => filter.field), ['vendor', 'format', 'category', 'param', 'params', 'is', 'is', 'is', 'in', 'out']);
});

test('an unknown filter names itself, its column and the closest filter', t => {
	const error = errorOf('reverb vendr:lsp');
	t.is(error.message, 'unknown filter \'vendr\' at column 8 — did you mean \'vendor\'?');
	t.is(error.column, 8);
	t.regex(errorOf('catt:eq').message, /did you mean 'cat'/);
});

test('format and category values must be exact names, with the list and the closest', t => {
	const format = errorOf('eq format:vst4');
	t.is(format.column, 11);
	t.regex(format.message, /unknown format 'vst4' at column 11 — did you mean 'vst\d'\? \(one of: lv2, ladspa, vst2, vst3, clap, au\)/);
	t.regex(errorOf('cat:reverbs').message, /did you mean 'reverb'/);
	t.regex(errorOf('is:synth').message, /one of: instrument, effect, fav, hidden/);
});

test('counts must be whole numbers', t => {
	t.regex(errorOf('params>x').message, /whole number at column 8, not 'x'/);
	t.regex(errorOf('in>=2.5').message, /whole number/);
	t.regex(errorOf('out>-1').message, /whole number/);
	t.regex(errorOf('params>').message, /needs a number/);
	t.regex(errorOf('params>99999999999999999999').message, /whole number/);
});

test('text filters take a colon and a value', t => {
	t.regex(errorOf('vendor>3').message, /takes ':'/);
	t.regex(errorOf('vendor:').message, /needs a value/);
	t.is(errorOf('a "open').column, 3);
	t.regex(errorOf('vendor:"open').message, /unclosed quote at column 8/);
});

const pieces = ['vendor', 'format', 'cat', 'category', 'param', 'tag', 'is', 'params', 'in', 'out', 'vendr', 'lv2', 'vst3', 'eq',
	':', '"', '-', '>', '<', '=', '>=', '<=', ' ', '  ', '\t', '0', '7', '20', '1.5', 'é', 'ü', '日本', '🎛', '\u0000', '\\', 'x', 'reverb',
	'instrument', 'hidden', '(', ')', '*', ',', '.', '\n', '\u200B', 'İ'];

test('100,000 random queries give a parse or a QueryError, never another exception', t => {
	const random = prng(20_261_125);
	let errors = 0;
	for (let i = 0; i < 100_000; i++) {
		const length = Math.floor(random() * 12);
		let query = '';
		for (let j = 0; j < length; j++) {
			query += random() < 0.85 ? pieces[Math.floor(random() * pieces.length)] : String.fromCodePoint(Math.floor(random() * 0x2_FFFF));
		}

		try {
			parseQuery(query);
		} catch (error) {
			if (!(error instanceof QueryError) || !Number.isInteger(error.column) || error.column < 1) {
				t.fail(`query ${JSON.stringify(query)} threw ${String(error)}`);
				return;
			}

			errors++;
		}
	}

	t.log(`${errors} of 100,000 random queries were QueryErrors`);
	t.pass();
});
