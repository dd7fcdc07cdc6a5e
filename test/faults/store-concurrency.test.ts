/**
 * One process's work never kills another's: writers wait their turn, and the commands that rewrite
 * the catalog refuse while a scan holds the scan lock. Also: import merges tags instead of
 * replacing the ones added since the export.
 */
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {copyFileSync, existsSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import {runCli, startCli} from '../helpers/cli.js';
import {cliPasses} from '../helpers/cli-assert.js';
import {fixture} from '../helpers/scan.js';
import {runWithin} from '../helpers/store-files.js';
import {writeSyntheticStore} from '../helpers/synthetic-store.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

/**
 * Another process writing to the database as fast as it can until `stop` exists: each write holds
 * SQLite's write lock for a few milliseconds, as a `tag` or `fav` does. Prints how many it committed.
 */
function startWriter(dbPath: string, stop: string) {
	const script = `
		const Database = require('better-sqlite3');
		const fs = require('node:fs');
		const db = new Database(${JSON.stringify(dbPath)}, {timeout: 10000});
		const sleep = ms => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
		const write = db.prepare("insert into settings (key, value) values ('writer', ?) on conflict(key) do update set value = excluded.value");
		let commits = 0;
		while (!fs.existsSync(${JSON.stringify(stop)})) {
			db.transaction(() => { write.run(String(commits)); sleep(3); }).immediate();
			commits++;
			sleep(2);
		}
		db.close();
		console.log(commits);
	`;
	return spawn(process.execPath, ['-e', script], {cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe']});
}

test.serial('writers wait their turn: a scan stores every file while another process keeps writing', async t => {
	const dbPath = tempDbPath();
	t.is(runCli(['list', '--db', dbPath]).status, 0);
	const stop = path.join(tempDir(), 'stop');
	const writer = startWriter(dbPath, stop);
	let written = '';
	writer.stdout.on('data', (chunk: Buffer) => {
		written += chunk.toString();
	});
	const writerDone = once(writer, 'exit');
	const scan = startCli(['scan', '--db', dbPath, '--path', '/usr/lib/ladspa', '--jobs', '2']);
	let errors = '';
	scan.stderr.on('data', (chunk: Buffer) => {
		errors += chunk.toString();
	});
	const [code] = await once(scan, 'exit') as [number];
	writeFileSync(stop, '');
	const [writerCode] = await writerDone as [number];
	t.is(code, 0, errors);
	t.is(writerCode, 0, 'the other writer never failed either');
	t.true(Number(written) > 10, `the other process wrote all along (${written.trim()} commits)`);
	const sqlite = new Database(dbPath, {readonly: true});
	t.teardown(() => sqlite.close());
	t.is(sqlite.prepare("select count(*) from plugins where status = 'ok'").pluck().get(), 276, 'every LADSPA plugin of the corpus is stored');
	t.is(sqlite.prepare("select state from scan_runs order by id desc limit 1").pluck().get(), 'done');
});

test.serial('import, retry, cache clear, repair and vacuum during a scan are refused with the scan lock\'s message; the scan loses nothing', async t => {
	const dbPath = tempDbPath();
	const dir = tempDir();
	copyFileSync(fixture('hostile/ladspa/hang.so'), path.join(dir, 'hang.so'));
	copyFileSync(fixture('good/ladspa/PluginaryTestGain.so'), path.join(dir, 'gain.so'));
	const source = tempDbPath();
	writeSyntheticStore(source);
	const exported = path.join(tempDir(), 'export.json');
	t.is(runWithin(source, ['export', '--out', exported]).status, 0);
	const scan = startCli(['scan', '--db', dbPath, '--path', dir, '--timeout', '40']);
	const scanDone = once(scan, 'exit');
	const lock = `${dbPath}.scan-lock`;
	const deadline = Date.now() + 60_000;
	while (!existsSync(lock) && Date.now() < deadline) {
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}

	for (const args of [['import', exported], ['retry'], ['cache', 'clear', '--yes'], ['cache', 'repair', '--yes'], ['cache', 'vacuum']]) {
		const run = runWithin(dbPath, args);
		t.is(run.status, 1, `pluginary ${args.join(' ')}: ${run.stdout}${run.stderr}`);
		t.regex(run.stderr, /^pluginary: Another pluginary scan \(pid \d+\) is running on this database; wait for it to finish/, `pluginary ${args.join(' ')}`);
	}

	t.true(existsSync(lock), 'the scan was still running when the last command ran');
	const [code] = await scanDone as [number];
	t.is(code, 0);
	const sqlite = new Database(dbPath, {readonly: true});
	t.teardown(() => sqlite.close());
	t.deepEqual(sqlite.pragma('integrity_check'), [{integrity_check: 'ok'}]);
	t.is(sqlite.prepare('select count(*) from files').pluck().get(), 2, 'both files are recorded');
	t.is(sqlite.prepare("select count(*) from plugins where status = 'ok'").pluck().get(), 1);
	t.is(sqlite.prepare("select count(*) from plugins where status = 'imported'").pluck().get(), 0, 'nothing was imported');
	t.deepEqual(sqlite.prepare('select state from scan_runs').pluck().all(), ['done'], 'the scan\'s run record is there');
});

test('import merges tag sets: a tag added since the export stays, and the summary names each plugin that changed', t => {
	const db = tempDbPath();
	writeSyntheticStore(db);
	const id = 'lv2:urn:test:comp';
	cliPasses(t, db, ['tag', id, 'glue', 'bus']);
	const exported = path.join(tempDir(), 'export.json');
	cliPasses(t, db, ['export', '--out', exported]);
	cliPasses(t, db, ['untag', id, 'glue']);
	cliPasses(t, db, ['tag', id, 'warm']);
	const run = cliPasses(t, db, ['import', exported]);
	t.regex(run.stdout, new RegExp(`^ {2}${id}: tags \\+glue$`, 'm'));
	t.is(run.stdout.split('\n').filter(line => line.startsWith('  ')).length, 1, 'only the plugin that changed is named');
	const shown = JSON.parse(cliPasses(t, db, ['show', id, '--json']).stdout) as {tags: string[]};
	t.deepEqual(shown.tags, ['bus', 'glue', 'warm']);
	const json = JSON.parse(cliPasses(t, db, ['import', exported, '--json']).stdout) as {plugins: unknown[]; unchanged: number};
	t.deepEqual(json.plugins, [], 'a second import changes nothing');
});
