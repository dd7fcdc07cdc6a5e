import test from 'ava';
import type {PluginSummary} from '../../source/catalog/plugin.js';
import {cell, clock, ago, duration, number} from '../../source/ui/model/format.js';
import {nextSort, sortItems} from '../../source/ui/model/sort.js';
import {listColumns, paneWidth} from '../../source/ui/model/columns.js';
import {plainFilter, runFilter} from '../../source/ui/model/filter.js';
import {parseQuery} from '../../source/search/query.js';
import {localeIsUtf8, makeTheme, colorWanted} from '../../source/ui/theme.js';
import {barText} from '../../source/ui/components/BarChart.js';
import {diffLines} from '../../source/ui/model/scan-report.js';

const summary = (name: string, vendor: string, format: PluginSummary['format'], parameterCount = 0, extra: Partial<PluginSummary> = {}): PluginSummary => ({
	id: `${format}:${name}`, format, name, vendor, version: '', path: '/x', uid: name, category: 'other', categorySource: 'rules',
	rawCategory: '', isInstrument: false, audioInputs: 2, audioOutputs: 2, auxInputs: 0, midiInputs: 0, midiOutputs: 0, tags: [],
	favorite: false, hidden: false, status: 'ok', scannedAt: '2026-01-01T00:00:00Z', parameterCount, rawVendor: vendor, rawName: name, group: '', ...extra,
});

test('cell cuts with an ellipsis and pads to the width, counting wide characters as two', t => {
	t.is(cell('Compressor', 6), 'Compr…');
	t.is(cell('EQ', 4), 'EQ  ');
	t.is(cell('12', 4, '…', 'right'), '  12');
	t.is(cell('日本語プラグイン', 7), '日本語…');
	t.is(cell('a\tb', 3), 'a b');
});

test('times and numbers read well', t => {
	t.is(clock(75), '1:15');
	t.is(clock(3725), '1:02:05');
	t.is(duration(850), '850 ms');
	t.is(duration(12_300), '12.3 s');
	t.is(ago('2026-01-02T11:55:00Z', Date.parse('2026-01-02T12:00:00Z')), '5 min ago');
	t.is(ago('garbage'), 'never');
	t.is(number(0.5), '0.5');
	t.is(number(-60), '-60');
	t.is(number(0.000123456), '0.000123');
});

test('the sort cycle skips name when the filter has no words (best is then by name)', t => {
	t.is(nextSort('best', false), 'vendor');
	t.is(nextSort('params', false), 'cpu');
	t.is(nextSort('cpu', false), 'latency');
	t.is(nextSort('latency', false), 'best');
	t.is(nextSort('best', true), 'name');
	t.is(nextSort('name', true), 'vendor');
});

test('sorts by vendor, format and parameter count', t => {
	const items = [summary('b', 'Zed', 'lv2', 3), summary('a', 'Alpha', 'vst3', 10), summary('c', 'alpha', 'clap', 1)];
	t.deepEqual(sortItems(items, 'vendor').map(item => item.name), ['a', 'c', 'b']);
	t.deepEqual(sortItems(items, 'format').map(item => item.format), ['clap', 'lv2', 'vst3']);
	t.deepEqual(sortItems(items, 'params').map(item => item.parameterCount), [10, 3, 1]);
	t.is(sortItems(items, 'best'), items);
});

test('sorts by CPU and latency, highest first, unchecked plugins last', t => {
	const items = [
		{...summary('unchecked', 'V', 'lv2', 1)},
		{...summary('light', 'V', 'lv2', 1), health: 'ok' as const, warnings: [], cpuPercent: 0.5, latencySamples: 0, checkedAt: 'x'},
		{...summary('heavy', 'V', 'lv2', 1), health: 'ok' as const, warnings: ['heavy' as const], cpuPercent: 62, latencySamples: 128, checkedAt: 'x'},
	];
	t.deepEqual(sortItems(items, 'cpu').map(item => item.name), ['heavy', 'light', 'unchecked']);
	t.deepEqual(sortItems(items, 'latency').map(item => item.name), ['heavy', 'light', 'unchecked']);
});

test('columns fit the width; the details pane appears from 120 columns', t => {
	for (const width of [50, 80, 100, 160]) {
		const columns = listColumns(width);
		const used = columns.mark + columns.name + columns.vendor + columns.format + columns.category + (columns.category > 0 ? 3 : 2);
		t.true(used <= width, `width ${width}`);
	}

	t.is(paneWidth(100), 0);
	t.true(paneWidth(120) >= 44);
});

test('the plain filter understands the query language before the index exists', t => {
	const items = [summary('Room Reverb', 'Dragonfly', 'lv2', 12), summary('Compressor', 'LSP', 'clap', 30), summary('Hidden Gate', 'LSP', 'lv2', 2, {hidden: true})];
	t.deepEqual(plainFilter(items, parseQuery('rev')).map(item => item.name), ['Room Reverb']);
	t.deepEqual(plainFilter(items, parseQuery('vendor:ls params>20')).map(item => item.name), ['Compressor']);
	t.deepEqual(plainFilter(items, parseQuery('is:hidden')).map(item => item.name), ['Hidden Gate']);
	t.is(plainFilter(items, parseQuery('')).length, 2);
});

test('a malformed query comes back as an error sentence, not an exception', t => {
	const result = runFilter({kind: 'list', items: []}, 'format:lv3', 'best');
	t.truthy(result.error);
	t.regex(result.error!, /lv2/);
	t.is(result.items.length, 0);
});

test('theme: NO_COLOR and --no-color turn colours off; non-UTF-8 locales get ASCII', t => {
	t.false(colorWanted(true, {NO_COLOR: '1'}));
	t.false(colorWanted(false, {}));
	t.true(colorWanted(true, {}));
	t.true(localeIsUtf8({LANG: 'en_US.UTF-8'}));
	t.false(localeIsUtf8({LANG: 'C'}));
	t.false(localeIsUtf8({}));
	t.false(localeIsUtf8({LC_ALL: 'POSIX', LANG: 'en_US.UTF-8'}));
	const plain = makeTheme({color: false, unicode: false});
	t.is(plain.glyph.favorite, '*');
	t.is(plain.text.accent, undefined);
	t.is(plain.format['lv2'], undefined);
});

test('bars use eighth blocks, and whole ASCII blocks without UTF-8', t => {
	t.is(barText(50, 100, 10, makeTheme({color: false, unicode: true})), '█████');
	t.is(barText(55, 100, 10, makeTheme({color: false, unicode: true})), '█████▌');
	t.is(barText(55, 100, 10, makeTheme({color: false, unicode: false})), '#####');
	t.is(barText(1, 1000, 10, makeTheme({color: false, unicode: false})), '#');
});

test('the scan diff lists paths while room lasts', t => {
	const lines = diffLines({new: ['/a', '/b', '/c'], changed: ['/d'], removed: [], unchanged: 7}, 3);
	t.is(lines[0], '3 new · 1 changed · 0 removed · 7 unchanged');
	t.deepEqual(lines.slice(1), ['  + /a', '  … and 3 more']);
});
