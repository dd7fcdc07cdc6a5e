import test from 'ava';
import {isRunning, progressRatio, reduceScan, startingScan} from '../../source/ui/model/scan-state.js';
import type {ScanEvent} from '../../source/scan/events.js';

const fold = (events: ScanEvent[]) => events.reduce(reduceScan, startingScan(false, 0));

test('started, file and progress events build the live view', t => {
	const view = fold([
		{type: 'started', total: 4, byFormat: {lv2: 3, clap: 1}, roots: ['/usr/lib/lv2'], unchanged: 10},
		{type: 'file-started', worker: 0, path: '/a.lv2', format: 'lv2'},
		{type: 'file-started', worker: 1, path: '/b.clap', format: 'clap'},
		{type: 'file-done', worker: 0, path: '/a.lv2', format: 'lv2', plugins: 2, status: 'ok'},
		{type: 'progress', done: 1, total: 4, plugins: 2, pluginsPerSecond: 4, etaSeconds: 3, counts: {lv2: {ok: 2}}},
	]);
	t.is(view.phase, 'running');
	t.deepEqual(view.workers, {1: {path: '/b.clap', format: 'clap'}});
	t.is(view.unchanged, 10);
	t.is(progressRatio(view), 0.25);
	t.true(isRunning(view));
});

test('failures are collected as they happen, with their reason', t => {
	const view = fold([
		{type: 'file-started', worker: 0, path: '/bad.so', format: 'ladspa'},
		{type: 'file-done', worker: 0, path: '/bad.so', format: 'ladspa', plugins: 0, status: 'crashed', error: 'signal SIGSEGV'},
	]);
	t.deepEqual(view.failures, [{path: '/bad.so', format: 'ladspa', status: 'crashed', error: 'signal SIGSEGV'}]);
	t.deepEqual(view.workers, {});
});

test('finished keeps the summary and diff and stops the workers', t => {
	const view = fold([
		{type: 'started', total: 1, byFormat: {lv2: 1}, roots: [], unchanged: 0},
		{type: 'file-started', worker: 0, path: '/a.lv2', format: 'lv2'},
		{type: 'finished', summary: {durationMs: 1200, pluginsPerSecond: 3, counts: {lv2: {ok: 1}}, diff: {new: ['/a.lv2'], changed: [], removed: [], unchanged: 0}, failures: []}},
	]);
	t.is(view.phase, 'finished');
	t.false(isRunning(view));
	t.deepEqual(view.workers, {});
	t.deepEqual(view.summary?.diff.new, ['/a.lv2']);
	t.is(progressRatio(view), 1);
});

test('warnings keep the latest fifty', t => {
	const view = fold(Array.from({length: 60}, (_, i): ScanEvent => ({type: 'warning', message: `w${i}`})));
	t.is(view.warnings.length, 50);
	t.is(view.warnings.at(-1), 'w59');
});
