import {mkdir, readdir, writeFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import type {ProbedPlugin} from '../../source/catalog/plugin.js';
import {HostClient} from '../../source/host/client.js';
import {HostProbeError} from '../../source/host/errors.js';
import {HOST_ERROR_CODES} from '../../source/host/protocol.js';
import {run, startHost, temporaryDirectory} from './host-helpers.js';

const lv2Directory = '/usr/lib/lv2';
const env = {LV2_PATH: lv2Directory};

/** Every bundle of the corpus probed once, in one host process; shared by the tests of this file. */
const corpus = (async () => {
	const host = new HostClient({env: {...process.env, ...env}});
	try {
		const bundles = (await readdir(lv2Directory)).filter(name => existsSync(path.join(lv2Directory, name, 'manifest.ttl'))).sort();
		const byBundle = new Map<string, ProbedPlugin[]>();
		for (const bundle of bundles) {
			byBundle.set(bundle, await host.probe({format: 'lv2', path: path.join(lv2Directory, bundle)}));
		}

		return byBundle;
	} finally {
		host.kill();
	}
})();

const plugins = async () => [...(await corpus).values()].flat();

test('probing every bundle separately yields exactly the lv2ls set', async t => {
	const expected = (await run('lv2ls', [], env)).split('\n').filter(Boolean).sort();
	const found = (await plugins()).map(p => p.uid).sort();
	t.deepEqual(found, expected);
	t.is(found.length, 373);
	const withPlugins = [...(await corpus).values()].filter(list => list.length > 0);
	t.is(withPlugins.length, 64);
	t.deepEqual((await corpus).get('core.lv2'), [], 'spec bundles are valid and plugin-free');
});

type InfoPort = {types: string[]; properties: string[]; symbol: string; name: string; min?: number; max?: number; default?: number; scalePoints: Array<[number, string]>};

/** Ports, class and presets of one plugin as lv2info prints them. */
async function lv2info(uri: string): Promise<{ports: InfoPort[]; presets: string[]}> {
	const output = await run('lv2info', [uri], env);
	const [head, ...blocks] = output.split(/\n\tPort \d+:\n/);
	const presets: string[] = [];
	const presetBlock = /\tPresets: \n((?:\t {9}.*\n)*)/.exec(head!);
	for (const line of presetBlock?.[1]?.split('\n') ?? []) {
		if (line.trim()) {
			presets.push(line.trim());
		}
	}

	const ports = blocks.map(block => {
		const port: InfoPort = {types: [], properties: [], symbol: '', name: '', scalePoints: []};
		let key = '';
		for (const line of block.split('\n')) {
			const point = /^\t\t\t(\S+) = "(.*)"$/.exec(line);
			const field = /^\t\t([A-Z][\w ]*):\s*(.*)$/.exec(line);
			const more = /^\t\t\s+(\S.*)$/.exec(line);
			if (point) {
				port.scalePoints.push([Number(point[1]), point[2]!]);
			} else if (field) {
				key = field[1]!;
				const value = field[2]!.trim();
				if (key === 'Type') {
					port.types.push(value);
				} else if (key === 'Properties') {
					port.properties.push(value);
				} else if (key === 'Symbol') {
					port.symbol = value;
				} else if (key === 'Name') {
					port.name = value;
				} else if (key === 'Minimum') {
					port.min = Number(value);
				} else if (key === 'Maximum') {
					port.max = Number(value);
				} else if (key === 'Default') {
					port.default = Number(value);
				}
			} else if (more && key === 'Type') {
				port.types.push(more[1]!);
			} else if (more && key === 'Properties') {
				port.properties.push(more[1]!);
			}
		}

		return port;
	});
	return {ports, presets};
}

const core = 'http://lv2plug.in/ns/lv2core#';
const sample = [
	'http://lsp-plug.in/plugins/lv2/comp_delay_mono', // enum + integer + toggles
	'urn:zamaudio:ZamDelay', // integer divisor, ms/Hz/dB units
	'urn:zamaudio:ZamComp', // side-chain input
	'http://calf.sourceforge.net/plugins/Compressor', // output meters
	'http://drobilla.net/plugins/mda/EPiano', // instrument, MIDI in, presets
	'http://gareus.org/oss/lv2/fil4#stereo', // many log-scaled ranges, enums
	'http://distrho.sf.net/plugins/Nekobi', // DPF instrument with enum waveform
];

for (const uri of sample) {
	test(`ports of ${uri} match lv2info`, async t => {
		const plugin = (await plugins()).find(p => p.uid === uri);
		t.truthy(plugin, `${uri} was probed`);
		const info = await lv2info(uri);
		const controls = info.ports.filter(p => p.types.includes(`${core}ControlPort`));
		t.deepEqual(plugin!.parameters.map(p => p.id), controls.map(p => p.symbol));
		for (const [index, parameter] of plugin!.parameters.entries()) {
			const port = controls[index]!;
			const has = (property: string) => port.properties.some(p => p.endsWith(property));
			t.is(parameter.name, port.name, parameter.id);
			t.is(parameter.isOutput, port.types.includes(`${core}OutputPort`), parameter.id);
			t.is(parameter.isAutomatable, !has('#notAutomatic') && !parameter.isOutput, `${parameter.id}: meters are never automatable`);
			for (const [ours, theirs] of [[parameter.min, port.min], [parameter.max, port.max], [parameter.default, port.default]] as const) {
				if (theirs !== undefined) {
					t.true(Math.abs(ours - theirs) < 1e-5 + (Math.abs(theirs) * 1e-6), `${parameter.id}: ${ours} ≠ ${theirs}`);
				}
			}

			const type = has('#toggled') ? 'bool' : (has('#enumeration') ? 'enum' : (has('#integer') ? 'int' : 'float'));
			t.is(parameter.type, type, parameter.id);
			if (type === 'enum') {
				const points = [...port.scalePoints].sort((a, b) => a[0] - b[0]);
				t.deepEqual(parameter.valueStrings, points.map(p => p[1]), parameter.id);
				t.is(parameter.steps, points.length);
			}
		}

		const audio = (direction: string) => info.ports.filter(p => p.types.includes(`${core}AudioPort`) && p.types.includes(`${core}${direction}Port`));
		t.is(plugin!.audioOutputs, audio('Output').length);
		t.is(plugin!.audioInputs + plugin!.auxInputs, audio('Input').length);
		t.deepEqual(plugin!.presets.map(p => p.name).sort(), [...info.presets].sort());
	});
}

test('classes, vendors, versions, units and MIDI of known plugins', async t => {
	const all = await plugins();
	const find = (uid: string) => all.find(p => p.uid === uid)!;
	const delay = find('http://lsp-plug.in/plugins/lv2/comp_delay_mono');
	t.is(delay.rawCategory, 'lv2:DelayPlugin');
	t.is(delay.vendor, 'LSP LV2');
	t.regex(delay.version, /^\d+\.\d+$/);
	const epiano = find('http://drobilla.net/plugins/mda/EPiano');
	t.true(epiano.isInstrument);
	t.is(epiano.rawCategory, 'lv2:InstrumentPlugin');
	t.is(epiano.midiInputs, 1);
	const nekobi = find('http://distrho.sf.net/plugins/Nekobi');
	t.true(nekobi.isInstrument);
	t.is(nekobi.midiInputs, 1);
	const zamDelay = find('urn:zamaudio:ZamDelay');
	t.deepEqual(zamDelay.parameters.filter(p => ['time', 'lpf', 'gain'].includes(p.id)).map(p => p.units), ['ms', 'Hz', 'dB']);
	const zamComp = find('urn:zamaudio:ZamComp');
	t.deepEqual([zamComp.audioInputs, zamComp.auxInputs, zamComp.audioOutputs], [1, 1, 1]);
	t.false(all.some(p => p.isInstrument && p.rawCategory === 'lv2:DelayPlugin'));
});

test('rawCategory is always a plugin class: lilv\'s own class, or lv2:Plugin where lilv picks doap:Project', async t => {
	const all = await plugins();
	for (const plugin of all) {
		t.regex(plugin.rawCategory, /^lv2:([A-Z][A-Za-z]*)?Plugin$/, plugin.uid);
	}

	// lilv_plugin_get_class calls this one (typed only lv2:Plugin and doap:Project) a doap:Project.
	t.is(all.find(p => p.uid === 'http://www.niallmoody.com/ndcplugs/cycleshifter.htm')?.rawCategory, 'lv2:Plugin');
	// The most specific class wins (LSP types its compressors lv2:CompressorPlugin, a lv2:DynamicsPlugin).
	t.is(all.find(p => p.uid === 'http://lsp-plug.in/plugins/lv2/compressor_stereo')?.rawCategory, 'lv2:CompressorPlugin');
	t.true(all.filter(p => p.rawCategory === 'lv2:Plugin').length < 10);
});

test('the most specific plugin class wins over doap/foaf types and its own ancestors, whatever the order', async t => {
	const host = startHost(t, env);
	for (const types of ['doap:Project, lv2:DynamicsPlugin, lv2:CompressorPlugin, foaf:Document', 'lv2:CompressorPlugin, lv2:DynamicsPlugin, doap:Project']) {
		const ttl = testPluginTtl.replace('a lv2:Plugin, lv2:ReverbPlugin', `a lv2:Plugin, ${types}`);
		const [plugin] = await host.probe({format: 'lv2', path: await writeBundle(await temporaryDirectory(), ttl)});
		t.is(plugin?.rawCategory, 'lv2:CompressorPlugin', types);
	}

	const plain = testPluginTtl.replace('a lv2:Plugin, lv2:ReverbPlugin', 'a lv2:Plugin, doap:Project, lv2:NoSuchPlugin');
	const [plugin] = await host.probe({format: 'lv2', path: await writeBundle(await temporaryDirectory(), plain)});
	t.is(plugin?.rawCategory, 'lv2:Plugin', 'no known plugin class: lv2:Plugin');
	t.is(plugin?.warnings, undefined);
});

/** A bundle of Turtle only (no binary), exercising what the corpus lacks. */
async function writeBundle(directory: string, pluginTtl: string, extra: Record<string, string> = {}): Promise<string> {
	const bundle = path.join(directory, 'test.lv2');
	await mkdir(bundle, {recursive: true});
	await writeFile(path.join(bundle, 'manifest.ttl'), `
@prefix lv2: <http://lv2plug.in/ns/lv2core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix pset: <http://lv2plug.in/ns/ext/presets#> .
<urn:pluginary:test> a lv2:Plugin ; lv2:binary <test.so> ; rdfs:seeAlso <test.ttl> .
<urn:pluginary:test#warm> a pset:Preset ; lv2:appliesTo <urn:pluginary:test> ; rdfs:seeAlso <warm.ttl> .
`);
	await writeFile(path.join(bundle, 'test.ttl'), pluginTtl);
	await writeFile(path.join(bundle, 'warm.ttl'), '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n<urn:pluginary:test#warm> rdfs:label "Warm" .\n');
	for (const [name, text] of Object.entries(extra)) {
		await writeFile(path.join(bundle, name), text);
	}

	return bundle;
}

const testPluginTtl = `
@prefix lv2: <http://lv2plug.in/ns/lv2core#> .
@prefix doap: <http://usefulinc.com/ns/doap#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix units: <http://lv2plug.in/ns/extensions/units#> .
@prefix pprops: <http://lv2plug.in/ns/ext/port-props#> .
<urn:pluginary:test> a lv2:Plugin, lv2:ReverbPlugin ;
	doap:name "Test \\u00e9 Reverb" ; doap:maintainer [ foaf:name "Pluginary" ] ;
	lv2:minorVersion 3 ; lv2:microVersion 7 ;
	lv2:port [ a lv2:AudioPort, lv2:InputPort ; lv2:index 0 ; lv2:symbol "in" ; lv2:name "In" ] ,
		[ a lv2:AudioPort, lv2:InputPort ; lv2:index 1 ; lv2:symbol "sc" ; lv2:name "Side" ; lv2:portProperty lv2:isSideChain ] ,
		[ a lv2:AudioPort, lv2:OutputPort ; lv2:index 2 ; lv2:symbol "out" ; lv2:name "Out" ] ,
		[ a lv2:ControlPort, lv2:InputPort ; lv2:index 3 ; lv2:symbol "cutoff" ; lv2:name "Cutoff" ;
			lv2:minimum 0.0001 ; lv2:maximum 0.5 ; lv2:default 0.25 ; lv2:portProperty lv2:sampleRate ; units:unit units:hz ] ,
		[ a lv2:ControlPort, lv2:InputPort ; lv2:index 4 ; lv2:symbol "mode" ; lv2:name "Mode" ;
			lv2:minimum 0 ; lv2:maximum 2 ; lv2:default 1 ; lv2:portProperty lv2:enumeration, pprops:notAutomatic ;
			lv2:scalePoint [ rdfs:label "Two" ; rdf:value 2 ] , [ rdfs:label "Zero" ; rdf:value 0 ] , [ rdfs:label "One" ; rdf:value 1 ] ] ,
		[ a lv2:ControlPort, lv2:InputPort ; lv2:index 5 ; lv2:symbol "drive" ; lv2:name "Drive" ;
			units:unit [ units:render "%f furlongs" ] ] ,
		[ a lv2:ControlPort, lv2:OutputPort ; lv2:index 6 ; lv2:symbol "level" ; lv2:name "Level" ; lv2:minimum -60 ; lv2:maximum 6 ] .
`.replace('@prefix pprops', '@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix pprops');

test('Turtle-only bundle: sample-rate scaling, side-chains, enums, custom units, presets from other files', async t => {
	const bundle = await writeBundle(await temporaryDirectory(), testPluginTtl);
	const host = startHost(t, env);
	const [plugin] = await host.probe({format: 'lv2', path: bundle});
	t.like(plugin, {
		format: 'lv2', uid: 'urn:pluginary:test', name: 'Test é Reverb', vendor: 'Pluginary', version: '3.7',
		rawCategory: 'lv2:ReverbPlugin', isInstrument: false, audioInputs: 1, auxInputs: 1, audioOutputs: 1,
	});
	const [cutoff, mode, drive, level] = plugin!.parameters;
	t.deepEqual([cutoff!.min, cutoff!.max, cutoff!.default, cutoff!.units, cutoff!.sampleRateScaled], [4.8, 24_000, 12_000, 'Hz', true]);
	t.like(mode, {type: 'enum', steps: 3, valueStrings: ['Zero', 'One', 'Two'], isAutomatable: false, default: 1});
	t.like(drive, {units: 'furlongs', min: 0, max: 1, default: 0, type: 'float'});
	t.like(level, {isOutput: true, isAutomatable: false, min: -60, max: 6, default: -60});
	t.deepEqual(plugin!.presets, [{name: 'Warm', uri: 'urn:pluginary:test#warm'}]);
	// Probing twice in one process gives the same answer (the bundle is unloaded and reloaded).
	t.deepEqual(await host.probe({format: 'lv2', path: bundle}), [plugin!]);
});

test('a bundle with broken Turtle is an error, and the host keeps serving', async t => {
	const bundle = await writeBundle(await temporaryDirectory(), '@prefix lv2: <http://lv2plug.in/ns/lv2core#> .\n<urn:pluginary:test> a lv2:Plugin ; lv2:port [ this is not turtle');
	const host = startHost(t, env);
	const error = await t.throwsAsync(host.probe({format: 'lv2', path: bundle}), {instanceOf: HostProbeError});
	t.is(error?.code, HOST_ERROR_CODES.pluginError);
	t.regex(error?.message ?? '', /urn:pluginary:test/);
	t.is((await host.probe({format: 'lv2', path: path.join(lv2Directory, 'ZamDelay.lv2')})).length, 1);
});

test('instantiate: true loads the binary; a missing binary is a load failure', async t => {
	const host = startHost(t, env);
	const [delay] = await host.probe({format: 'lv2', path: path.join(lv2Directory, 'ZamDelay.lv2'), instantiate: true});
	t.is(delay?.uid, 'urn:zamaudio:ZamDelay');
	const bundle = await writeBundle(await temporaryDirectory(), testPluginTtl);
	const error = await t.throwsAsync(host.probe({format: 'lv2', path: bundle, instantiate: true}), {instanceOf: HostProbeError});
	t.is(error?.code, HOST_ERROR_CODES.loadFailed);
});
