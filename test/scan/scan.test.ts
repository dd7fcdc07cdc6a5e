import {copyFileSync, mkdirSync, rmSync, utimesSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openStore} from '../../source/db/open.js';
import {listSummaries} from '../../source/db/queries/plugins.js';
import {cachedStatement} from '../../source/db/queries/statements.js';
import {pluginId} from '../../source/catalog/plugin.js';
import {GOOD_FIXTURES, HOSTILE_FIXTURES, FIXTURES_BUILD_DIR} from '../fixtures/plugins/expected.js';
import {fixture, hostChildren, scan} from '../helpers/scan.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

const fixtureEnv = {
	...process.env,
	LV2_PATH: [fixture('good/lv2'), fixture('hostile/lv2')].join(':'),
	LADSPA_PATH: [fixture('good/ladspa'), fixture('hostile/ladspa')].join(':'),
	VST_PATH: [fixture('good/vst'), fixture('hostile/vst')].join(':'),
	VST3_PATH: [fixture('good/vst3'), fixture('good/vst3-split')].join(':'),
	CLAP_PATH: [fixture('good/clap'), fixture('hostile/clap')].join(':'),
};

type FileRow = {path: string; status: string; error: string | null};

test('good and hostile fixtures in one scan: every good plugin stored, every hostile one recorded with its reason, no host left', async t => {
	const dbPath = tempDbPath();
	const {summary, events} = await scan({dbPath, env: fixtureEnv, jobs: 2, timeoutSeconds: 5});
	t.deepEqual(hostChildren(), []);
	const store = openStore(dbPath);
	t.teardown(() => store.close());
	const stored = new Map([...listSummaries(store)].map(plugin => [plugin.id, plugin]));
	for (const expected of GOOD_FIXTURES) {
		const id = pluginId(expected.plugin.format, expected.plugin.uid);
		t.is(stored.get(id)?.status, 'ok', `${id} is catalogued`);
	}

	const files = new Map((cachedStatement(store, 'select path, status, error from files').all() as FileRow[]).map(row => [row.path, row]));
	for (const hostile of HOSTILE_FIXTURES.filter(each => !each.instantiate)) {
		const row = files.get(path.join(FIXTURES_BUILD_DIR, hostile.path));
		t.truthy(row, `${hostile.path} was probed`);
		t.is(row?.status, hostile.status, `${hostile.path}: ${row?.error ?? ''}`);
		if (hostile.error) {
			t.regex(row?.error ?? '', hostile.error);
		}
	}

	const spam = stored.get('ladspa:stdout_spam.so/stdout_spam');
	t.is(spam?.status, 'ok');
	t.is(stored.get('ladspa:many_params.so/many_params')?.parameterCount, 30_000);
	t.true(summary.failures.some(failure => failure.status === 'timeout' && failure.path.endsWith('hang.so')));
	t.true(events.some(event => event.type === 'file-done' && event.status === 'crashed'));
	t.is(events.at(-1)?.type, 'finished');
});

test('change detection: new, unchanged, changed and removed files; user data survives the plugin leaving and coming back', async t => {
	const dir = tempDir();
	const dbPath = tempDbPath();
	const file = path.join(dir, 'gain.so');
	copyFileSync(fixture('good/ladspa/PluginaryTestGain.so'), file);
	const first = await scan({dbPath, paths: [dir]});
	t.deepEqual(first.summary.diff.new, [file]);
	const second = await scan({dbPath, paths: [dir]});
	t.is(second.summary.diff.unchanged, 1);
	t.deepEqual(second.summary.counts['ladspa'], {unchanged: 1});

	const store = openStore(dbPath);
	t.teardown(() => store.close());
	const id = 'ladspa:gain.so/PluginaryTestGain';
	cachedStatement(store, 'insert into user_data (plugin_id, favorite) values (?, 1)').run(id);
	const later = new Date(Date.now() + 60_000);
	utimesSync(file, later, later);
	const third = await scan({dbPath, paths: [dir]});
	t.deepEqual(third.summary.diff.changed, [file]);
	t.is(third.summary.counts['ladspa']?.['ok'], 1);

	rmSync(file);
	const fourth = await scan({dbPath, paths: [dir]});
	t.deepEqual(fourth.summary.diff.removed, [file]);
	t.is([...listSummaries(store, {includeHidden: true})].length, 0);

	copyFileSync(fixture('good/ladspa/PluginaryTestGain.so'), file);
	await scan({dbPath, paths: [dir]});
	t.true([...listSummaries(store)].find(plugin => plugin.id === id)?.favorite);
});

test('a partial scan (--path) never removes plugins found outside its roots', async t => {
	const dirA = tempDir();
	const dirB = tempDir();
	copyFileSync(fixture('good/ladspa/PluginaryTestGain.so'), path.join(dirA, 'a.so'));
	copyFileSync(fixture('good/ladspa/PluginaryTestGain.so'), path.join(dirB, 'b.so'));
	const dbPath = tempDbPath();
	await scan({dbPath, paths: [dirA, dirB]});
	rmSync(path.join(dirB, 'b.so'));
	const partial = await scan({dbPath, paths: [dirA]});
	t.deepEqual(partial.summary.diff.removed, []);
	const store = openStore(dbPath);
	t.teardown(() => store.close());
	t.deepEqual([...listSummaries(store)].map(plugin => plugin.id).sort(), ['ladspa:a.so/PluginaryTestGain', 'ladspa:b.so/PluginaryTestGain']);
});

test('a file that crashes in two scans is blacklisted, then skipped; retry probes it again', async t => {
	const dir = tempDir();
	mkdirSync(path.join(dir, 'ladspa'));
	const crasher = path.join(dir, 'ladspa', 'crash.so');
	copyFileSync(fixture('hostile/ladspa/crash_on_load.so'), crasher);
	const dbPath = tempDbPath();
	const first = await scan({dbPath, paths: [dir]});
	t.is(first.summary.failures[0]?.status, 'crashed');
	const plain = await scan({dbPath, paths: [dir]});
	t.deepEqual(plain.summary.failures, [], 'an unchanged failed file is not re-probed by a plain scan');
	const second = await scan({dbPath, paths: [dir], full: true});
	t.is(second.summary.failures[0]?.status, 'blacklisted');
	t.regex(second.summary.failures[0]?.error ?? '', /SIGSEGV.*blacklisted after 2/);
	const third = await scan({dbPath, paths: [dir], full: true});
	t.deepEqual(third.summary.counts['ladspa'], {blacklisted: 1});
	const retried = await scan({dbPath, paths: [dir], retry: true});
	t.is(retried.summary.failures[0]?.path, crasher);
});

test('a second scan of the same database while one runs is refused with a clear message', async t => {
	const dbPath = tempDbPath();
	const dir = tempDir();
	copyFileSync(fixture('hostile/ladspa/hang.so'), path.join(dir, 'hang.so'));
	const running = scan({dbPath, paths: [dir], timeoutSeconds: 2});
	await new Promise(resolve => {
		setTimeout(resolve, 300);
	});
	const error = await t.throwsAsync(scan({dbPath, paths: [dir]}));
	t.regex(error?.message ?? '', /Another pluginary scan \(pid \d+\) is running/);
	const {summary} = await running;
	t.is(summary.failures[0]?.status, 'timeout');
});

test('a missing --path is a usage error', async t => {
	const error = await t.throwsAsync(scan({dbPath: tempDbPath(), paths: ['/nonexistent/plugins']}));
	t.regex(error?.message ?? '', /--path \/nonexistent\/plugins does not exist/);
});
