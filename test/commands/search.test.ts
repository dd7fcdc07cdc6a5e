import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {fixtureCatalog} from '../helpers/catalog.js';

function json(args: string[]): Array<Record<string, unknown>> {
	const result = runCli([...args, '--db', fixtureCatalog(), '--json']);
	if (result.status !== 0) {
		throw new Error(result.stderr);
	}

	return JSON.parse(result.stdout) as Array<Record<string, unknown>>;
}

test('search finds plugins by fuzzy name and filters, best first', t => {
	const hits = json(['search', 'gain']);
	t.true(hits.length > 0);
	t.regex(hits[0]!['name'] as string, /Gain/);
	t.true(json(['search', 'gian format:clap']).every(hit => hit['format'] === 'clap'));
	t.true(json(['search', 'is:instrument']).every(hit => hit['isInstrument'] === true));
	t.true(json(['search', 'params>=5']).every(hit => (hit['parameterCount'] as number) >= 5));
});

test('search --collapse keeps one entry per plugin, in the preferred format', t => {
	const collapsed = json(['search', 'Pluginary Test Gain', '--collapse']);
	const names = collapsed.map(hit => `${String(hit['name'])}|${String(hit['vendor'])}`);
	t.is(new Set(names).size, names.length);
	t.is(collapsed.find(hit => hit['name'] === 'Pluginary Test Gain')?.['format'], 'vst3');
});

test('search: a malformed query is one line and exit 2; no hits suggests', t => {
	const bad = runCli(['search', 'vendr:fixtures', '--db', fixtureCatalog()]);
	t.is(bad.status, 2);
	t.regex(bad.stderr, /unknown filter 'vendr' at column 1 — did you mean 'vendor'\?/);
	t.is(runCli(['search', 'params>x', '--db', fixtureCatalog()]).status, 2);
	t.is(runCli(['search', '--db', fixtureCatalog()]).status, 2);
	const none = runCli(['search', 'qqqqxxxxwwww', '--db', fixtureCatalog()]);
	t.is(none.status, 0);
	t.regex(none.stderr, /No plugins match/);
});

test('similar puts the same plugin in other formats first', t => {
	const [gain] = json(['search', 'Pluginary Test Gain format:lv2', '--limit', '1']);
	const hits = json(['similar', gain!['id'] as string]);
	t.true(hits.length >= 3);
	t.true(hits.slice(0, 3).every(hit => hit['duplicate'] === true && hit['name'] === 'Pluginary Test Gain'));
	t.is(runCli(['similar', 'nope:nothing', '--db', fixtureCatalog()]).status, 3);
});

test('stats counts per category and format', t => {
	const result = runCli(['stats', '--db', fixtureCatalog(), '--json']);
	t.is(result.status, 0);
	const stats = JSON.parse(result.stdout) as {plugins: number; byCategoryFormat: Record<string, Record<string, number>>};
	const sum = Object.values(stats.byCategoryFormat).flatMap(row => Object.values(row)).reduce((a, b) => a + b, 0);
	t.is(sum, stats.plugins);
	t.regex(runCli(['stats', '--db', fixtureCatalog()]).stdout, /category\s+lv2/);
});
