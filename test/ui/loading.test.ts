import test from 'ava';
import {openStore, type Store} from '../../source/db/open.js';
import {listSummaries} from '../../source/db/queries/plugins.js';
import {buildIndexInSteps, indexChanges, loadSummariesInPages, SUMMARY_PAGE, withChanges} from '../../source/ui/model/catalog-loader.js';
import {toggleFavorite} from '../../source/ui/model/catalog.js';
import {NameInterner} from '../../source/search/name-interner.js';
import {inTimeSlices, pages} from '../../source/ui/model/time-slices.js';
import {fillStore} from './helpers/fill-store.js';

function storeWith(count: number): Store {
	const store = openStore(':memory:');
	fillStore(store, count, 5);
	return store;
}

const never = (): boolean => false;

test('work in time slices yields once the budget is spent, and only then', async t => {
	let clock = 0;
	let yields = 0;
	const done: number[] = [];
	const finished = await inTimeSlices([1, 2, 3, 4, 5], item => {
		done.push(item);
		clock += 4;
	}, {cancelled: never, budgetMs: 8, now: () => clock, yieldToInput: async () => {
		yields++;
	}});
	t.true(finished);
	t.deepEqual(done, [1, 2, 3, 4, 5]);
	t.is(yields, 2);
});

test('work in time slices stops at the next yield when cancelled', async t => {
	let clock = 0;
	let stop = false;
	const done: number[] = [];
	const finished = await inTimeSlices([1, 2, 3, 4], item => {
		done.push(item);
		clock += 10;
		stop = item === 2;
	}, {cancelled: () => stop, budgetMs: 5, now: () => clock, yieldToInput: async () => undefined});
	t.false(finished);
	t.deepEqual(done, [1, 2]);
});

test('pages cut a list in order, the last one shorter', t => {
	t.deepEqual([...pages([1, 2, 3, 4, 5], 2)], [[1, 2], [3, 4], [5]]);
	t.deepEqual([...pages([], 3)], []);
});

test('the name interner keeps one copy per distinct name and drops repeats within a plugin', t => {
	const interner = new NameInterner();
	const first = interner.distinct(['Gain', 'Mix', 'Gain']);
	const built = ['Ga', 'in'].join('');
	const second = interner.distinct(['Mix', built]);
	t.deepEqual(first, ['Gain', 'Mix']);
	t.deepEqual(second, ['Mix', 'Gain']);
	t.is(interner.size, 2);
	t.is(second[1], first[0]);
});

test('the catalog loads in pages, in list order, with every plugin', async t => {
	const store = storeWith(SUMMARY_PAGE + 250);
	const seen: number[] = [];
	const loaded = await loadSummariesInPages(store, {cancelled: never}, all => seen.push(all.length));
	const expected = [...listSummaries(store, {includeHidden: true})];
	t.deepEqual(loaded?.map(summary => summary.id), expected.map(summary => summary.id));
	t.deepEqual(seen, [SUMMARY_PAGE, SUMMARY_PAGE + 250]);
	store.close();
});

test('a cancelled load resolves undefined', async t => {
	const store = storeWith(SUMMARY_PAGE * 2);
	t.is(await loadSummariesInPages(store, {cancelled: () => true, budgetMs: 0}), undefined);
	store.close();
});

test('the index built in steps finds plugins by name and by parameter name', async t => {
	const store = storeWith(60);
	const summaries = (await loadSummariesInPages(store, {cancelled: never}))!;
	const index = await buildIndexInSteps(store, summaries, {cancelled: never, budgetMs: 0});
	t.is(index?.size, 60);
	const withRatio = summaries.filter(summary => index!.get(summary.id)!.parameterNames.some(name => name.startsWith('Ratio')));
	t.true(withRatio.length > 0);
	t.is(index!.search('param:ratio', {limit: 1000}).total, withRatio.length);
	t.is(index!.search(summaries[0]!.name, {limit: 1}).hits[0]?.summary.id, summaries[0]!.id);
	store.close();
});

test('favourites toggled while the catalog loads are in the list and found by is:fav', async t => {
	const store = storeWith(30);
	const summaries = (await loadSummariesInPages(store, {cancelled: never}))!;
	const index = (await buildIndexInSteps(store, summaries, {cancelled: never}))!;
	// Toggled after the load read the plugin: its summary in the list and index is stale.
	const target = summaries[3]!;
	const changed = new Map([[target.id, {...target, favorite: toggleFavorite(store, target.id)}]]);
	t.is(index.search('is:fav').total, 0);
	const list = withChanges(summaries, changed);
	indexChanges(index, changed);
	t.true(list[3]!.favorite);
	t.deepEqual(index.search('is:fav').hits.map(hit => hit.summary.id), [target.id]);
	t.is(withChanges(summaries, new Map()), summaries);
	store.close();
});
