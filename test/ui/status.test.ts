import test from 'ava';
import {drawableRows} from '../../source/ui/hooks/use-terminal-size.js';
import {statusText} from '../../source/ui/model/filter.js';
import {unchangedText} from '../../source/ui/model/scan-report.js';
import {reduceScan, startingScan} from '../../source/ui/model/scan-state.js';
import type {ScanEvent} from '../../source/scan/events.js';

test('the status bar names the filter of the counts it shows', t => {
	t.is(statusText(12, 10_000, '', '·'), '12/10,000 plugins');
	t.is(statusText(3, 50, ' comp ', '·'), '3/50 plugins · filter: comp');
});

test('the explorer draws one row less than the terminal (Ink then updates lines instead of clearing)', t => {
	t.is(drawableRows(30), 29);
	t.is(drawableRows(1), 1);
});

const started: ScanEvent = {type: 'started', total: 2, byFormat: {lv2: 2}, roots: [], unchanged: 40};
const progress = (counts: Record<string, Record<string, number>>): ScanEvent => ({type: 'progress', done: 1, total: 2, plugins: 1, pluginsPerSecond: 1, etaSeconds: 1, counts});

test('an incremental scan says how many unchanged files it skipped, as the counts say', t => {
	const view = [started, progress({lv2: {ok: 1, unchanged: 38}, clap: {unchanged: 2}})].reduce(reduceScan, startingScan(false, 0));
	t.is(unchangedText(view), '40 unchanged files skipped');
	t.is(unchangedText(reduceScan(startingScan(false, 0), started)), '40 unchanged files skipped');
});

test('a full rescan skips nothing: it says the unchanged files are probed again', t => {
	const view = [started, progress({lv2: {ok: 1}})].reduce(reduceScan, startingScan(true, 0));
	t.is(unchangedText(view), '40 unchanged files probed again');
	t.is(unchangedText(reduceScan(startingScan(true, 0), {...started, unchanged: 0})), '');
});
