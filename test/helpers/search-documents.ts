import type {PluginSummary} from '../../source/catalog/plugin.js';
import type {SearchDocument} from '../../source/search/document.js';

/** A search document with sensible defaults; `id` defaults to `<format>:<name>`. */
export function makeDocument(fields: Partial<PluginSummary> & {name: string; params?: string[]}): SearchDocument {
	const {params = [], ...rest} = fields;
	const format = rest.format ?? 'lv2';
	const summary: PluginSummary = {
		id: `${format}:${rest.name}`, format, vendor: '', version: '1.0', path: `/plugins/${rest.name}`, uid: rest.name,
		category: 'other', categorySource: 'rules', rawCategory: '', isInstrument: false, audioInputs: 2, audioOutputs: 2,
		auxInputs: 0, midiInputs: 0, midiOutputs: 0, tags: [], favorite: false, hidden: false, status: 'ok',
		scannedAt: '2026-01-01T00:00:00Z', parameterCount: params.length, rawVendor: rest.vendor ?? '', rawName: rest.name, group: '', ...rest,
	};
	return {summary, parameterNames: params};
}

/** A small catalog covering every filter of the query language. */
export function smallCatalog(): SearchDocument[] {
	return [
		makeDocument({name: 'Calf Compressor', vendor: 'Calf Studio Gear', category: 'dynamics', params: ['Threshold', 'Ratio', 'Attack', 'Release', 'Knee', 'Makeup Gain']}),
		makeDocument({name: 'ZamComp', vendor: 'Damien Zammit', format: 'vst3', category: 'dynamics', params: ['Attack', 'Release', 'Knee', 'Ratio', 'Threshold (dB)', 'Makeup'], favorite: true}),
		makeDocument({name: 'ZamComp', vendor: 'Damien Zammit', format: 'lv2', category: 'dynamics', params: ['Attack', 'Release', 'Knee', 'Ratio', 'Threshold (dB)', 'Makeup']}),
		makeDocument({name: 'ZamComp', vendor: 'Damien Zammit', format: 'ladspa', category: 'dynamics', params: ['Attack', 'Release', 'Knee', 'Ratio', 'Threshold (dB)', 'Makeup']}),
		makeDocument({name: 'LSP Delay Compensator Mono', vendor: 'LSP LV2', category: 'delay', audioInputs: 1, audioOutputs: 1, params: ['Mode', 'Samples', 'Distance', 'Time', 'Delay compensation']}),
		makeDocument({name: 'Calf Reverb', vendor: 'Calf Studio Gear', category: 'reverb', params: ['Decay time', 'Room size', 'Diffusion', 'Predelay', 'Wet Amount']}),
		makeDocument({name: 'Dragonfly Hall Reverb', vendor: 'Michael Willis', category: 'reverb', params: ['Dry Level', 'Early Level', 'Late Level', 'Size', 'Width', 'Predelay', 'Decay']}),
		makeDocument({name: 'Dragonfly Room Reverb', vendor: 'Michael Willis', format: 'vst2', category: 'reverb', params: ['Dry Level', 'Size', 'Width', 'Predelay', 'Decay'], tags: ['drums', 'favourite-room']}),
		makeDocument({name: 'Calf Monosynth', vendor: 'Calf Studio Gear', category: 'instrument', isInstrument: true, audioInputs: 0, audioOutputs: 2, midiInputs: 1, params: ['Osc1 Wave', 'Osc2 Wave', 'Cutoff', 'Resonance', 'Envelope Attack']}),
		makeDocument({name: 'TAP Stereo Echo', vendor: 'Tom Szilagyi', format: 'ladspa', category: 'delay', params: ['L Delay [ms]', 'L Feedback [%]', 'R/Haas Delay [ms]', 'Dry Level [dB]', 'Cross Mode', 'Haas Effect', 'Swap Outputs', 'Echo Level', 'Mix', 'Level', 'Gain', 'Pan', 'Width', 'Phase', 'Mode', 'Sync', 'Rate', 'Depth', 'Tone', 'Drive', 'Output Gain'], hidden: true}),
		makeDocument({name: 'x42 Digital Peak Limiter', vendor: 'Robin Gareus', category: 'dynamics', audioInputs: 1, audioOutputs: 1, params: ['Input Gain', 'Threshold', 'Release']}),
	];
}
