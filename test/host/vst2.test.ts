import {existsSync, readdirSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import type {ProbedPlugin} from '../../source/catalog/plugin.js';
import {HostProbeError} from '../../source/host/errors.js';
import {HOST_ERROR_CODES} from '../../source/host/protocol.js';
import {run, startHost, temporaryDirectory} from './host-helpers.js';

const corpus = existsSync('/usr/lib/vst/ZamComp-vst.so') ? test : test.skip;

/** Every `.so` under the VST2 folders, recursively (LSP's live in a sub-folder, ProM in `ProM.vst/`). */
function sharedLibraries(directory: string): string[] {
	if (!existsSync(directory)) {
		return [];
	}

	return readdirSync(directory, {recursive: true, encoding: 'utf8'})
		.filter(file => file.endsWith('.so'))
		.map(file => path.join(directory, file))
		.sort();
}

corpus('the Debian VST2 corpus: 171 libraries give 170 plugins; LSP\'s core library has no entry point', async t => {
	const host = startHost(t);
	const files = [...sharedLibraries('/usr/lib/vst'), ...sharedLibraries('/usr/lib/lxvst')];
	t.is(files.length, 171);
	const plugins: ProbedPlugin[] = [];
	const failures: string[] = [];
	for (const file of files) {
		try {
			 
			plugins.push(...await host.probe({format: 'vst2', path: file}));
		} catch (error) {
			t.true(error instanceof HostProbeError);
			t.is((error as HostProbeError).code, HOST_ERROR_CODES.notAPlugin);
			t.is((error as HostProbeError).message, 'no VST2 entry point (VSTPluginMain/main)');
			failures.push(path.basename(file));
		}
	}

	t.deepEqual(failures, ['lsp-plugins-vst2-1.2.5.so']);
	t.is(plugins.length, 170);
	t.is(new Set(plugins.map(plugin => plugin.uid)).size, 170);
	t.true(plugins.every(plugin => plugin.format === 'vst2' && plugin.name !== '' && plugin.rawCategory.startsWith('kPlug')));
});

corpus('ZamComp: file-name uid, packed DPF version, category name, channels and programs', async t => {
	const host = startHost(t);
	const [plugin] = await host.probe({format: 'vst2', path: '/usr/lib/vst/ZamComp-vst.so'});
	t.like(plugin, {
		uid: 'ZamComp-vst.so',
		name: 'ZamComp',
		vendor: 'Damien Zammit',
		version: '4.1.0',
		rawCategory: 'kPlugCategEffect',
		isInstrument: false,
		audioInputs: 2, // VST2 has no buses: the side-chain is just a second input
		audioOutputs: 1,
		midiInputs: 0,
		midiOutputs: 0,
	});
	t.deepEqual(plugin?.presets.map(preset => preset.name), ['Default']);
});

corpus('ZamComp parameters: index ids, 0..1 with the plugin\'s display texts, switches as bool', async t => {
	const host = startHost(t);
	const [plugin] = await host.probe({format: 'vst2', path: '/usr/lib/vst/ZamComp-vst.so'});
	const parameters = plugin?.parameters ?? [];
	t.deepEqual(parameters.map(p => `${p.id}:${p.name}:${p.units}`), [
		'0:Attack:ms', '1:Release:ms', '2:Knee:dB', '3:Ratio:', '4:Threshold:dB', '5:Makeup:dB', '6:Slew:', '7:Sidechain:',
	]);
	t.deepEqual(parameters[4], {
		id: '4', name: 'Threshold', units: 'dB', min: 0, max: 1, default: 1, type: 'float', steps: 0, valueStrings: [],
		isOutput: false, isAutomatable: true, display: {min: '-80.000000 dB', max: '0.000000 dB', default: '0.000000 dB'},
	});
	t.like(parameters[0], {display: {min: '0.100000 ms', max: '100.000000 ms', default: '10.000000 ms'}});
	t.like(parameters[7], {name: 'Sidechain', type: 'bool', steps: 2});
});

corpus('VST2 normalised defaults agree with the CLAP build of the same plugins', async t => {
	const host = startHost(t);
	for (const name of ['ZamComp', 'ZamEQ2', 'ZamDelay', 'ZaMultiCompX2', 'ZamGEQ31']) {
		 
		const [vst2] = await host.probe({format: 'vst2', path: `/usr/lib/vst/${name}-vst.so`});
		const [clap] = await host.probe({format: 'clap', path: `/usr/lib/clap/${name}.clap`});
		 
		const inputs = clap?.parameters.filter(p => !p.isOutput) ?? [];
		t.deepEqual(vst2?.parameters.map(p => p.name), inputs.map(p => p.name), name);
		for (const [index, parameter] of (vst2?.parameters ?? []).entries()) {
			const reference = inputs[index];
			if (!reference || reference.max === reference.min) {
				continue;
			}

			const expected = (reference.default - reference.min) / (reference.max - reference.min);
			t.true(Math.abs(parameter.default - expected) < 1e-4, `${name} ${parameter.name}: ${parameter.default} vs ${expected}`);
		}
	}
});

corpus('instruments, LSP\'s long names and decimal versions, and ProM inside its .vst folder', async t => {
	const host = startHost(t);
	const [kars] = await host.probe({format: 'vst2', path: '/usr/lib/vst/Kars-vst.so'});
	t.like(kars, {rawCategory: 'kPlugCategSynth', isInstrument: true, midiInputs: 1, audioInputs: 0, audioOutputs: 1, version: '1.1.0'});
	const [compressor] = await host.probe({format: 'vst2', path: '/usr/lib/vst/lsp-plugins/compressor-mono.so'});
	t.like(compressor, {uid: 'compressor-mono.so', name: 'Compressor Mono', vendor: 'LSP VST', version: '1.0.12', rawCategory: 'kPlugCategMastering'});
	// LSP's short name is "g_in"; effGetParameterProperties gives the full one.
	t.like(compressor?.parameters[1], {id: '1', name: 'Input gain', units: 'dB', display: {min: '-inf dB', max: '60.00 dB', default: '0.00 dB'}});
	const [proM] = await host.probe({format: 'vst2', path: '/usr/lib/vst/ProM.vst/ProM.so'});
	t.like(proM, {uid: 'ProM.so', name: 'ProM', vendor: 'DISTRHO'});
});

test('a shared library without VSTPluginMain or main is not a VST2 plugin', async t => {
	const host = startHost(t);
	const error = await t.throwsAsync(host.probe({format: 'vst2', path: '/usr/lib/x86_64-linux-gnu/libm.so.6'}), {instanceOf: HostProbeError});
	t.is(error?.code, HOST_ERROR_CODES.notAPlugin);
	t.is(error?.message, 'no VST2 entry point (VSTPluginMain/main)');
	const text = await t.throwsAsync(host.probe({format: 'vst2', path: '/etc/passwd'}), {instanceOf: HostProbeError});
	t.is(text?.code, HOST_ERROR_CODES.notAPlugin);
});

/** A VST2 shell in C: as the shell it lists two sub-plugins; created with audioMasterCurrentId = one of them, it is that one. */
const shellSource = `
#include <stdlib.h>
#include <string.h>
#include <pluginterfaces/fst/fst.h>
static const int ids[] = {0x41414141, 0x42424242};
typedef struct { AEffect effect; int id; int next; } Shell;
static t_fstPtrInt dispatch(AEffect *e, int op, int index, t_fstPtrInt value, void *ptr, float opt) {
	Shell *s = (Shell *) e;
	(void) index; (void) value; (void) opt;
	switch (op) {
	case effClose: free(s); return 0;
	case effGetPlugCategory: return s->id == 0 ? kPlugCategShell : kPlugCategEffect;
	case effShellGetNextPlugin:
		if (s->next >= 2) return 0;
		strcpy((char *) ptr, s->next == 0 ? "Child A" : "Child B");
		return ids[s->next++];
	case effGetEffectName:
		strcpy((char *) ptr, s->id == 0 ? "Shell" : s->id == ids[0] ? "Child A" : "Child B");
		return 1;
	case effGetVendorString: strcpy((char *) ptr, "pluginary tests"); return 1;
	default: return 0;
	}
}
static float getParameter(AEffect *e, int i) { (void) e; (void) i; return 0.5f; }
static void setParameter(AEffect *e, int i, float v) { (void) e; (void) i; (void) v; }
AEffect *VSTPluginMain(audioMasterCallback host) {
	Shell *s = calloc(1, sizeof(Shell));
	s->id = (int) host(NULL, audioMasterCurrentId, 0, 0, NULL, 0.0f);
	s->effect.magic = kEffectMagic;
	s->effect.dispatcher = dispatch;
	s->effect.getParameter = getParameter;
	s->effect.setParameter = setParameter;
	s->effect.numInputs = 2;
	s->effect.numOutputs = 2;
	s->effect.uniqueID = s->id;
	return &s->effect;
}
`;

test('a shell plugin is re-created once per sub-plugin, with audioMasterCurrentId answering its id', async t => {
	const directory = await temporaryDirectory();
	await writeFile(path.join(directory, 'shell.c'), shellSource);
	await run('cc', ['-shared', '-fPIC', '-w', '-o', path.join(directory, 'shell.so'), path.join(directory, 'shell.c')]);
	const host = startHost(t);
	const plugins = await host.probe({format: 'vst2', path: path.join(directory, 'shell.so')});
	t.deepEqual(plugins.map(plugin => [plugin.uid, plugin.name, plugin.rawCategory]), [
		[`shell.so/${0x41_41_41_41}`, 'Child A', 'kPlugCategEffect'],
		[`shell.so/${0x42_42_42_42}`, 'Child B', 'kPlugCategEffect'],
	]);
	t.is(plugins[0]?.vendor, 'pluginary tests');
});
