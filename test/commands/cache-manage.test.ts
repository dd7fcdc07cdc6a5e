import {copyFileSync, existsSync, mkdirSync, readdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import {cli, cliFails, cliPasses} from '../helpers/cli-assert.js';
import {runCli} from '../helpers/cli.js';
import {writeDamagedDb, writeRandomBytes} from '../helpers/corrupt-db.js';
import {writeSyntheticStore} from '../helpers/synthetic-store.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';
import {fixture} from '../helpers/scan.js';

test('a damaged database: verify reports it (exit 1), repair --yes moves it aside and salvages the user data', t => {
	const db = tempDbPath();
	writeDamagedDb(db);
	const verify = cli(db, ['cache', 'verify']);
	t.is(verify.status, 1);
	t.regex(verify.stdout + verify.stderr, /FAIL integrity|corrupt/i);
	cliFails(t, db, ['cache', 'repair'], 2, /'pluginary cache repair' changes the database; run it in a terminal to be asked, or add --yes\./);
	const repair = cliPasses(t, db, ['cache', 'repair', '--yes']);
	t.regex(repair.stdout, /moved the damaged database to .*catalog\.db\.corrupt-\d{8}T\d{6}Z/);
	t.regex(repair.stdout, /salvaged 2 user-data rows, 3 tags, 1 user presets, 1 blacklist entries and 1 settings/);
	t.true(readdirSync(path.dirname(db)).some(name => /^catalog\.db\.corrupt-/.test(name)), 'the old file is kept');
	cliPasses(t, db, ['cache', 'verify']);
	const presets = JSON.parse(cliPasses(t, db, ['preset', 'list', '--json']).stdout) as Array<{pluginId: string; name: string}>;
	t.deepEqual(presets.map(preset => [preset.pluginId, preset.name]), [['lv2:a', 'Warm']]);
	const sqlite = new Database(db, {readonly: true});
	t.deepEqual(sqlite.prepare('select plugin_id, tag from tags order by 1, 2').raw().all(), [['lv2:a', 'bus'], ['lv2:a', 'glue'], ['lv2:b', 'old']]);
	t.is(sqlite.prepare('select count(*) from plugins').pluck().get(), 0);
	sqlite.close();
});

test('a random-bytes database file: commands fail with one line (exit 1, no stack); repair refuses it at a chosen path and replaces it at the default one', t => {
	const db = tempDbPath();
	writeRandomBytes(db);
	cliFails(t, db, ['list'], 1, /is not a pluginary database \(not SQLite\)/);
	cliFails(t, db, ['cache', 'verify'], 1, /is not a pluginary database/);
	cliFails(t, db, ['cache', 'repair', '--yes'], 1, /nothing shows pluginary made it, so repair leaves it alone/);
	const data = tempDir();
	const own = path.join(data, 'pluginary', 'pluginary.db');
	mkdirSync(path.dirname(own));
	writeRandomBytes(own);
	const env = {...process.env, NO_COLOR: '1', XDG_DATA_HOME: data, PLUGINARY_DB: ''};
	const repair = runCli(['cache', 'repair', '--yes'], {env});
	t.is(repair.status, 0, repair.stderr);
	t.regex(repair.stdout, /salvaged 0 user-data rows/);
	t.regex(repair.stderr, /could not read cannot open the old file: /);
	t.is(runCli(['list'], {env}).status, 0);
});

test('repair of a healthy database asks first, then rebuilds the catalog by a full rescan keeping user data; a missing one says so', t => {
	const db = tempDbPath();
	const plugins = tempDir();
	copyFileSync(fixture('good/ladspa/PluginaryTestGain.so'), path.join(plugins, 'gain.so'));
	const env = {LADSPA_PATH: plugins, PLUGINARY_FORMATS: 'ladspa'};
	cliPasses(t, db, ['scan'], env);
	const id = 'ladspa:gain.so/PluginaryTestGain';
	cliPasses(t, db, ['fav', id]);
	cliFails(t, db, ['cache', 'repair'], 2, /add --yes/);
	const repair = cliPasses(t, db, ['cache', 'repair', '--yes'], env);
	t.regex(repair.stdout, /Scanned 1 plugins/);
	const listed = JSON.parse(cliPasses(t, db, ['list', '--json']).stdout) as Array<{id: string; favorite: boolean}>;
	t.deepEqual(listed.map(plugin => [plugin.id, plugin.favorite]), [[id, true]]);
	const missing = tempDbPath();
	t.regex(cliPasses(t, missing, ['cache', 'repair']).stdout, /does not exist; nothing to repair/);
	t.false(existsSync(missing));
});

test('repair leaves another application\'s SQLite file alone', t => {
	const db = tempDbPath();
	const sqlite = new Database(db);
	sqlite.exec('create table notes (text)');
	sqlite.close();
	const run = cli(db, ['cache', 'repair', '--yes']);
	t.is(run.status, 1);
	t.regex(run.stderr, /not a pluginary one; repair leaves it alone/);
	t.deepEqual(readdirSync(path.dirname(db)), ['catalog.db']);
});

test('cache clear refuses without --yes off a terminal, and with --yes keeps user data', t => {
	const db = tempDbPath();
	writeSyntheticStore(db);
	cliPasses(t, db, ['fav', 'Test Comp']);
	cliPasses(t, db, ['preset', 'save', 'Test Comp', 'Warm', '--set', 'ratio=2']);
	cliFails(t, db, ['cache', 'clear'], 2, /'pluginary cache clear' changes the database; run it in a terminal to be asked, or add --yes\./);
	t.is((JSON.parse(cliPasses(t, db, ['list', '--json']).stdout) as unknown[]).length, 4);
	t.regex(cliPasses(t, db, ['cache', 'clear', '--yes']).stdout, /cleared 4 plugins and 4 files .* user data kept/);
	t.is(cliPasses(t, db, ['list', '--json']).stdout.trim(), '[]');
	t.is((JSON.parse(cliPasses(t, db, ['preset', 'list', '--json']).stdout) as unknown[]).length, 1);
	const sqlite = new Database(db, {readonly: true});
	t.is(sqlite.prepare('select favorite from user_data where plugin_id = ?').pluck().get('lv2:urn:test:comp'), 1);
	sqlite.close();
});

test('cache vacuum compacts the database', t => {
	const db = tempDbPath();
	writeSyntheticStore(db);
	t.regex(cliPasses(t, db, ['cache', 'vacuum']).stdout, /^vacuumed .*: \d+\.\d\d MiB → \d+\.\d\d MiB\n$/);
	cliFails(t, db, ['cache', 'frob'], 2, /Unknown cache action 'frob'; use path, stats, verify, repair, vacuum or clear\./);
});
