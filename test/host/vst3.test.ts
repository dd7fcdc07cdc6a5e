import {existsSync, readdirSync} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {HostProbeError} from '../../source/host/errors.js';
import {HOST_ERROR_CODES} from '../../source/host/protocol.js';
import {startHost, temporaryDirectory} from './host-helpers.js';

const vst3Dir = '/usr/lib/vst3';
const corpus = existsSync(path.join(vst3Dir, 'ZamComp.vst3')) ? test : test.skip;
const bundles = existsSync(vst3Dir) ? readdirSync(vst3Dir).filter(name => name.endsWith('.vst3')).sort() : [];

corpus('every zam VST3 bundle probes to one audio module with a 32-hex class UID', async t => {
	const host = startHost(t);
	t.is(bundles.length, 17);
	const uids = new Set<string>();
	for (const bundle of bundles) {
		 
		const plugins = await host.probe({format: 'vst3', path: path.join(vst3Dir, bundle)});
		t.is(plugins.length, 1, bundle);
		const [plugin] = plugins;
		t.is(plugin?.format, 'vst3');
		t.is(plugin?.name, bundle.replace(/\.vst3$/, ''));
		t.is(plugin?.vendor, 'Damien Zammit');
		t.is(plugin?.version, '4.1.0');
		t.regex(plugin?.uid ?? '', /^[\dA-F]{32}$/);
		t.regex(plugin?.rawCategory ?? '', /^Fx\|/);
		t.false(plugin?.isInstrument);
		uids.add(plugin?.uid ?? '');
	}

	t.is(uids.size, 17);
});

corpus('ZamComp: identity, buses with the side-chain as aux, and programs from the program-change list', async t => {
	const host = startHost(t);
	const [plugin] = await host.probe({format: 'vst3', path: path.join(vst3Dir, 'ZamComp.vst3')});
	t.like(plugin, {
		uid: '2046504473616C63504D435A00000000',
		name: 'ZamComp',
		rawCategory: 'Fx|Dynamics|Mono',
		audioInputs: 1,
		audioOutputs: 1,
		auxInputs: 1,
		midiInputs: 0,
		midiOutputs: 0,
	});
	t.deepEqual(plugin?.presets.map(preset => preset.name), ['Zero', 'PoppySnare', 'VocalLeveller']);
	// ZamComp's controller is a separate class (DPF_VST3_USES_SEPARATE_CONTROLLER): a warning would say it was not connected.
	t.deepEqual(plugin?.warnings ?? [], []);
});

corpus('ZamComp parameters: ParamIDs, normalised ranges, display texts, outputs; hidden DPF internals left out', async t => {
	const host = startHost(t);
	const [plugin] = await host.probe({format: 'vst3', path: path.join(vst3Dir, 'ZamComp.vst3')});
	const parameters = plugin?.parameters ?? [];
	t.deepEqual(parameters.map(p => `${p.id}:${p.name}`), [
		'3:Attack', '4:Release', '5:Knee', '6:Ratio', '7:Threshold', '8:Makeup', '9:Slew', '10:Sidechain', '11:Gain Reduction', '12:Output Level',
	]);
	t.deepEqual(parameters[4], {
		id: '7', name: 'Threshold', units: 'dB', min: 0, max: 1, default: 1, type: 'float', steps: 0, valueStrings: [],
		isOutput: false, isAutomatable: true, display: {min: '-80.000000 dB', max: '0.000000 dB', default: '0.000000 dB'},
	});
	t.like(parameters[7], {name: 'Sidechain', type: 'bool', steps: 2, default: 0});
	t.like(parameters[8], {name: 'Gain Reduction', isOutput: true, isAutomatable: false});
	t.false(parameters.some(p => p.name === 'Buffer Size' || p.name === 'Sample Rate' || p.name === 'Current Program'));
});

corpus('VST3 normalised defaults agree with the CLAP build of the same plugins', async t => {
	const host = startHost(t);
	for (const name of ['ZamComp', 'ZamEQ2', 'ZamDelay', 'ZaMultiCompX2']) {
		 
		const [vst3] = await host.probe({format: 'vst3', path: path.join(vst3Dir, `${name}.vst3`)});
		const [clap] = await host.probe({format: 'clap', path: `/usr/lib/clap/${name}.clap`});
		 
		const vst3Parameters = vst3?.parameters ?? [];
		t.deepEqual(vst3Parameters.map(p => p.name), clap?.parameters.map(p => p.name), name);
		for (const [index, parameter] of vst3Parameters.entries()) {
			const reference = clap?.parameters[index];
			if (!reference || reference.max === reference.min) {
				continue;
			}

			const expected = (reference.default - reference.min) / (reference.max - reference.min);
			t.true(Math.abs(parameter.default - expected) < 1e-4, `${name} ${parameter.name}: ${parameter.default} vs ${expected}`);
			t.is(parameter.isOutput, reference.isOutput, `${name} ${parameter.name}`);
		}
	}
});

test('a directory without a Linux module is not a plugin; a missing bundle is not found', async t => {
	const directory = await temporaryDirectory();
	const bundle = path.join(directory, 'Empty.vst3');
	await mkdir(path.join(bundle, 'Contents', 'x86_64-linux'), {recursive: true});
	const host = startHost(t);
	const empty = await t.throwsAsync(host.probe({format: 'vst3', path: bundle}), {instanceOf: HostProbeError});
	t.is(empty?.code, HOST_ERROR_CODES.notAPlugin);
	t.regex(empty?.message ?? '', /no Linux module/);
	const missing = await t.throwsAsync(host.probe({format: 'vst3', path: path.join(directory, 'Missing.vst3')}), {instanceOf: HostProbeError});
	t.is(missing?.code, HOST_ERROR_CODES.fileNotFound);
});

test('a shared library without GetPluginFactory is not a VST3 module', async t => {
	const host = startHost(t);
	const error = await t.throwsAsync(host.probe({format: 'vst3', path: '/usr/lib/x86_64-linux-gnu/libm.so.6'}), {instanceOf: HostProbeError});
	t.is(error?.code, HOST_ERROR_CODES.notAPlugin);
	t.is(error?.message, 'no VST3 entry point (GetPluginFactory)');
});
