import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {HostProbeError} from '../../source/host/errors.js';
import {HOST_ERROR_CODES} from '../../source/host/protocol.js';
import {startHost} from './host-helpers.js';

const clapDir = '/usr/lib/clap';
const corpus = existsSync(path.join(clapDir, 'ZamComp.clap')) ? test : test.skip;
const files = existsSync(clapDir) ? readdirSync(clapDir).filter(name => name.endsWith('.clap')).sort() : [];

corpus('every zam CLAP file probes to one plugin with its reverse-DNS id', async t => {
	const host = startHost(t);
	t.is(files.length, 17);
	for (const file of files) {
		 
		const plugins = await host.probe({format: 'clap', path: path.join(clapDir, file)});
		t.is(plugins.length, 1, file);
		const name = file.replace(/\.clap$/, '');
		t.like(plugins[0], {format: 'clap', uid: `com.zamaudio.${name}`, name, vendor: 'Damien Zammit', isInstrument: false});
		t.regex(plugins[0]?.rawCategory ?? '', /^audio-effect\|/);
	}
});

corpus('ZamComp: features verbatim, main and side-chain ports, no note ports', async t => {
	const host = startHost(t);
	const [plugin] = await host.probe({format: 'clap', path: path.join(clapDir, 'ZamComp.clap')});
	t.like(plugin, {
		uid: 'com.zamaudio.ZamComp',
		rawCategory: 'audio-effect|compressor|mono',
		audioInputs: 1,
		audioOutputs: 1,
		auxInputs: 1,
		midiInputs: 0,
		midiOutputs: 0,
	});
	t.deepEqual(plugin?.presets, []);
});

corpus('ZamComp parameters: plain ranges and defaults, stepped 0..1 as bool, read-only as outputs', async t => {
	const host = startHost(t);
	const [plugin] = await host.probe({format: 'clap', path: path.join(clapDir, 'ZamComp.clap')});
	const parameters = plugin?.parameters ?? [];
	t.deepEqual(parameters.map(p => [p.id, p.name, p.min, p.max, p.default]), [
		['0', 'Attack', 0.1, 100, 10],
		['1', 'Release', 1, 500, 80],
		['2', 'Knee', 0, 8, 0],
		['3', 'Ratio', 1, 20, 4],
		['4', 'Threshold', -80, 0, 0],
		['5', 'Makeup', 0, 30, 0],
		['6', 'Slew', 1, 150, 1],
		['7', 'Sidechain', 0, 1, 0],
		['8', 'Gain Reduction', 0, 20, 0],
		['9', 'Output Level', -45, 20, -45],
	]);
	t.deepEqual(parameters[0], {
		id: '0', name: 'Attack', units: '', min: 0.1, max: 100, default: 10, type: 'float', steps: 0, valueStrings: [],
		isOutput: false, isAutomatable: true,
	});
	t.like(parameters[7], {type: 'bool', steps: 2});
	t.like(parameters[9], {isOutput: true, isAutomatable: false});
});

corpus('CLAP parameter names and I/O agree with the VST3 build of every zam plugin', async t => {
	const host = startHost(t);
	for (const file of files) {
		const name = file.replace(/\.clap$/, '');
		 
		const [clap] = await host.probe({format: 'clap', path: path.join(clapDir, file)});
		const [vst3] = await host.probe({format: 'vst3', path: `/usr/lib/vst3/${name}.vst3`});
		 
		t.deepEqual(clap?.parameters.map(p => p.name), vst3?.parameters.map(p => p.name), name);
		t.deepEqual(
			[clap?.audioInputs, clap?.audioOutputs, clap?.auxInputs, clap?.midiInputs],
			[vst3?.audioInputs, vst3?.audioOutputs, vst3?.auxInputs, vst3?.midiInputs],
			name,
		);
	}
});

test('files that are not CLAP plugins say why', async t => {
	const host = startHost(t);
	const library = await t.throwsAsync(host.probe({format: 'clap', path: '/usr/lib/x86_64-linux-gnu/libm.so.6'}), {instanceOf: HostProbeError});
	t.is(library?.code, HOST_ERROR_CODES.notAPlugin);
	t.is(library?.message, 'no CLAP entry point (clap_entry)');
	const text = await t.throwsAsync(host.probe({format: 'clap', path: '/etc/passwd'}), {instanceOf: HostProbeError});
	t.is(text?.code, HOST_ERROR_CODES.notAPlugin);
	t.regex(text?.message ?? '', /is not a shared library/);
});
