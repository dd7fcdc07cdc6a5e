import test from 'ava';
import {openStore, type Store} from '../../source/db/open.js';
import {addEntries, fillStore, namedStore, syntheticEntry} from './helpers/fill-store.js';
import {prng} from '../helpers/prng.js';
import {keys, renderApp} from './helpers/render-app.js';

function storeWith(count: number): Store {
	const store = openStore(':memory:');
	fillStore(store, count, 7);
	return store;
}

/** The text of the selected row: the frame's row with the pointer mark is not drawn without colour, so use inverse via order. */
const rowsOf = (frame: string): string[] => frame.split('\n').slice(2, -2);

test.serial('the first frame shows the list, the counts and the key hints', async t => {
	const app = renderApp({store: storeWith(50)});
	const frame = await app.waitFor('50/50 plugins');
	t.regex(frame, /Name +Vendor +Formats +Category/);
	t.regex(frame, /\/ filter +Enter details/);
	t.is(frame.split('\n').length, 24);
	app.unmount();
});

test.serial('only the visible rows are rendered', async t => {
	const app = renderApp({store: storeWith(500), rows: 24});
	const frame = await app.waitFor('500/500 plugins');
	t.is(rowsOf(frame).length, 20);
	app.unmount();
});

test.serial('typing after / filters on every keystroke; letters do not act as commands', async t => {
	const app = renderApp({store: namedStore()});
	await app.waitFor(frame => frame.includes('4/4 plugins') && !frame.includes('indexing'));
	await app.press('/', 'r', 'e', 'v', 'q', keys.backspace);
	const frame = await app.waitFor('2/4 plugins');
	t.true(frame.includes('Room Reverb'));
	t.true(frame.includes('Plate Reverb'));
	t.false(frame.includes('Compressor Mono'));
	t.true(frame.includes('/ rev'));
	app.unmount();
});

test.serial('the query language works in the filter and errors show inline', async t => {
	const app = renderApp({store: namedStore()});
	await app.waitFor(frame => frame.includes('4/4 plugins') && !frame.includes('indexing'));
	await app.press('/', ...'vendor:lsp');
	await app.waitFor('1/4 plugins');
	await app.press(' ', ...'format:lv3');
	const frame = await app.waitFor('unknown format');
	t.regex(frame, /did you mean 'lv2'/);
	t.true(frame.includes('Compressor Mono'), 'keeps the last good result');
	app.unmount();
});

test.serial('Esc clears the filter; Enter keeps it and leaves typing mode', async t => {
	const app = renderApp({store: namedStore()});
	await app.waitFor('4/4 plugins');
	await app.press('/', 'g', 'a', 't', 'e', keys.enter);
	await app.waitFor('1/4 plugins');
	await app.press('j');
	t.true(app.frame().includes('/ gate'), 'j after Enter is a key, not text');
	await app.press(keys.escape);
	await app.waitFor('4/4 plugins');
	app.unmount();
});

test.serial('j/k, G and g move the selection; Enter opens the selected plugin', async t => {
	const app = renderApp({store: namedStore()});
	await app.waitFor('4/4 plugins');
	await app.press('G', keys.enter);
	let frame = await app.waitFor('parameter 1/');
	t.true(frame.startsWith('Room Reverb'), 'G goes to the last row (sorted by name)');
	await app.press(keys.escape);
	await app.waitFor('4/4 plugins');
	await app.press('g', 'j', keys.enter);
	frame = await app.waitFor(text => text.startsWith('Gate'));
	t.true(frame.includes('parameter 1/2'));
	app.unmount();
});

test.serial('the details screen lists every parameter with type, range, units and enum values', async t => {
	const store = openStore(':memory:');
	const entry = syntheticEntry(9, prng(1), 40);
	addEntries(store, [{...entry, name: 'Big One'}]);
	const app = renderApp({store});
	await app.waitFor('1/1 plugins');
	await app.press(keys.enter);
	let frame = await app.waitFor('parameter 1/40');
	t.regex(frame, /# Name +Type +Min +Default +Max +Units +Values/);
	t.regex(frame, /Soft \| Hard \| Auto/);
	t.true(frame.includes(entry.path));
	t.regex(frame, /presets +(none|2: Init, Warm)/);
	await app.press(keys.pageDown, keys.pageDown, 'G');
	frame = await app.waitFor('parameter 40/40');
	t.regex(frame, / 39 /);
	app.unmount();
});

test.serial('f marks a favourite (★), stored, and is:fav finds it', async t => {
	const store = namedStore();
	const app = renderApp({store});
	await app.waitFor(frame => frame.includes('4/4 plugins') && !frame.includes('indexing'));
	await app.press('f');
	await app.waitFor('★ Compressor Mono');
	t.is(store.sqlite.prepare('select favorite from user_data where plugin_id = ?').pluck().get('vst2:synthetic/2'), 1);
	await app.press('/', ...'is:fav');
	await app.waitFor('1/4 plugins');
	await app.press(keys.enter, 'f');
	await app.waitFor('0/4 plugins');
	app.unmount();
});

test.serial('without UTF-8 the favourite mark and bars are ASCII', async t => {
	const store = namedStore();
	const app = renderApp({store, unicode: false});
	await app.waitFor('4/4 plugins');
	await app.press('f');
	const frame = await app.waitFor('* Compressor Mono');
	t.false(/[★█↵…]/.test(frame));
	app.unmount();
});

test.serial('s cycles the sort and the selection stays on the same plugin', async t => {
	const app = renderApp({store: namedStore()});
	await app.waitFor('4/4 plugins');
	await app.press('j', 'j');
	await app.press('s');
	await app.waitFor('sort: vendor');
	await app.press(keys.enter);
	const frame = await app.waitFor('parameter');
	t.true(frame.startsWith('Plate Reverb'));
	app.unmount();
});

test.serial('? shows the help generated from the key table; Esc goes back', async t => {
	const app = renderApp({store: namedStore()});
	await app.waitFor('4/4 plugins');
	await app.press('?');
	const frame = await app.waitFor('pluginary · keys');
	t.regex(frame, /↑ k +Move up one row/);
	await app.press(keys.escape);
	await app.waitFor('4/4 plugins');
	app.unmount();
});

test.serial('t shows bar charts per format, category and vendor', async t => {
	const app = renderApp({store: storeWith(100), rows: 40});
	await app.waitFor('100/100 plugins');
	await app.press('t');
	const frame = await app.waitFor('Plugins per format');
	t.true(frame.includes('Plugins per category'));
	t.true(frame.includes('Top 10 vendors'));
	t.regex(frame, /lv2 +█+ +20/);
	t.true(frame.includes('No scan yet'));
	app.unmount();
});

test.serial('an empty catalog names the folders searched and offers r', async t => {
	const app = renderApp({store: openStore(':memory:')});
	const frame = await app.waitFor('No plugins in the catalog yet');
	t.true(frame.includes('/usr/lib/lv2'));
	t.regex(frame, /Press r to scan/);
	app.unmount();
});

test.serial('the details pane appears beside the list on wide terminals', async t => {
	const app = renderApp({store: namedStore(), columns: 140});
	const frame = await app.waitFor(text => text.includes('for every parameter') && text.includes('ports'));
	t.regex(frame, /Compressor Mono.*│/);
	app.unmount();
});

test.serial('works at 80×24', async t => {
	const app = renderApp({store: storeWith(100), columns: 80, rows: 24});
	const frame = await app.waitFor('100/100 plugins');
	const lines = frame.split('\n');
	t.is(lines.length, 24);
	t.true(lines.every(line => line.length <= 80));
	app.unmount();
});
