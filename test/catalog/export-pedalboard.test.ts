import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {PythonNames, pedalboardFooter, pedalboardHeader, pedalboardPlugin, pyCommentText, pyString, pythonParameterName} from '../../source/catalog/pedalboard.js';
import type {PluginRecord} from '../../source/catalog/plugin.js';
import {tempDir} from '../helpers/temp.js';

const hostile = 'Evil "name"\n\u0000\u2028\\ \ud800 end';

function record(fields: Partial<PluginRecord>): PluginRecord {
	return {
		id: 'vst3:ABC', format: 'vst3', name: 'X', vendor: '', version: '', path: '/p.vst3', uid: 'ABC', category: 'other', categorySource: 'rules',
		rawCategory: '', isInstrument: false, audioInputs: 0, audioOutputs: 0, auxInputs: 0, midiInputs: 0, midiOutputs: 0, tags: [], favorite: false,
		hidden: false, status: 'ok', scannedAt: '', parameters: [], presets: [], rawVendor: '', rawName: 'X', group: '', ...fields,
	};
}

test('strings and comments stay valid Python whatever the names hold', t => {
	const names = new PythonNames();
	const plugin = record({name: hostile, vendor: hostile, path: `/x/${hostile}.vst3`, parameters: [
		{index: 0, id: '1', name: hostile, units: hostile, min: 0, max: 1, default: 0.5, type: 'float', steps: 0, valueStrings: [], isOutput: false, isAutomatable: true},
		{index: 1, id: '2', name: 'Mode', units: '', min: 0, max: 1, default: 1, type: 'enum', steps: 2, valueStrings: ['A', hostile], isOutput: false, isAutomatable: true},
	]});
	const text = pedalboardHeader({version: '1', exportedAt: 'now', count: 2, query: hostile})
		+ pedalboardPlugin(plugin, names).text + pedalboardPlugin(record({id: 'lv2:x', format: 'lv2', name: hostile}), names).text
		+ pedalboardFooter([{id: hostile, loader: 'load_evil_name_end'}]);
	const file = path.join(tempDir(), 'hostile.py');
	writeFileSync(file, text);
	t.notThrows(() => execFileSync('python3', ['-m', 'py_compile', file], {stdio: 'pipe'}));
	t.false(pyCommentText(hostile).includes('\n'));
	t.is(pyString('a"b'), '"a\\"b"');
});

test('loader names are unique identifiers; parameter names follow pedalboard', t => {
	const names = new PythonNames();
	t.is(names.loaderName('Pro-Q 3'), 'load_pro_q_3');
	t.is(names.loaderName('Pro Q 3'), 'load_pro_q_3_2');
	t.is(names.loaderName('日本'), 'load_plugin');
	t.is(pythonParameterName({status: 'ok'}, {id: '7', name: 'Attack (ms)'}), 'attack_ms');
	t.is(pythonParameterName({status: 'ok'}, {id: '7', name: '2nd Band'}), '_2nd_band');
	t.is(pythonParameterName({status: 'imported'}, {id: 'gain_db', name: 'Gain'}), 'gain_db');
});
