import test from 'ava';
import {SearchIndex} from '../../source/search/index.js';
import {QueryError} from '../../source/search/query.js';
import {makeDocument, smallCatalog} from '../helpers/search-documents.js';

const index = SearchIndex.build(smallCatalog());
const names = (query: string, options = {}): string[] => index.search(query, {limit: 50, ...options}).hits.map(hit => `${hit.summary.name}/${hit.summary.format}`);
const plainNames = (query: string, options = {}): string[] => index.search(query, {limit: 50, ...options}).hits.map(hit => hit.summary.name);

test('"comp" ranks Compressor-named plugins above a "compensation" parameter', t => {
	const local = SearchIndex.build([...smallCatalog(), makeDocument({name: 'Tape Delay', category: 'delay', params: ['Time', 'Latency compensation', 'Feedback']})]);
	const list = local.search('comp', {limit: 50}).hits.map(hit => hit.summary.name);
	const delay = list.indexOf('Tape Delay');
	t.not(delay, -1);
	for (const name of ['Calf Compressor', 'ZamComp']) {
		t.true(list.indexOf(name) !== -1 && list.indexOf(name) < delay, `${name} before the delay compensator in ${list.join(', ')}`);
	}
});

test('"dragonfy" still finds Dragonfly by fuzzy matching', t => {
	t.deepEqual(plainNames('dragonfy').slice(0, 2).sort(), ['Dragonfly Hall Reverb', 'Dragonfly Room Reverb']);
});

test('several words must all match; a name match beats a parameter match', t => {
	t.deepEqual(plainNames('hall reverb'), ['Dragonfly Hall Reverb']);
	t.is(plainNames('reverb')[0].endsWith('Reverb'), true);
	t.deepEqual(plainNames('zam comp', {collapse: true}), ['ZamComp']);
});

test('a query without words lists everything by name, hidden plugins left out', t => {
	const result = index.search('');
	t.is(result.total, 10);
	t.deepEqual(result.hits.map(hit => hit.summary.name).slice(0, 2), ['Calf Compressor', 'Calf Monosynth']);
	t.is(index.search('', {includeHidden: true}).total, 11);
	t.deepEqual(plainNames('is:hidden'), ['TAP Stereo Echo']);
});

test('vendor: matches the start of any word of the vendor', t => {
	t.deepEqual([...new Set(plainNames('vendor:zam'))], ['ZamComp']);
	t.deepEqual(plainNames('vendor:"studio gear"').sort(), ['Calf Compressor', 'Calf Monosynth', 'Calf Reverb']);
	t.is(index.search('vendor:gareus').total, 1);
});

test('param: matches the start of any word of a parameter name', t => {
	t.deepEqual(plainNames('param:thresh').sort(), ['Calf Compressor', 'ZamComp', 'ZamComp', 'ZamComp', 'x42 Digital Peak Limiter'].sort());
	t.deepEqual(plainNames('param:"room size"'), ['Calf Reverb']);
	t.deepEqual(plainNames('param:makeup').sort(), ['Calf Compressor', 'ZamComp', 'ZamComp', 'ZamComp']);
});

test('tag:, format:, cat: and is: filter the records', t => {
	t.deepEqual(plainNames('tag:drum'), ['Dragonfly Room Reverb']);
	t.deepEqual(plainNames('tag:room'), ['Dragonfly Room Reverb']);
	t.deepEqual(names('format:vst3'), ['ZamComp/vst3']);
	t.deepEqual(plainNames('cat:reverb').sort(), ['Calf Reverb', 'Dragonfly Hall Reverb', 'Dragonfly Room Reverb']);
	t.deepEqual(plainNames('is:instrument'), ['Calf Monosynth']);
	t.is(index.search('is:effect').total, 9);
	t.deepEqual(names('is:fav'), ['ZamComp/vst3']);
});

test('params, in and out compare counts with every comparator', t => {
	t.deepEqual(plainNames('params>6'), ['Dragonfly Hall Reverb']);
	t.deepEqual(plainNames('params>=7'), ['Dragonfly Hall Reverb']);
	t.deepEqual(plainNames('params<4'), ['x42 Digital Peak Limiter']);
	t.deepEqual(plainNames('params<=3'), ['x42 Digital Peak Limiter']);
	t.deepEqual(plainNames('params=7'), ['Dragonfly Hall Reverb']);
	t.deepEqual(plainNames('in=0'), ['Calf Monosynth']);
	t.deepEqual(plainNames('in<1'), ['Calf Monosynth']);
	t.deepEqual(plainNames('out=1').sort(), ['LSP Delay Compensator Mono', 'x42 Digital Peak Limiter']);
	t.is(index.search('in>1').total, 7);
	t.is(index.search('out>=2').total, 8);
	t.is(index.search('out<=1').total, 2);
});

