import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {cli, cliFails, cliPasses} from '../helpers/cli-assert.js';
import {makeSyntheticStore} from '../helpers/synthetic-store.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF records) returning objects by header. */
function parseCsv(text: string): Array<Record<string, string>> {
	const records: string[][] = [];
	let field = '';
	let record: string[] = [];
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') {
				quoted = false;
			} else {
				field += char;
			}
		} else if (char === '"') {
			quoted = true;
		} else if (char === ',') {
			record.push(field);
			field = '';
		} else if (char === '\r' && text[i + 1] === '\n') {
			record.push(field);
			records.push(record);
			record = [];
			field = '';
			i++;
		} else {
			field += char;
		}
	}

	const [header, ...rows] = records;
	return rows.map(row => Object.fromEntries(header!.map((name, index) => [name, row[index] ?? ''])));
}

type ExportDocument = {pluginary: Record<string, unknown>; plugins: Array<Record<string, unknown>>; userPresets: unknown[]; blacklist: unknown[]};

/** A synthetic catalog with every kind of user data: favourite, tags, hidden, category override, user preset, blacklist. */
function curatedDb(t: Parameters<typeof cliPasses>[0]): string {
	const db = tempDbPath();
	const store = makeSyntheticStore(db);
	store.sqlite.prepare("insert into blacklist (path, reason, auto, added_at) values ('/plugins/bad.so', 'crashed twice', 1, '2026-11-24T10:00:00.000Z')").run();
	store.close();
	cliPasses(t, db, ['fav', 'Test Comp']);
	cliPasses(t, db, ['tag', 'Test Comp', 'bus', 'glue']);
	cliPasses(t, db, ['hide', 'Test Verb']);
	cliPasses(t, db, ['category', 'Test Verb', 'spatial']);
	cliPasses(t, db, ['preset', 'save', 'Test Comp', 'Warm', '--set', 'threshold=-30', '--set', 'mode=RMS', '--set', 'bypass=on']);
	return db;
}

function exportJson(t: Parameters<typeof cliPasses>[0], db: string, args: string[] = []): ExportDocument {
	return JSON.parse(cliPasses(t, db, ['export', ...args]).stdout) as ExportDocument;
}

test('export → import → export is lossless, user data included', t => {
	const source = curatedDb(t);
	const first = exportJson(t, source);
	t.like(first.pluginary, {version: '0.1.0', count: 4});
	t.is(typeof first.pluginary['machine'], 'string');
	t.is(first.plugins.length, 4);
	t.is(first.userPresets.length, 1);
	t.is(first.blacklist.length, 1);
	const comp = first.plugins.find(plugin => plugin['id'] === 'lv2:urn:test:comp')!;
	t.like(comp, {favorite: true, tags: ['bus', 'glue'], status: 'ok'});
	t.deepEqual(comp['presets'], [{name: 'Gentle', source: 'factory'}, {name: 'Hard', source: 'factory'}, {name: 'Warm', source: 'user'}]);
	t.like(first.plugins.find(plugin => plugin['id'] === 'vst3:0123456789ABCDEF0123456789ABCDEF'), {hidden: true, category: 'spatial', categorySource: 'user'});

	const file = path.join(tempDir(), 'backup.json');
	cliPasses(t, source, ['export', '--out', file]);
	const target = tempDbPath();
	const imported = cliPasses(t, target, ['import', file]);
	t.regex(imported.stdout, /4 added, 0 updated, 0 unchanged/);
	t.regex(imported.stdout, /User presets: 1 added/);
	t.regex(imported.stdout, /Blacklist: 1 added/);
	const second = exportJson(t, target);
	t.deepEqual(second.plugins, first.plugins);
	t.deepEqual(second.userPresets, first.userPresets);
	t.deepEqual(second.blacklist, first.blacklist);
	t.regex(cliPasses(t, target, ['import', file]).stdout, /0 added, 0 updated, 4 unchanged/);
});

test('NDJSON export is one full record a line and imports back', t => {
	const source = curatedDb(t);
	const lines = cliPasses(t, source, ['export', '--as', 'ndjson']).stdout.trimEnd().split('\n');
	t.is(lines.length, 4);
	const records = lines.map(line => JSON.parse(line) as Record<string, unknown>);
	t.true(records.every(record => Array.isArray(record['parameters'])));
	const file = path.join(tempDir(), 'plugins.ndjson');
	writeFileSync(file, lines.join('\n') + '\n');
	const target = tempDbPath();
	t.regex(cliPasses(t, target, ['import', file]).stdout, /\(pluginary-ndjson\): 4 added/);
	const back = cliPasses(t, target, ['export', '--as', 'ndjson']).stdout.trimEnd().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
	// NDJSON carries no user presets, so the user preset's name is not in the record any more.
	const withoutUserPresets = records.map(record => ({...record, presets: (record['presets'] as Array<{source: string}>).filter(preset => preset.source === 'factory')}));
	t.deepEqual(back, withoutUserPresets);
});

