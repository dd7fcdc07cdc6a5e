import {readdir} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import type {ProbedPlugin} from '../../source/catalog/plugin.js';
import {HostClient} from '../../source/host/client.js';
import {compileLadspa, run} from './host-helpers.js';

const ladspaDirectory = '/usr/lib/ladspa';
const sampleRate = 48_000;

/** Every library of the corpus probed once, in one host process; shared by the tests of this file. */
const corpus = (async () => {
	const host = new HostClient();
	try {
		const libraries = (await readdir(ladspaDirectory)).filter(name => name.endsWith('.so')).sort();
		const byLibrary = new Map<string, ProbedPlugin[]>();
		for (const library of libraries) {
			byLibrary.set(library, await host.probe({format: 'ladspa', path: path.join(ladspaDirectory, library)}));
		}

		return byLibrary;
	} finally {
		host.kill();
	}
})();

test('every library in /usr/lib/ladspa yields exactly the listplugins set', async t => {
	const listing = await run('listplugins', [], {LADSPA_PATH: ladspaDirectory});
	const expected = new Set<string>();
	let library = '';
	for (const line of listing.split('\n')) {
		const file = /^(\/.*):$/.exec(line);
		const plugin = /^\t.* \((\d+)\/(.+)\)$/.exec(line);
		if (file) {
			library = path.basename(file[1]!);
		} else if (plugin) {
			expected.add(`${library}/${plugin[2]!}`);
		}
	}

	const found = [...(await corpus).values()].flat().map(p => p.uid);
	t.is(new Set(found).size, found.length, 'uids are unique');
	t.deepEqual(found.sort(), [...expected].sort());
	t.is(found.length, 276);
	t.is((await corpus).size, 145);
});

type AnalysedPort = {name: string; isOutput: boolean; min?: number; max?: number; default?: number; toggled: boolean; integer: boolean};

/** Parses a bound or default as analyseplugin prints it ("0.45*srate" is relative to the sample rate). */
function analysedNumber(text: string): number | undefined {
	if (text === '...') {
		return undefined;
	}

	const srate = /^(.+)\*srate$/.exec(text);
	return srate ? Number(srate[1]) * sampleRate : Number(text);
}

/** analyseplugin's control ports of every plugin of a library, by label. */
async function analyse(library: string): Promise<Map<string, AnalysedPort[]>> {
	const output = await run('analyseplugin', [path.join(ladspaDirectory, library)]);
	const plugins = new Map<string, AnalysedPort[]>();
	let ports: AnalysedPort[] = [];
	for (const line of output.split('\n')) {
		const label = /^Plugin Label: "(.*)"$/.exec(line);
		if (label) {
			ports = [];
			plugins.set(label[1]!, ports);
			continue;
		}

		const port = /^(?:Ports:)?\s*"(.*)" (input|output), control(.*)$/.exec(line);
		if (!port) {
			continue;
		}

		const parsed: AnalysedPort = {name: port[1]!.trim(), isOutput: port[2] === 'output', toggled: false, integer: false};
		for (const item of port[3]!.split(', ').map(s => s.trim()).filter(Boolean)) {
			const range = /^(\S+) to (\S+)$/.exec(item);
			const fallback = /^default (\S+)$/.exec(item);
			if (range) {
				parsed.min = analysedNumber(range[1]!);
				parsed.max = analysedNumber(range[2]!);
			} else if (fallback) {
				parsed.default = analysedNumber(fallback[1]!);
			} else if (item === 'toggled' || item.startsWith('ERROR: TOGGLED')) {
				// DPF/Zam plugins combine TOGGLED with bounds, which ladspa.h forbids; analyseplugin flags it.
				parsed.toggled = true;
			} else if (item === 'integer') {
				parsed.integer = true;
			}
		}

		ports.push(parsed);
	}

	return plugins;
}

function close(actual: number, expected: number): boolean {
	return Math.abs(actual - expected) <= Math.max(1e-4, Math.abs(expected) * 1e-5);
}

