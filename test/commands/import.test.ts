import {copyFileSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {cli, cliFails, cliPasses} from '../helpers/cli-assert.js';
import {importFixture, sqliteFixture} from '../helpers/import-fixtures.js';
import {writeSyntheticStore} from '../helpers/synthetic-store.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

/** The catalog as JSON export text without the time stamp, to compare before and after. */
function snapshot(db: string): string {
	const run = cli(db, ['export']);
	return run.stdout.replace(/"exportedAt":"[^"]+"/, '');
}

function syntheticDb(): string {
	const db = tempDbPath();
	writeSyntheticStore(db);
	return db;
}

test('import of pedalboard-pluginary plugins.json adds imported plugins, then reports them unchanged', t => {
	const db = syntheticDb();
	const first = cliPasses(t, db, ['import', importFixture('pedalboard-2023.json'), '--json']);
	t.like(JSON.parse(first.stdout), {kind: 'pedalboard-json', added: 4, updated: 0, unchanged: 0, dryRun: false});
	const again = cliPasses(t, db, ['import', importFixture('pedalboard-2023.json')]);
	t.regex(again.stdout, /0 added, 0 updated, 4 unchanged/);
	const shown = JSON.parse(cliPasses(t, db, ['show', 'vst3:vst3/FabFilter Pro-Q 3', '--json']).stdout) as Record<string, unknown>;
	t.like(shown, {format: 'vst3', uid: 'vst3/FabFilter Pro-Q 3', status: 'imported', name: 'FabFilter Pro-Q 3'});
});

test('import of the 2026 plugins.db and the later JSON cache', t => {
	const db = tempDbPath();
	const run = cliPasses(t, db, ['import', sqliteFixture('pedalboard-2026.sql')]);
	t.regex(run.stdout, /Imported 3 plugins .*\(pedalboard-db\): 3 added, 0 updated, 0 unchanged\./);
	cliPasses(t, db, ['import', importFixture('pedalboard-2025-cache.json')]);
	const list = JSON.parse(cliPasses(t, db, ['list', '--json']).stdout) as Array<{id: string; status: string}>;
	t.is(list.length, 4);
	t.true(list.every(item => item.status === 'imported'));
});

test('import --dry-run reports the counts and changes nothing', t => {
	const db = syntheticDb();
	const before = snapshot(db);
	const run = cliPasses(t, db, ['import', importFixture('pedalboard-2023.json'), '--dry-run']);
	t.regex(run.stdout, /Would import 4 plugins .*4 added/);
	t.is(snapshot(db), before);
});

test('a changed plugin in a re-import counts as updated', t => {
	const db = tempDbPath();
	const dir = tempDir();
	const file = path.join(dir, 'plugins.json');
	copyFileSync(importFixture('pedalboard-2023.json'), file);
	cliPasses(t, db, ['import', file]);
	const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, {params: Record<string, unknown>}>;
	data['ValhallaSupermassive']!.params['mix'] = 75;
	writeFileSync(file, JSON.stringify(data));
	t.regex(cliPasses(t, db, ['import', file]).stdout, /0 added, 1 updated, 3 unchanged/);
});

const badInputs: Array<[string, () => string, RegExp]> = [
	['truncated JSON', () => importFixture('truncated.json'), /truncated\.json: it is not valid JSON .*truncated/],
	['a JSON array', () => importFixture('array.json'), /array\.json: it holds a JSON array/],
	['a JSON scalar', () => importFixture('scalar.json'), /scalar\.json: it holds a JSON string/],
	['a foreign JSON object', () => importFixture('foreign.json'), /foreign\.json: entry 'name' is not a plugin object/],
	['an unknown plugin type', () => importFixture('unknown-type.json'), /unknown-type\.json: entry 'Some LV2' has plugin type 'lv2'/],
	['an empty file', () => importFixture('empty.json'), /empty\.json: the file is empty/],
	['a missing file', () => path.join(tempDir(), 'nope.json'), /nope\.json: no such file/],
	['a directory', () => tempDir(), /: it is a directory, not a file/],
	['an SQLite file without the plugins table', () => sqliteFixture('no-plugins-table.sql'), /plugins\.db: it is an SQLite database without pedalboard-pluginary's "plugins" table/],
	['a plugins.db row whose data is not JSON', () => sqliteFixture('bad-data-row.sql'), /plugins\.db: row '\/x\.vst3': the data column is not valid JSON/],
	['a non-SQLite binary file', () => {
		const file = path.join(tempDir(), 'random.db');
		writeFileSync(file, Buffer.from(Array.from({length: 4096}, (_, i) => (i * 7919) % 256)));
		return file;
	}, /random\.db: it is a binary file/],
	['a pluginary database instead of an export', () => {
		const file = tempDbPath();
		writeSyntheticStore(file);
		return file;
	}, /it is a pluginary database, not an export/],
	['an export whose count does not match', () => {
		const file = path.join(tempDir(), 'short.json');
		writeFileSync(file, JSON.stringify({pluginary: {version: '0.1.0', exportedAt: 'x', machine: 'm', count: 3}, plugins: [], userPresets: [], blacklist: []}));
		return file;
	}, /short\.json: it says it holds 3 plugins but has 0; it may be truncated/],
	['an export with a bad record', () => {
		const file = path.join(tempDir(), 'bad-record.json');
		writeFileSync(file, JSON.stringify({pluginary: {version: '0.1.0', exportedAt: 'x', machine: 'm', count: 1}, plugins: [{id: 'x:1', format: 'x', name: 'n', path: '/p', uid: '1', scannedAt: 't'}]}));
		return file;
	}, /bad-record\.json: plugins\[0\]\.format: /],
];

for (const [what, make, message] of badInputs) {
	test(`import of ${what} fails with one line naming the file and leaves the database unchanged`, t => {
		const db = syntheticDb();
		const before = snapshot(db);
		const file = make();
		const run = cliFails(t, db, ['import', file], 1, message);
		t.true(run.stderr.includes(path.resolve(file)), 'names the file');
		t.is(snapshot(db), before);
	});
}

test('a file whose last entry is bad imports none of the good ones before it', t => {
	const db = syntheticDb();
	const before = snapshot(db);
	const file = path.join(tempDir(), 'plugins.json');
	const data = JSON.parse(readFileSync(importFixture('pedalboard-2023.json'), 'utf8')) as Record<string, unknown>;
	data['zzz'] = {name: 'zzz', path: '/x', type: 'vst3', params: {broken: {nested: true}}};
	writeFileSync(file, JSON.stringify(data));
	cliFails(t, db, ['import', file], 1, /entry 'zzz': parameter 'broken' has a value of type object/);
	t.is(snapshot(db), before);
});

test('import without a file is a usage error', t => {
	cliFails(t, tempDbPath(), ['import'], 2, /Usage: pluginary import FILE/);
});