test('CSV export neutralises formulas and quotes per RFC 4180', t => {
	const db = curatedDb(t);
	const text = cliPasses(t, db, ['export', '--as', 'csv']).stdout;
	t.true(text.includes('\r\n'));
	const rows = parseCsv(text);
	t.is(rows.length, 4);
	const evil = rows.find(row => row['id'] === 'clap:org.test.synth')!;
	t.is(evil['name'], "'=cmd|calc");
	t.is(evil['vendor'], "'@evil");
	const delay = rows.find(row => row['id'] === 'ladspa:test.so/delay')!;
	t.is(delay['name'], 'Test "Delay"\nline');
	for (const row of rows) {
		for (const value of Object.values(row)) {
			t.notRegex(value, /^[=+\-@\t\r]/);
		}
	}
});

test('pedalboard export is valid Python that loads VST3/AU plugins and skips the other formats', t => {
	const db = curatedDb(t);
	const file = path.join(tempDir(), 'plugins.py');
	cliPasses(t, db, ['export', '--as', 'pedalboard', '--out', file]);
	const text = readFileSync(file, 'utf8');
	t.notThrows(() => execFileSync('python3', ['-m', 'py_compile', file], {stdio: 'pipe'}));
	t.regex(text, /pedalboard\.load_plugin\("\/plugins\/vst3\/Test_Verb", plugin_name="Test Verb"\)/);
	t.regex(text, /# Skipped Test Comp .*\(lv2, dynamics\)/);
	t.regex(text, /# {3}pedalboard loads only VST3 and Audio Unit plugins, not lv2\./);
	t.regex(text, /# {3}decay = 0\.5 +\(Decay; float 0 … 1; shows 2 s; raw_value\)/);
	t.regex(text, /"vst3:0123456789ABCDEF0123456789ABCDEF": load_test_verb,/);
	t.notRegex(text, /Delay"\nline/, 'names with line breaks never break a comment');
});

test('pedalboard export of imported pedalboard-pluginary plugins uses their python names', t => {
	const db = tempDbPath();
	cliPasses(t, db, ['import', path.resolve('test/fixtures/import/pedalboard-2023.json')]);
	const file = path.join(tempDir(), 'plugins.py');
	cliPasses(t, db, ['export', '--as', 'pedalboard', '--out', file]);
	t.notThrows(() => execFileSync('python3', ['-m', 'py_compile', file], {stdio: 'pipe'}));
	const text = readFileSync(file, 'utf8');
	t.regex(text, /# {3}band_1_shape = "Bell"/);
	t.regex(text, /plugin_name="FabFilter Pro-Q 3"/);
});

test('export QUERY selects plugins with the search language; a bad query is a usage error', t => {
	const db = curatedDb(t);
	const document = exportJson(t, db, ['format:lv2']);
	t.deepEqual(document.plugins.map(plugin => plugin['id']), ['lv2:urn:test:comp']);
	t.is(document.pluginary['count'], 1);
	t.is(document.pluginary['query'], 'format:lv2');
	t.is(document.userPresets.length, 1);
	cliFails(t, db, ['export', 'format:nope'], 2, /nope/);
});

test('--out writes atomically, refuses an existing file without --force (exit 1), replaces it with --force', t => {
	const db = curatedDb(t);
	const dir = tempDir();
	const file = path.join(dir, 'out.json');
	writeFileSync(file, 'keep me');
	cliFails(t, db, ['export', '--out', file], 1, /exists already; add --force to replace it/);
	t.is(readFileSync(file, 'utf8'), 'keep me');
	const run = cliPasses(t, db, ['export', '--out', file, '--force']);
	t.is(run.stdout, '', 'nothing on stdout with --out');
	t.like(JSON.parse(readFileSync(file, 'utf8')), {pluginary: {count: 4}});
	t.deepEqual(readdirSync(dir), ['out.json'], 'no temporary files left behind');
	cliFails(t, db, ['export', '--out', dir], 1, /is a directory/);
	cliFails(t, db, ['export', '--force'], 2, /--force only makes sense with --out/);
	cliFails(t, db, ['export', '--as', 'xml'], 2, /--as takes one of json, ndjson, csv, pedalboard/);
	t.false(existsSync(path.join(dir, 'nothing.json')));
});

test('an empty catalog exports an empty, importable document', t => {
	const db = tempDbPath();
	const run = cli(db, ['export']);
	t.is(run.status, 0);
	t.like(JSON.parse(run.stdout), {pluginary: {count: 0}, plugins: [], userPresets: [], blacklist: []});
	t.regex(run.stderr, /catalog is empty/);
});
