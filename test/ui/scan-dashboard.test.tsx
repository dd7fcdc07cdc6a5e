import test from 'ava';
import {openStore} from '../../source/db/open.js';
import {fillStore, syntheticEntry} from './helpers/fill-store.js';
import {prng} from '../helpers/prng.js';
import {recordFileResult} from '../../source/db/queries/ingest.js';
import {fakeScan, keys, renderApp} from './helpers/render-app.js';

test.serial('r starts an incremental scan and shows its progress, workers and failures live', async t => {
	const store = openStore(':memory:');
	fillStore(store, 10);
	const scan = fakeScan();
	const app = renderApp({store, scan});
	await app.waitFor('10/10 plugins');
	await app.press('r');
	await app.waitFor('looking for plugin files');
	t.deepEqual(scan.started, [{full: false}]);
	scan.push({type: 'started', total: 4, byFormat: {lv2: 3, clap: 1}, roots: ['/usr/lib/lv2'], unchanged: 2});
	scan.push({type: 'file-started', worker: 0, path: '/usr/lib/lv2/a.lv2', format: 'lv2'});
	scan.push({type: 'file-started', worker: 1, path: '/usr/lib/clap/b.clap', format: 'clap'});
	scan.push({type: 'file-done', worker: 1, path: '/usr/lib/clap/b.clap', format: 'clap', plugins: 0, status: 'crashed', error: 'killed by SIGSEGV'});
	scan.push({type: 'progress', done: 1, total: 4, plugins: 0, pluginsPerSecond: 0, etaSeconds: 9, counts: {clap: {crashed: 1}}});
	let frame = await app.waitFor('1/4 files 25%');
	t.true(frame.includes('/usr/lib/lv2/a.lv2'), 'the busy worker');
	t.regex(frame, /crashed +\/usr\/lib\/clap\/b.clap · killed by SIGSEGV/);
	t.regex(frame, /ETA 0:09/);
	t.regex(frame, /clap +0 +1/);
	const next = prng(2);
	const entry = {...syntheticEntry(100, next, 1), name: 'Brand New'};
	recordFileResult(store, {path: entry.path, format: entry.format, size: 1, mtimeMs: 1, status: 'ok'}, [entry]);
	scan.finish({durationMs: 2000, pluginsPerSecond: 0.5, counts: {lv2: {ok: 1}, clap: {crashed: 1}}, diff: {new: [entry.path], changed: [], removed: ['/gone.lv2'], unchanged: 2}, failures: [{path: '/usr/lib/clap/b.clap', format: 'clap', status: 'crashed', error: 'killed by SIGSEGV'}]});
	frame = await app.waitFor('Changes');
	t.regex(frame, /1 new · 0 changed · 1 removed · 2 unchanged/);
	t.true(frame.includes(`+ ${entry.path}`));
	t.true(frame.includes('- /gone.lv2'));
	await app.press(keys.escape);
	frame = await app.waitFor('11/11 plugins');
	t.true(frame.includes('scan done'));
	app.unmount();
});

test.serial('R starts a full rescan; browsing during the scan shows it in the status bar; x stops it', async t => {
	const store = openStore(':memory:');
	fillStore(store, 5);
	const scan = fakeScan();
	const app = renderApp({store, scan});
	await app.waitFor('5/5 plugins');
	await app.press('R');
	await app.waitFor('Full rescan');
	t.deepEqual(scan.started, [{full: true}]);
	scan.push({type: 'started', total: 10, byFormat: {lv2: 10}, roots: [], unchanged: 0});
	scan.push({type: 'progress', done: 5, total: 10, plugins: 5, pluginsPerSecond: 5, etaSeconds: 1, counts: {lv2: {ok: 5}}});
	await app.waitFor('5/10 files');
	await app.press(keys.escape);
	await app.waitFor('scanning 50% (5/10)');
	await app.press('r');
	await app.waitFor('5/10 files');
	t.is(scan.started.length, 1, 'a second r shows the running scan instead of starting another');
	await app.press('x');
	t.true(scan.cancelled);
	app.unmount();
});

test.serial('a scan that cannot run says why', async t => {
	const store = openStore(':memory:');
	const app = renderApp({store});
	app.services.startScan = () => {
		throw new Error('Another scan is running on this database.');
	};

	await app.waitFor('No plugins');
	await app.press('r');
	const frame = await app.waitFor('could not run');
	t.true(frame.includes('Another scan is running'));
	app.unmount();
});

test.serial('the stats screen shows the new catalog once a scan started from it has finished', async t => {
	const store = openStore(':memory:');
	fillStore(store, 100, 7);
	const scan = fakeScan();
	const app = renderApp({store, scan, rows: 40});
	await app.waitFor('100/100 plugins');
	await app.press('t');
	t.regex(await app.waitFor('Plugins per format'), /lv2 +█+ +20\b/);
	await app.press('r');
	await app.waitFor('looking for plugin files');
	const entry = {...syntheticEntry(100, prng(4), 1), format: 'lv2' as const, id: 'lv2:new/1', uid: 'new/1', path: '/new/1.lv2'};
	recordFileResult(store, {path: entry.path, format: entry.format, size: 1, mtimeMs: 1, status: 'ok'}, [entry]);
	scan.finish({durationMs: 1000, pluginsPerSecond: 1, counts: {lv2: {ok: 1}}, diff: {new: [entry.path], changed: [], removed: [], unchanged: 100}, failures: []});
	await app.waitFor('Changes');
	await app.press(keys.escape);
	t.regex(await app.waitFor(frame => /lv2 +█+ +21\b/.test(frame)), /Plugins per format/);
	app.unmount();
});

test.serial('the dashboard names the part each worker probes and for how long, and says when no ETA is known yet', async t => {
	const store = openStore(':memory:');
	fillStore(store, 3);
	const scan = fakeScan();
	const app = renderApp({store, scan, columns: 120});
	await app.waitFor('3/3 plugins');
	await app.press('r');
	await app.waitFor('looking for plugin files');
	const now = app.services.now();
	scan.push({type: 'started', total: 439, byFormat: {lv2: 439}, roots: ['/usr/lib/lv2'], unchanged: 0});
	scan.push({type: 'file-started', worker: 0, path: '/usr/lib/lv2/lsp-plugins.lv2', format: 'lv2', part: {index: 0, count: 2}, at: now - 3200});
	scan.push({type: 'file-started', worker: 1, path: '/usr/lib/lv2/lsp-plugins.lv2', format: 'lv2', part: {index: 1, count: 2}, at: now - 3100});
	scan.push({type: 'progress', done: 0, total: 439, plugins: 0, pluginsPerSecond: 0, etaSeconds: undefined, counts: {}});
	const frame = await app.waitFor('(part 2/2)');
	t.regex(frame, /lsp-plugins\.lv2 \(part 1\/2\) · 3\.2 s/);
	t.regex(frame, /lsp-plugins\.lv2 \(part 2\/2\) · 3\.1 s/);
	t.true(frame.includes('estimating time left'), frame);
	t.false(frame.includes('ETA ?'));
	app.unmount();
});
