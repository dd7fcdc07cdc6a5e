import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {cliFails, cliPasses} from '../helpers/cli-assert.js';
import {writeSyntheticStore} from '../helpers/synthetic-store.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

function syntheticDb(): string {
	const db = tempDbPath();
	writeSyntheticStore(db);
	return db;
}

test('preset save validates and stores values by parameter id; show, list and presets report it', t => {
	const db = syntheticDb();
	const saved = cliPasses(t, db, ['preset', 'save', 'Test Comp', 'Warm', '--set', 'THRESHOLD=-30', '--set', 'Mode=hybrid', '--set', 'bypass=on', '--set', 'knee=6']);
	t.regex(saved.stdout, /saved preset 'Warm' of Test Comp \(lv2:urn:test:comp\): Threshold=-30 dB, Mode=Hybrid, Bypass=on, Knee=6/);
	const shown = JSON.parse(cliPasses(t, db, ['preset', 'show', 'lv2:urn:test:comp', 'warm', '--json']).stdout) as Record<string, unknown>;
	t.like(shown, {pluginId: 'lv2:urn:test:comp', name: 'Warm', values: {threshold: -30, mode: 2, bypass: 1, knee: 6}});
	const listed = JSON.parse(cliPasses(t, db, ['preset', 'list', '--json']).stdout) as unknown[];
	t.is(listed.length, 1);
	const presets = JSON.parse(cliPasses(t, db, ['presets', 'Test Comp', '--json']).stdout) as Array<{name: string; source: string}>;
	t.deepEqual(presets.map(preset => [preset.name, preset.source]), [['Gentle', 'factory'], ['Hard', 'factory'], ['Warm', 'user']]);
	t.regex(cliPasses(t, db, ['presets', 'Test Comp']).stdout, /Factory presets \(2\)\n {2}Gentle\n {2}Hard\nUser presets \(1\)\n {2}Warm/);
});

const invalid: Array<[string, string[], RegExp]> = [
	['an unknown parameter', ['--set', 'thresh=-3'], /The plugin has no parameter 'thresh' \(did you mean 'Threshold'\?\)/],
	['a value above the range', ['--set', 'threshold=5'], /Parameter 'Threshold' \(threshold\) takes a value from -60 to 0 dB, not 5\./],
	['a value that is not a number', ['--set', 'ratio=lots'], /Parameter 'Ratio' \(ratio\) takes a number from 1 to 20, not 'lots'\./],
	['a fraction for an int', ['--set', 'knee=2.5'], /Parameter 'Knee' \(knee\) takes a whole number from 0 to 12, not '2\.5'\./],
	['a bad bool', ['--set', 'bypass=maybe'], /Parameter 'Bypass' \(bypass\) is on\/off: give true, false, on, off, 1 or 0, not 'maybe'\./],
	['an unknown enum label', ['--set', 'mode=loud'], /Parameter 'Mode' \(mode\) takes one of 'Peak', 'RMS', 'Hybrid', not 'loud'\./],
	['an output parameter', ['--set', 'gr=3'], /Parameter 'Gain reduction' \(gr\) is an output \(a meter\)/],
	['a missing =', ['--set', 'threshold'], /--set takes PARAM=VALUE, not 'threshold'\./],
	['the same parameter twice', ['--set', 'ratio=2', '--set', 'Ratio=3'], /Parameter 'Ratio' is set twice\./],
	['no --set at all', [], /needs at least one --set PARAM=VALUE/],
];

for (const [what, flags, message] of invalid) {
	test(`preset save rejects ${what} with exit 2 and one line`, t => {
		const db = syntheticDb();
		cliFails(t, db, ['preset', 'save', 'Test Comp', 'X', ...flags], 2, message);
		t.is(cliPasses(t, db, ['preset', 'list', '--json']).stdout.trim(), '[]');
	});
}

test('preset save of an unknown plugin exits 3; a name twice needs --force', t => {
	const db = syntheticDb();
	cliFails(t, db, ['preset', 'save', 'Nope', 'X', '--set', 'a=1'], 3, /No plugin has the id or name 'Nope'/);
	cliPasses(t, db, ['preset', 'save', 'Test Comp', 'A', '--set', 'ratio=2']);
	cliFails(t, db, ['preset', 'save', 'Test Comp', 'a', '--set', 'ratio=3'], 1, /has a preset 'A' already; add --force/);
	cliPasses(t, db, ['preset', 'save', 'Test Comp', 'a', '--set', 'ratio=3', '--force']);
	const list = JSON.parse(cliPasses(t, db, ['preset', 'list', 'Test Comp', '--json']).stdout) as Array<{name: string; values: Record<string, number>}>;
	t.deepEqual(list.map(preset => [preset.name, preset.values['ratio']]), [['a', 3]]);
});

test('preset delete removes it; a missing preset is exit 3', t => {
	const db = syntheticDb();
	cliPasses(t, db, ['preset', 'save', 'Test Comp', 'A', '--set', 'ratio=2']);
	cliPasses(t, db, ['preset', 'delete', 'Test Comp', 'A']);
	cliFails(t, db, ['preset', 'delete', 'Test Comp', 'A'], 3, /has no user preset 'A'/);
	cliFails(t, db, ['preset', 'show', 'Test Comp', 'A'], 3, /has no user preset 'A'/);
	cliFails(t, db, ['preset', 'frobnicate'], 2, /Unknown preset action 'frobnicate'/);
});

test('preset export as JSON and as a pedalboard script that compiles', t => {
	const db = syntheticDb();
	cliPasses(t, db, ['preset', 'save', 'Test Verb', 'Big "room"', '--set', 'Decay=0.9', '--set', 'shape=Plate']);
	const json = JSON.parse(cliPasses(t, db, ['preset', 'export', 'Test Verb', 'Big "room"']).stdout) as Record<string, unknown>;
	t.like(json, {pluginId: 'vst3:0123456789ABCDEF0123456789ABCDEF', name: 'Big "room"', values: {100: 0.9, 101: 1}});
	const file = path.join(tempDir(), 'preset.py');
	cliPasses(t, db, ['preset', 'export', 'Test Verb', 'Big "room"', '--as', 'pedalboard', '--out', file]);
	t.notThrows(() => execFileSync('python3', ['-m', 'py_compile', file], {stdio: 'pipe'}));
	const text = readFileSync(file, 'utf8');
	t.regex(text, /plugin\.parameters\["decay"\]\.raw_value = 0\.9/);
	t.regex(text, /plugin\.parameters\["shape"\]\.raw_value = 1\.0/);
	cliPasses(t, db, ['preset', 'save', 'Test Comp', 'A', '--set', 'ratio=2']);
	cliFails(t, db, ['preset', 'export', 'Test Comp', 'A', '--as', 'pedalboard'], 2, /pedalboard loads only VST3 and Audio Unit plugins, not lv2/);
});
