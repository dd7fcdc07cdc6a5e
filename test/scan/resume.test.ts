import {once} from 'node:events';
import {readdirSync} from 'node:fs';
import test from 'ava';
import Database from 'better-sqlite3';
import {openStore} from '../../source/db/open.js';
import {countPlugins} from '../../source/db/queries/plugins.js';
import {startCli} from '../helpers/cli.js';
import {hostChildren, scan} from '../helpers/scan.js';
import {tempDbPath} from '../helpers/temp.js';

const ladspaDir = '/usr/lib/ladspa';
const libraries = readdirSync(ladspaDir).filter(name => name.endsWith('.so')).length;
const env = {...process.env, LADSPA_PATH: ladspaDir};

async function until(condition: () => boolean, deadlineMs: number): Promise<boolean> {
	const end = Date.now() + deadlineMs;
	while (Date.now() < end) {
		if (condition()) {
			return true;
		}

		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}

	return false;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

for (const killAfter of [1, 25, 70]) {
	test.serial(`pluginary killed with SIGKILL after ${killAfter} files: the store is intact, no host survives, and the next scan resumes without re-probing finished files`, async t => {
		const dbPath = tempDbPath();
		// One worker: the LADSPA corpus probes in well under a second, and a single worker leaves the widest window.
		const child = startCli(['scan', '--db', dbPath, '--format', 'ladspa', '--jobs', '1'], env);
		const exited = once(child, 'exit');
		const hosts = new Set<number>();
		let reader: Database.Database | undefined;
		const reached = await until(() => {
			try {
				for (const pid of hostChildren(child.pid)) {
					hosts.add(pid);
				}

				reader ??= new Database(dbPath, {readonly: true, fileMustExist: true});
				const done = reader.prepare("select count(*) from files where status != 'inflight'").pluck().get() as number;
				return done >= killAfter;
			} catch {
				return false;
			}
		}, 30_000);
		reader?.close();
		t.true(reached, 'the scan got far enough to be killed mid-way');
		child.kill('SIGKILL');
		await exited;
		t.true(hosts.size > 0, 'a host was running');
		t.true(await until(() => [...hosts].every(pid => !alive(pid)), 3000), 'host processes die with pluginary');

		const store = openStore(dbPath);
		t.teardown(() => store.close());
		t.deepEqual(store.sqlite.pragma('integrity_check'), [{integrity_check: 'ok'}]);
		const finished = store.sqlite.prepare("select count(*) from files where status != 'inflight'").pluck().get() as number;
		const inflight = new Set(store.sqlite.prepare("select path from files where status = 'inflight'").pluck().all() as string[]);
		t.true(finished < libraries, 'killed before the end');

		const {summary, events} = await scan({dbPath, env, formats: ['ladspa'], jobs: 1});
		t.is(summary.counts['ladspa']?.['unchanged'] ?? 0, finished, 'finished files are not probed again');
		const probed = events.filter(event => event.type === 'file-started').map(event => (event as {path: string}).path);
		t.is(probed.length, libraries - finished);
		t.deepEqual(new Set(probed.slice(0, inflight.size)), inflight, 'files that were in flight go first');
		t.deepEqual(summary.failures, [], 'a kill of pluginary counts nothing against the plugins in flight');
		t.is(countPlugins(store), 276);
	});
}