test('negation leaves out filter and word matches', t => {
	t.false(names('comp -format:vst3').includes('ZamComp/vst3'));
	t.true(names('comp -format:vst3').includes('ZamComp/lv2'));
	t.deepEqual(plainNames('reverb -hall').sort(), ['Calf Reverb', 'Dragonfly Room Reverb']);
	t.deepEqual(plainNames('cat:dynamics -vendor:damien').sort(), ['Calf Compressor', 'x42 Digital Peak Limiter']);
	t.false(plainNames('-is:instrument').includes('Calf Monosynth'));
	t.deepEqual(plainNames('reverb -"hall reverb"').sort(), ['Calf Reverb', 'Dragonfly Room Reverb']);
	t.deepEqual(plainNames('-params>3'), ['x42 Digital Peak Limiter']);
});

test('a quoted phrase needs its words in order', t => {
	t.deepEqual(plainNames('"hall reverb"'), ['Dragonfly Hall Reverb']);
	t.deepEqual(plainNames('"reverb hall"'), []);
	t.deepEqual(plainNames('"peak limiter"'), ['x42 Digital Peak Limiter']);
});

test('words and filters mix', t => {
	t.deepEqual(plainNames('reverb vendor:michael params>=7'), ['Dragonfly Hall Reverb']);
	t.deepEqual(names('comp format:ladspa param:make'), ['ZamComp/ladspa']);
});

test('collapse keeps the preferred format and lists the others', t => {
	const result = index.search('zamcomp', {collapse: true});
	t.is(result.total, 1);
	t.is(result.hits[0].summary.format, 'vst3');
	t.deepEqual(result.hits[0].others?.map(other => other.format).sort(), ['ladspa', 'lv2']);
	t.is(index.search('zamcomp', {collapse: ['ladspa', 'lv2']}).hits[0].summary.format, 'ladspa');
});

test('limit and offset page through the total', t => {
	const all = index.search('', {limit: 100}).hits.map(hit => hit.summary.id);
	const page = index.search('', {limit: 3, offset: 2});
	t.is(page.total, 10);
	t.deepEqual(page.hits.map(hit => hit.summary.id), all.slice(2, 5));
});

test('no hits gives "did you mean" from names and vendors', t => {
	t.is(index.search('monosinth').total, 1, 'two typos in a long word are still found');
	const result = index.search('calv');
	t.is(result.total, 0);
	t.deepEqual(result.suggestions, ['calf']);
	t.deepEqual(index.search('rverb cat:reverb').suggestions?.[0], 'reverb cat:reverb');
	t.true(index.search('revreb cat:reverb').total > 0, 'swapped letters are one typo');
	t.deepEqual(index.search('vendor:zamit').suggestions, ['vendor:zammit']);
	t.deepEqual(index.search('xyzzyq').suggestions, []);
});

test('upsert and remove update the index without a rebuild', t => {
	const local = SearchIndex.build(smallCatalog());
	t.is(local.search('bitcrusher').total, 0);
	local.upsert(makeDocument({name: 'Mda Bitcrusher', vendor: 'MDA', category: 'distortion'}));
	t.is(local.search('bitcrusher').total, 1);
	t.is(local.search('').total, 11);
	local.upsert(makeDocument({name: 'Mda Bitcrusher', vendor: 'MDA', category: 'distortion', hidden: true}));
	t.is(local.search('bitcrusher').total, 0);
	t.is(local.search('bitcrusher', {includeHidden: true}).total, 1);
	t.true(local.remove('lv2:Mda Bitcrusher'));
	t.false(local.remove('lv2:Mda Bitcrusher'));
	t.is(local.search('bitcrusher', {includeHidden: true}).total, 0);
	t.is(local.search('').total, 10);
	t.deepEqual(local.search('bitcrushr').suggestions, []);
});

test('a malformed query string throws a QueryError; random strings never throw anything else', t => {
	t.throws(() => index.search('vendr:x'), {instanceOf: QueryError});
	let state = 7;
	const random = (): number => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};

	const alphabet = ['comp', 'rev', ' ', '"', '-', ':', 'vendor', 'param', 'is', 'fav', '>', '=', '3', 'é', 'dragon', 'x', '*'];
	for (let i = 0; i < 5000; i++) {
		let query = '';
		for (let j = Math.floor(random() * 8); j > 0; j--) {
			query += alphabet[Math.floor(random() * alphabet.length)];
		}

		try {
			index.search(query);
		} catch (error) {
			if (!(error instanceof QueryError)) {
				t.fail(`${JSON.stringify(query)} threw ${String(error)}`);
				return;
			}
		}
	}

	t.pass();
});
