import test from 'ava';
import {openStore} from '../../source/db/open.js';
import {prng} from '../helpers/prng.js';
import {addEntries, syntheticEntry} from './helpers/fill-store.js';
import {renderApp} from './helpers/render-app.js';

/** A VST3-like plugin: its display texts carry the unit already; one parameter has bare numbers. */
function entryWithTexts() {
	const entry = syntheticEntry(3, prng(7), 0);
	const base = {type: 'float' as const, steps: 0, valueStrings: [], isOutput: false, isAutomatable: true, min: 0, max: 1, default: 0.5};
	return {
		...entry, name: 'Unit Check',
		parameters: [
			{...base, id: '0', name: 'Output Gain', units: 'dB', display: {min: '-inf dB', default: '0.00 dB', max: '20.00 dB'}},
			{...base, id: '1', name: 'Cutoff', units: 'Hz', display: {min: '10.0 Hz', default: '1000 Hz', max: '20000 Hz'}},
			{...base, id: '2', name: 'Plain Mix', units: '%', min: 0, max: 100, default: 50},
		],
	};
}

test('the details pane prints a unit once: texts that carry it are left alone, bare numbers get it', async t => {
	const store = openStore(':memory:');
	addEntries(store, [entryWithTexts()]);
	const app = renderApp({store, columns: 140, rows: 30});
	const frame = await app.waitFor('Plain Mix');
	t.true(frame.includes('-inf dB..20.00 dB'), frame);
	t.false(frame.includes('20.00 dB dB'), frame);
	t.true(frame.includes('10.0 Hz..20000 Hz'), frame);
	t.false(frame.includes('Hz Hz'), frame);
	t.true(frame.includes('0..100 %'), frame);
	app.unmount();
});
