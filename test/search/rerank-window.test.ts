/**
 * Re-ranking scores and sorts only what can reach the requested page (rerank.ts: the level cutoff,
 * the raw-score floor, the early stop of the name boost, BestOf). These tests hold it to what a
 * full ranking gives: every page is the same slice of the whole ranked list.
 */
import test from 'ava';
import type {PluginSummary} from '../../source/catalog/plugin.js';
import {SearchIndex} from '../../source/search/index.js';
import {BestOf} from '../../source/search/scratch.js';
import {syntheticPlugins} from '../bench/synthetic.js';
import {prng} from '../helpers/prng.js';

test('BestOf keeps what sorting and cutting keep, ties ordered by the comparator', t => {
	const random = prng(17);
	for (let round = 0; round < 300; round++) {
		const items = Array.from({length: Math.floor(random() * 60)}, (_, id) => ({id, score: Math.floor(random() * 6)}));
		const order = (a: {id: number; score: number}, b: {id: number; score: number}): number => b.score - a.score || a.id - b.id;
		for (const k of [0, 1, 3, 20, 100]) {
			const best = new BestOf(k, order);
			for (const item of items) {
				best.offer(item);
			}

			t.deepEqual(best.sorted(), [...items].sort(order).slice(0, k));
		}
	}
});

const documents = syntheticPlugins(3000, 9).map(entry => {
	const {parameters, presets: _presets, warnings: _warnings, ...rest} = entry;
	const summary: PluginSummary = {...rest, status: 'ok', tags: [], favorite: false, hidden: false, scannedAt: '2026-01-01T00:00:00Z', parameterCount: parameters.length, rawVendor: rest.vendor, rawName: rest.name, group: ''};
	return {summary, parameterNames: [...new Set(parameters.map(parameter => parameter.name))]};
});
const index = SearchIndex.build(documents);
const queries = ['stereo', 'comp', 'x', 'mo', 'ga', 'reverb', 'pro', 'vintage', 'cat:dynamics', 'params>20 delay', 'mono -stereo', 'tape delay format:vst3', 'compresor', 'lite', 'delay params>5', 'warm'];

for (const collapse of [false, true]) {
	test(`every page is the same slice of the whole ranking (${collapse ? 'collapsed' : 'one row per format'})`, t => {
		for (const query of queries) {
			const whole = index.search(query, {limit: 100_000, collapse});
			const ids = whole.hits.map(hit => hit.summary.id);
			t.true(ids.length > 20, `${query}: the query is broad enough to need a page (${ids.length} hits)`);
			for (const [offset, limit] of [[0, 1], [0, 20], [7, 13], [40, 25]]) {
				const page = index.search(query, {limit, offset, collapse});
				t.deepEqual(page.hits.map(hit => hit.summary.id), ids.slice(offset, offset + limit), `${query} at ${offset}+${limit}`);
				t.is(page.total, whole.total);
			}
		}
	});
}
