/* Health in the explorer: the broken mark on rows, health in details and the pane, the cpu/latency sorts, the check keys. */
import test from 'ava';
import {openStore, type Store} from '../../source/db/open.js';
import {healthCandidates, recordHealth, type StoredHealth} from '../../source/db/queries/health.js';
import {prng} from '../helpers/prng.js';
import {addEntries, syntheticEntry} from './helpers/fill-store.js';
import {keys, renderApp} from './helpers/render-app.js';

const checkedAt = '2026-01-02T11:00:00.000Z';

/** Four plugins: two checked ok (with figures), one crashed, one never checked. */
function healthStore(): Store {
	const store = openStore(':memory:');
	const next = prng(5);
	addEntries(store, [
		{...syntheticEntry(1, next, 2), name: 'Room Reverb', vendor: 'Dragonfly', category: 'reverb'},
		{...syntheticEntry(2, next, 2), name: 'Crashy Delay', vendor: 'TAP', category: 'delay'},
		{...syntheticEntry(3, next, 2), name: 'Gate', vendor: 'x42', category: 'dynamics'},
		{...syntheticEntry(4, next, 2), name: 'Heavy Synth', vendor: 'Surge', category: 'instrument'},
	]);
	const results: Record<string, StoredHealth> = {
		'Room Reverb': {health: 'ok', warnings: [], latencySamples: 64, cpuPercent: 3.5, checkedAt},
		'Crashy Delay': {health: 'crashed', warnings: [], latencySamples: null, cpuPercent: null, error: 'host crashed with SIGSEGV', checkedAt},
		'Heavy Synth': {health: 'ok', warnings: ['heavy'], latencySamples: 0, cpuPercent: 71.25, checkedAt},
	};
	for (const candidate of healthCandidates(store)) {
		const result = results[candidate.name];
		if (result) {
			recordHealth(store, candidate, result);
		}
	}

	return store;
}

const rowOf = (frame: string, name: string): string => frame.split('\n').find(line => line.includes(name)) ?? '';

test.serial('a broken plugin\'s row carries the broken mark; working and unchecked ones do not', async t => {
	const app = renderApp({store: healthStore()});
	const frame = await app.waitFor('4/4 plugins');
	t.regex(rowOf(frame, 'Crashy Delay'), /^.?✗ Crashy Delay/);
	for (const name of ['Room Reverb', 'Gate', 'Heavy Synth']) {
		t.notRegex(rowOf(frame, name), /✗/, name);
	}

	app.unmount();
	const ascii = renderApp({store: healthStore(), unicode: false});
	t.regex(rowOf(await ascii.waitFor('4/4 plugins'), 'Crashy Delay'), /^.?! Crashy Delay/);
	ascii.unmount();
});

/** Opens the details of the plugin the filter `query` finds first. */
async function detailsOf(query: string): Promise<{frame: string; unmount: () => void}> {
	const app = renderApp({store: healthStore()});
	await app.waitFor('4/4 plugins');
	await app.press('/', ...query, keys.enter);
	await app.waitFor('1/4 plugins');
	await app.press(keys.enter);
	return {frame: await app.waitFor(/health +\w/), unmount: app.unmount};
}

test.serial('details show health with its reason, warnings, latency and CPU; unchecked says how to check', async t => {
	const crashed = await detailsOf('crash');
	t.regex(crashed.frame, /health +crashed: host crashed with SIGSEGV {2}checked 1 h ago/);
	crashed.unmount();
	const heavy = await detailsOf('heavy');
	t.regex(heavy.frame, /health +ok · warn heavy · latency 0 smp · cpu 71\.25%/);
	heavy.unmount();
	const gate = await detailsOf('gate');
	t.regex(gate.frame, /health +unchecked {2}c checks it/);
	gate.unmount();
});

test.serial('the details pane beside the list shows health', async t => {
	const app = renderApp({store: healthStore(), columns: 140, rows: 30});
	await app.waitFor('4/4 plugins');
	await app.press('/', 'r', 'o', 'o', 'm', keys.enter);
	t.regex(await app.waitFor(/health +ok/), /health +ok · latency 64 smp · cpu 3\.5%/);
	app.unmount();
});

test.serial('the sort key cycles through CPU and latency, highest first, unchecked last', async t => {
	const app = renderApp({store: healthStore()});
	await app.waitFor('4/4 plugins');
	await app.press('s', 's', 's', 's');
	const byCpu = await app.waitFor('sort: cpu');
	const order = (frame: string): string[] => ['Room Reverb', 'Crashy Delay', 'Gate', 'Heavy Synth'].sort((a, b) => frame.indexOf(a) - frame.indexOf(b));
	t.deepEqual(order(byCpu).slice(0, 2), ['Heavy Synth', 'Room Reverb']);
	await app.press('s');
	t.deepEqual(order(await app.waitFor('sort: latency')).slice(0, 2), ['Room Reverb', 'Heavy Synth']);
	app.unmount();
});

test.serial('c checks the selected plugin with the real check engine; the result shows at once', async t => {
	const app = renderApp({store: healthStore()});
	await app.waitFor('4/4 plugins');
	await app.press('/', 'g', 'a', 't', 'e', keys.enter);
	await app.waitFor('1/4 plugins');
	await app.press('c');
	// The synthetic plugin's file does not exist: the host answers that it cannot load it, so it failed.
	await app.waitFor('checked 1/1, 1 not ok', 20_000);
	t.regex(rowOf(await app.waitFor(frame => /✗ Gate/.test(rowOf(frame, 'Gate'))), 'Gate'), /✗ Gate/);
	await app.press(keys.enter);
	t.regex(await app.waitFor(/health +failed/), /health +failed: /);
	app.unmount();
});

test.serial('the help screen lists both check keys from the key table', async t => {
	const app = renderApp({store: healthStore(), rows: 60});
	await app.waitFor('4/4 plugins');
	await app.press('?');
	const frame = await app.waitFor('Check the selected plugin');
	t.regex(frame, /c +Check the selected plugin on audio/);
	t.regex(frame, /C +Check every plugin in the filter/);
	t.regex(frame, /is:broken/);
	app.unmount();
});
