import test from 'ava';
import {readImportFile} from '../../source/catalog/import-file.js';
import {formatOfType, parameterFromDefault} from '../../source/catalog/import-pedalboard.js';
import {importFixture, sqliteFixture} from '../helpers/import-fixtures.js';

test('the 2023 plugins.json becomes imported vst3 and au entries keyed by their original identity', t => {
	const batch = readImportFile(importFixture('pedalboard-2023.json'));
	t.is(batch.kind, 'pedalboard-json');
	const byId = new Map(batch.plugins.map(plugin => [plugin.entry.id, plugin.entry]));
	t.deepEqual([...byId.keys()].sort(), ['au:aufx/AUBandpass', 'au:aumu/DLSMusicDevice', 'vst3:vst3/FabFilter Pro-Q 3', 'vst3:vst3/ValhallaSupermassive']);
	const proQ = byId.get('vst3:vst3/FabFilter Pro-Q 3')!;
	t.is(proQ.uid, 'vst3/FabFilter Pro-Q 3');
	t.is(proQ.status, 'imported');
	t.is(proQ.path, '/Library/Audio/Plug-Ins/VST3/FabFilter Pro-Q 3.vst3');
	t.is(proQ.parameters.length, 5);
	t.true(byId.get('au:aumu/DLSMusicDevice')!.isInstrument);
	t.is(byId.get('au:aufx/AUBandpass')!.rawCategory, 'aufx');
	for (const plugin of batch.plugins) {
		t.truthy(plugin.entry.category);
		t.is(plugin.userData, undefined, 'pedalboard imports leave user data alone');
	}
});

test('pedalboard defaults map to typed parameters: numbers float, booleans bool, strings a one-label enum', t => {
	t.like(parameterFromDefault('output_level_db', 'output_level_db', -6), {type: 'float', min: -6, max: 1, default: -6, units: 'dB'});
	t.like(parameterFromDefault('mix', 'Mix', 50), {type: 'float', min: 0, max: 50, default: 50, units: ''});
	t.like(parameterFromDefault('bypass', 'Bypass', true), {type: 'bool', min: 0, max: 1, default: 1, steps: 2});
	t.like(parameterFromDefault('on', 'On', 'False'), {type: 'bool', default: 0});
	t.like(parameterFromDefault('shape', 'Shape', 'Bell'), {type: 'enum', valueStrings: ['Bell'], default: 0, steps: 1});
	t.like(parameterFromDefault('gain', 'Gain', '0.5'), {type: 'float', default: 0.5});
	t.is(parameterFromDefault('weird', 'Weird', null), undefined);
	t.is(formatOfType('aufx'), 'au');
	t.is(formatOfType('VST3'), 'vst3');
	t.is(formatOfType('lv2'), undefined);
});

test('the later JSON cache with metadata and {name, value} parameters is read too', t => {
	const batch = readImportFile(importFixture('pedalboard-2025-cache.json'));
	t.is(batch.plugins.length, 1);
	const {entry} = batch.plugins[0]!;
	t.is(entry.id, 'vst3:vst3/TAL-Reverb-4');
	t.is(entry.vendor, 'TAL Software');
	t.deepEqual(entry.parameters.map(parameter => parameter.type), ['float', 'float', 'bool']);
});

test('the 2026 plugins.db is read read-only; "True"/"False" strings are booleans; bundle mates keep distinct ids', t => {
	const batch = readImportFile(sqliteFixture('pedalboard-2026.sql'));
	t.is(batch.kind, 'pedalboard-db');
	const ids = batch.plugins.map(plugin => plugin.entry.id);
	t.deepEqual(ids, ['vst3:vst3/FabFilter Pro-Q 3', 'au:aufx/Multi/Multi A', 'au:aufx/Multi/Multi B']);
	const proQ = batch.plugins[0]!.entry;
	t.is(proQ.vendor, 'FabFilter');
	t.deepEqual(proQ.parameters.map(parameter => [parameter.id, parameter.name, parameter.type]), [
		['output_level_db', 'Output Level', 'float'], ['band_1_shape', 'Band 1 Shape', 'enum'], ['bypass', 'Bypass', 'bool']]);
	t.is(batch.plugins[1]!.scannedAt, new Date(1_764_003_600_000).toISOString());
});
