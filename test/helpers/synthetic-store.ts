import {openStore, type Store} from '../../source/db/open.js';
import {recordFileResult, type CatalogEntry} from '../../source/db/queries/ingest.js';
import type {Format, Parameter} from '../../source/catalog/plugin.js';

type EntryParameter = Omit<Parameter, 'index'>;

const parameter = (fields: Partial<EntryParameter> & Pick<EntryParameter, 'id' | 'name' | 'type'>): EntryParameter => ({
	units: '', min: 0, max: 1, default: 0, steps: 0, valueStrings: [], isOutput: false, isAutomatable: true, ...fields,
});

/** Parameters of every type: float with units, int, bool, enum, output meter. */
export const sampleParameters: EntryParameter[] = [
	parameter({id: 'threshold', name: 'Threshold', type: 'float', units: 'dB', min: -60, max: 0, default: -20}),
	parameter({id: 'ratio', name: 'Ratio', type: 'float', min: 1, max: 20, default: 4}),
	parameter({id: 'knee', name: 'Knee', type: 'int', min: 0, max: 12, default: 3, steps: 13}),
	parameter({id: 'bypass', name: 'Bypass', type: 'bool', min: 0, max: 1, default: 0, steps: 2}),
	parameter({id: 'mode', name: 'Mode', type: 'enum', min: 0, max: 2, default: 1, steps: 3, valueStrings: ['Peak', 'RMS', 'Hybrid']}),
	parameter({id: 'gr', name: 'Gain reduction', type: 'float', units: 'dB', min: 0, max: 40, default: 0, isOutput: true}),
];

/** A catalog entry with sensible defaults. */
export function entry(format: Format, uid: string, name: string, extra: Partial<CatalogEntry> = {}): CatalogEntry {
	return {
		id: `${format}:${uid}`, format, uid, name, vendor: 'Test Vendor', version: '1.0.0', path: `/plugins/${format}/${name.replace(/\W+/g, '_')}`,
		rawCategory: '', isInstrument: false, audioInputs: 2, audioOutputs: 2, auxInputs: 0, midiInputs: 0, midiOutputs: 0,
		parameters: [], presets: [], category: 'other', categorySource: 'rules', ...extra,
	};
}

/** The plugins of the synthetic catalog (ids are stable; tests refer to them). */
export const syntheticEntries: CatalogEntry[] = [
	entry('lv2', 'urn:test:comp', 'Test Comp', {parameters: sampleParameters, presets: [{name: 'Gentle', uri: 'urn:test:comp#gentle'}, {name: 'Hard'}], category: 'dynamics', categorySource: 'native', rawCategory: 'lv2:CompressorPlugin'}),
	entry('vst3', '0123456789ABCDEF0123456789ABCDEF', 'Test Verb', {
		parameters: [
			{...parameter({id: '100', name: 'Decay', type: 'float', min: 0, max: 1, default: 0.5}), display: {min: '0.1 s', max: '20 s', default: '2 s'}},
			parameter({id: '101', name: 'Shape', type: 'enum', min: 0, max: 1, default: 0, steps: 2, valueStrings: ['Hall', 'Plate']}),
		],
		category: 'reverb', categorySource: 'native', rawCategory: 'Fx|Reverb',
	}),
	entry('clap', 'org.test.synth', '=cmd|calc', {vendor: '@evil', isInstrument: true, category: 'instrument', categorySource: 'native', midiInputs: 1}),
	entry('ladspa', 'test.so/delay', 'Test "Delay"\nline', {parameters: [parameter({id: '0', name: 'Time', type: 'float', units: 's', min: 0, max: 5, default: 0.5, sampleRateScaled: true})], category: 'delay'}),
];

/** Creates a store at `file` holding the synthetic catalog (as a scan would record it). */
export function makeSyntheticStore(file: string): Store {
	const store = openStore(file);
	for (const item of syntheticEntries) {
		recordFileResult(store, {path: item.path, format: item.format, size: 100, mtimeMs: 1000, status: 'ok'}, [item], '2026-11-25T12:00:00.000Z');
	}

	return store;
}

/** Creates the synthetic catalog and closes it. */
export function writeSyntheticStore(file: string): void {
	makeSyntheticStore(file).close();
}
