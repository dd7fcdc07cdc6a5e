import test from 'ava';
import {openStore} from '../../source/db/open.js';
import {listSummaries} from '../../source/db/queries/plugins.js';
import {recordFileResult, removeFile} from '../../source/db/queries/ingest.js';
import {CATEGORY_RULES_VERSION_KEY, writeSetting} from '../../source/db/queries/settings.js';
import {loadSearchDocuments} from '../../source/search/catalog-source.js';
import {SearchIndex} from '../../source/search/index.js';
import type {ScanSummary} from '../../source/scan/events.js';
import {applyScanChanges, categoryRulesStamp} from '../../source/ui/model/scan-refresh.js';
import {syntheticPlugins} from '../bench/synthetic.js';

function summary(diff: Partial<ScanSummary['diff']>): ScanSummary {
	return {durationMs: 1, pluginsPerSecond: 1, counts: {}, failures: [], diff: {new: [], changed: [], removed: [], unchanged: 0, ...diff}};
}

function setup(count: number) {
	const store = openStore(':memory:');
	const entries = syntheticPlugins(count, 11);
	for (const entry of entries) {
		recordFileResult(store, {path: entry.path, format: entry.format, size: 1, mtimeMs: 1, status: 'ok'}, [entry]);
	}

	const index = SearchIndex.build(loadSearchDocuments(store));
	const items = [...listSummaries(store)];
	return {store, entries, index, items};
}

test('after a small scan only the touched plugins change: the list and the index equal a fresh load', t => {
	const {store, entries, index, items} = setup(300);
	const stamp = categoryRulesStamp(store);
	const [gone, changed] = [entries[3]!, entries[7]!];
	removeFile(store, gone.path);
	recordFileResult(store, {path: changed.path, format: changed.format, size: 2, mtimeMs: 2, status: 'ok'}, [{...changed, name: 'Renamed Compressor'}]);
	const [added] = syntheticPlugins(1, 99).map(entry => ({...entry, id: `${entry.format}:new`, uid: 'new', path: '/synthetic/new', name: 'Brand New Reverb'}));
	recordFileResult(store, {path: added!.path, format: added!.format, size: 1, mtimeMs: 1, status: 'ok'}, [added!]);

	const patched = applyScanChanges(store, index, items, summary({new: [added!.path], changed: [changed.path], removed: [gone.path]}), stamp);
	t.truthy(patched);
	t.deepEqual(patched!.map(item => item.id), [...listSummaries(store)].map(item => item.id));
	t.is(index.size, 300);
	t.is(index.search('Brand New Reverb', {limit: 1}).hits[0]?.summary.id, added!.id);
	t.is(index.search('Renamed Compressor', {limit: 1}).hits[0]?.summary.id, changed.id);
	t.is(index.get(gone.id), undefined);
});

test('a large scan, or new category rules, asks for a full reload', t => {
	const {store, entries, index, items} = setup(100);
	const stamp = categoryRulesStamp(store);
	t.is(applyScanChanges(store, index, items, summary({changed: entries.slice(0, 60).map(entry => entry.path)}), stamp), undefined);
	writeSetting(store, CATEGORY_RULES_VERSION_KEY, 'next');
	t.is(applyScanChanges(store, index, items, summary({changed: [entries[0]!.path]}), stamp), undefined);
});

test('a list patched after a scan orders non-ASCII names as a fresh load does (the store\'s NOCASE order)', t => {
	const names = ['Äquator', 'äbend', 'Åre', 'apple', 'Zebra', 'zeta', 'Éclat', 'écho', 'Ωmega', 'ωave', '😀 Smile', '\uFFFD Box', '_under', 'ß Sharp'];
	const {store, entries, index, items} = setup(40);
	const stamp = categoryRulesStamp(store);
	const touched = entries.slice(0, names.length);
	for (const [i, entry] of touched.entries()) {
		recordFileResult(store, {path: entry.path, format: entry.format, size: 2, mtimeMs: 2, status: 'ok'}, [{...entry, name: names[i]!}]);
	}

	const patched = applyScanChanges(store, index, items, summary({changed: touched.map(entry => entry.path)}), stamp);
	t.truthy(patched);
	t.deepEqual(patched!.map(item => item.name), [...listSummaries(store)].map(item => item.name));
});
