import test from 'ava';
import {matchesWordPrefix} from '../../source/catalog/text.js';
import {kthLargest, SearchIndex} from '../../source/search/index.js';
import {PhraseMatcher} from '../../source/search/phrase.js';
import {Postings} from '../../source/search/postings.js';
import {TextFilterIndex} from '../../source/search/text-filter-index.js';
import {makeDocument, smallCatalog} from '../helpers/search-documents.js';

test('Postings keep a sorted set of slots through appends, inserts and deletes', t => {
	const list = new Postings(1);
	const model = new Set<number>();
	let state = 11;
	for (let i = 0; i < 2000; i++) {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		const slot = state % 300;
		if (state % 3 === 0) {
			t.is(list.delete(slot), model.delete(slot));
		} else {
			list.add(slot);
			model.add(slot);
		}
	}

	t.deepEqual([...list.ids.subarray(0, list.size)], [...model].sort((a, b) => a - b));
	t.true(list.has([...model][0]));
	list.trim();
	t.is(list.ids.length, Math.max(1, list.size));
});

test('kthLargest agrees with sorting', t => {
	let state = 5;
	for (let round = 0; round < 200; round++) {
		const values = Array.from({length: 1 + (round % 37)}, () => {
			state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
			return state % 7;
		});
		const sorted = [...values].sort((a, b) => b - a);
		for (const k of [1, 2, Math.ceil(values.length / 2), values.length].filter(k => k <= values.length)) {
			t.is(kthLargest(values, k), sorted[k - 1]);
		}
	}
});

test('TextFilterIndex marks the documents whose values match as matchesWordPrefix does', t => {
	const values = ['Threshold (dB)', 'ZamComp Ratio', 'Osc1 Wave', 'Dry/Wet', 'Room Size', 'Input Gain', 'x42 Limiter', '(dB) gain', 'Makeup'];
	const index = new TextFilterIndex<undefined>(() => undefined);
	values.forEach((value, slot) => {
		index.add(slot, [value]);
	});
	for (const prefix of ['thresh', 'db', '(db', 'zamc', 'comp', 'osc1', 'osc', 'wave', 'dry/w', 'wet', 'room s', 'room size', 'size', 'x4', 'x42 lim', '42', 'gain', 'in', 'zzz', '--', 'make']) {
		const marks = new Uint8Array(values.length);
		index.mark(prefix, marks);
		t.deepEqual([...marks].map(Boolean), values.map(value => matchesWordPrefix(value, prefix)), prefix);
	}

	index.remove(3, ['Dry/Wet']);
	const marks = new Uint8Array(values.length);
	t.is(index.mark('wet', marks), 0);
	t.is(index.size, values.length - 1);
});

test('PhraseMatcher matches texts as matchesWordPrefix does', t => {
	for (const phrase of ['hall reverb', 'reverb hall', 'peak lim', 'x42 digital', 'db', 'threshold (db', 'zam comp']) {
		const matcher = new PhraseMatcher(phrase);
		for (const text of ['Dragonfly Hall Reverb', 'x42 Digital Peak Limiter', 'Threshold (dB)', 'ZamComp', 'Zam Comp']) {
			t.is(matcher.matchesText(text), matchesWordPrefix(text, phrase), `${phrase} / ${text}`);
		}
	}
});

test('a flag-only upsert updates filters in place; a text change re-indexes', t => {
	const index = SearchIndex.build(smallCatalog());
	const calf = index.get('lv2:Calf Reverb')!;
	t.is(index.search('is:fav').total, 1);
	index.upsert({...calf, summary: {...calf.summary, favorite: true}});
	t.is(index.search('is:fav').total, 2);
	t.true(index.search('calf reverb').hits[0].summary.favorite);
	index.upsert({...calf, summary: {...calf.summary, name: 'Calf Plate'}, parameterNames: ['Plate Size']});
	t.is(index.search('"calf reverb"').total, 0);
	t.is(index.search('plate').hits[0].summary.name, 'Calf Plate');
	t.deepEqual(index.search('param:"room size"').hits.map(hit => hit.summary.name), []);
	t.is(index.search('param:plate').total, 1);
	t.is(index.size, 11);
});

test('an index after many upserts and removals answers as a fresh build', t => {
	const documents = Array.from({length: 1500}, (_, i) => makeDocument({name: `Plugin ${i % 40} ${['Reverb', 'Delay', 'Comp'][i % 3]}`, vendor: `Vendor ${i % 7}`, format: i % 2 ? 'lv2' : 'vst3',
		uid: `u${i}`, id: `x:${i}`, params: [`Gain ${i % 5}`, 'Mix'], favorite: i % 11 === 0}));
	const index = SearchIndex.build(documents);
	for (let i = 0; i < 1500; i += 2) {
		index.remove(`x:${i}`);
	}

	for (let i = 1; i < 1500; i += 4) {
		index.upsert({...documents[i], summary: {...documents[i].summary, name: `${documents[i].summary.name} Plus`}});
	}

	const fresh = SearchIndex.build(index.documents());
	for (const query of ['reverb', 'plus', 'plugin 1', 'vendor:vendor', 'param:gain', 'is:fav', '', 'comp -plus', 'delay format:lv2']) {
		const got = index.search(query, {limit: 1000});
		const want = fresh.search(query, {limit: 1000});
		t.is(got.total, want.total, query);
		t.deepEqual(got.hits.map(hit => hit.summary.id).sort(), want.hits.map(hit => hit.summary.id).sort(), query);
	}
});