test('ranges, defaults and types of every control port match analyseplugin', async t => {
	let compared = 0;
	const mismatches: string[] = [];
	for (const [library, plugins] of await corpus) {
		const analysed = await analyse(library);
		for (const plugin of plugins) {
			const label = plugin.uid.slice(library.length + 1);
			const expected = analysed.get(label) ?? [];
			const where = `${plugin.uid}`;
			if (expected.length !== plugin.parameters.length) {
				mismatches.push(`${where}: ${plugin.parameters.length} parameters, analyseplugin ${expected.length}`);
				continue;
			}

			for (const [index, parameter] of plugin.parameters.entries()) {
				const port = expected[index]!;
				const at = `${where} #${parameter.id} ${parameter.name}`;
				const check = (ok: boolean, what: string) => {
					compared++;
					if (!ok) {
						mismatches.push(`${at}: ${what}`);
					}
				};

				check(parameter.name === port.name, `name ${parameter.name} ≠ ${port.name}`);
				check(parameter.isOutput === port.isOutput, 'direction');
				check(parameter.min <= parameter.default && parameter.default <= parameter.max, `default ${parameter.default} outside [${parameter.min}, ${parameter.max}]`);
				if (port.toggled) {
					check(parameter.type === 'bool' && parameter.steps === 2 && parameter.min === 0 && parameter.max === 1, `toggle is ${parameter.type}`);
					if (port.default !== undefined) {
						check(parameter.default === (port.default > 0 ? 1 : 0), `toggle default ${parameter.default} ≠ ${port.default}`);
					}

					continue;
				}

				check(parameter.type === (port.integer ? 'int' : 'float'), `type ${parameter.type}`);
				if (port.min !== undefined) {
					check(close(parameter.min, port.min), `min ${parameter.min} ≠ ${port.min}`);
				}

				if (port.max !== undefined) {
					check(close(parameter.max, port.max), `max ${parameter.max} ≠ ${port.max}`);
				}

				if (port.default !== undefined) {
					const expectedDefault = port.integer ? Math.round(port.default) : port.default;
					check(close(parameter.default, expectedDefault), `default ${parameter.default} ≠ ${expectedDefault}`);
				}

				if (port.integer) {
					check(parameter.steps === Math.floor(parameter.max) - Math.ceil(parameter.min) + 1, `steps ${parameter.steps}`);
				}

				check((parameter.sampleRateScaled ?? false) === (parameter.sampleRateScaled === true), 'sampleRateScaled is only present when true');
			}
		}
	}

	t.deepEqual(mismatches.slice(0, 40), []);
	t.true(compared > 20_000, `compared ${compared} facts`);
});

test('sample-rate, logarithmic and integer hints follow ladspa.h on known plugins', async t => {
	const plugins = [...(await corpus).values()].flat();
	const find = (uid: string) => plugins.find(p => p.uid === uid)!;
	// Glame Butterworth crossover: bounds 0.0001..0.45 × srate, DEFAULT_LOW on a log scale.
	const cutoff = find('butterworth_1902.so/bwxover_iir').parameters[0]!;
	t.true(cutoff.sampleRateScaled);
	t.true(close(cutoff.min, 4.8));
	t.true(close(cutoff.max, 21_600));
	t.true(close(cutoff.default, Math.exp((Math.log(4.8) * 0.75) + (Math.log(21_600) * 0.25))));
	// Glame lowpass: DEFAULT_HIGH on the same log scale; its stage count is an integer 1..10.
	const [lowpass, stages] = find('lowpass_iir_1891.so/lowpass_iir').parameters;
	t.true(close(lowpass!.default, Math.exp((Math.log(4.8) * 0.25) + (Math.log(21_600) * 0.75))));
	t.deepEqual([stages!.type, stages!.min, stages!.max, stages!.default, stages!.steps], ['int', 1, 10, 1, 10]);
	// Plain amplifier: bounded, DEFAULT_0, no scaling, so no sampleRateScaled key at all.
	const gain = find('amp_1181.so/amp').parameters[0]!;
	t.deepEqual([gain.min, gain.max, gain.default, gain.type, gain.steps], [-70, 70, 0, 'float', 0]);
	t.false('sampleRateScaled' in gain);
	// ZamDelay's divisor is an integer 1..5 with 5 steps.
	const divisor = find('ZamDelay-ladspa.so/ZamDelay').parameters.find(p => p.name === 'Divisor')!;
	t.deepEqual([divisor.type, divisor.min, divisor.max, divisor.default, divisor.steps], ['int', 1, 5, 3, 5]);
});

test('a port without a default hint defaults to its lower bound, clamped into range', async t => {
	const library = await compileLadspa({
		extra: '#define LADSPA_HINT_DEFAULT_MIDDLE 0 /* no default hint */',
	});
	const host = new HostClient();
	t.teardown(() => host.kill());
	const [plugin] = await host.probe({format: 'ladspa', path: library});
	t.deepEqual(plugin?.parameters.map(p => [p.min, p.max, p.default]), [[-10, 10, -10]]);
});
