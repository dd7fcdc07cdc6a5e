import type {Category, Format} from './plugin.js';

/**
 * Every class of lv2core's hierarchy (http://lv2plug.in/ns/lv2core#…) → category. `Plugin`
 * itself says nothing; `SimulatorPlugin` (amp/tape/room simulators) is too broad to trust.
 */
export const LV2_CLASSES: Record<string, Category | undefined> = {
	Plugin: undefined,
	SimulatorPlugin: undefined,
	InstrumentPlugin: 'instrument',
	GeneratorPlugin: 'generator', OscillatorPlugin: 'generator', ConstantPlugin: 'generator',
	UtilityPlugin: 'utility', ConverterPlugin: 'utility', MixerPlugin: 'utility', FunctionPlugin: 'utility', AmplifierPlugin: 'utility',
	AnalyserPlugin: 'analyzer',
	DelayPlugin: 'delay',
	ReverbPlugin: 'reverb',
	ModulatorPlugin: 'modulation', ChorusPlugin: 'modulation', FlangerPlugin: 'modulation', PhaserPlugin: 'modulation',
	FilterPlugin: 'filter', AllpassPlugin: 'filter', BandpassPlugin: 'filter', CombPlugin: 'filter', HighpassPlugin: 'filter', LowpassPlugin: 'filter',
	EQPlugin: 'eq', MultiEQPlugin: 'eq', ParaEQPlugin: 'eq',
	SpectralPlugin: 'spectral',
	PitchPlugin: 'pitch',
	EnvelopePlugin: 'dynamics',
	DistortionPlugin: 'distortion', WaveshaperPlugin: 'distortion',
	DynamicsPlugin: 'dynamics', CompressorPlugin: 'dynamics', ExpanderPlugin: 'dynamics', GatePlugin: 'dynamics', LimiterPlugin: 'dynamics',
	SpatialPlugin: 'spatial',
	MIDIPlugin: 'midi',
};

/** Steinberg's VST3 subcategory words (PlugType) → category; `Fx`, `Mono`, `Stereo`… say nothing. */
export const VST3_SUBCATEGORIES: Record<string, Category | undefined> = {
	instrument: 'instrument', synth: 'instrument', sampler: 'instrument', drum: 'instrument', piano: 'instrument', external: 'instrument',
	analyzer: 'analyzer', delay: 'delay', distortion: 'distortion', dynamics: 'dynamics', eq: 'eq', filter: 'filter',
	generator: 'generator', modulation: 'modulation', 'pitch shift': 'pitch', restoration: 'restoration', reverb: 'reverb',
	spatial: 'spatial', 'up-downmix': 'spatial', surround: 'spatial', ambisonics: 'spatial', tools: 'utility', network: 'utility',
};

/** CLAP feature strings → category; `audio-effect`, `mono`, `stereo`, `mixing`, `mastering`… say nothing. */
export const CLAP_FEATURES: Record<string, Category | undefined> = {
	instrument: 'instrument', synthesizer: 'instrument', sampler: 'instrument', drum: 'instrument', 'drum-machine': 'instrument',
	'note-effect': 'midi', 'note-detector': 'midi', analyzer: 'analyzer',
	filter: 'filter', equalizer: 'eq', phaser: 'modulation', flanger: 'modulation', chorus: 'modulation', tremolo: 'modulation',
	'ring-modulator': 'modulation', 'de-esser': 'dynamics', compressor: 'dynamics', expander: 'dynamics', gate: 'dynamics',
	limiter: 'dynamics', 'transient-shaper': 'dynamics', distortion: 'distortion', delay: 'delay', reverb: 'reverb',
	'pitch-shifter': 'pitch', 'frequency-shifter': 'pitch', 'pitch-correction': 'pitch', 'phase-vocoder': 'spectral',
	restoration: 'restoration', utility: 'utility', surround: 'spatial', ambisonic: 'spatial',
};

/** VST2 effGetPlugCategory values (names without `kPlugCateg`/`kPlug`, or the numbers) → category. */
export const VST2_CATEGORIES: Record<string, Category | undefined> = {
	synth: 'instrument', analysis: 'analyzer', spacializer: 'spatial', surroundfx: 'spatial',
	restoration: 'restoration', generator: 'generator',
	2: 'instrument', 3: 'analyzer', 5: 'spatial', 7: 'spatial', 8: 'restoration', 11: 'generator',
};

/** AU component types → category; `aufx`, `aumf` and `auol` (effects of any kind) say nothing. */
export const AU_TYPES: Record<string, Category | undefined> = {
	aumu: 'instrument', aumi: 'midi', aufc: 'utility', augn: 'generator', aumx: 'utility', aupn: 'spatial',
};

/**
 * The category the format's own metadata gives, or undefined when it says nothing useful (an
 * empty or generic class, an unknown value). Accepts `lv2:DelayPlugin`, full lv2core URIs and
 * several classes at once (the most specific one wins); `Fx|Dynamics`; `audio-effect|compressor`
 * (also space/comma separated); `kPlugCategRoomFx` or `6`; `aumu` or `aumu:xxxx:yyyy`.
 */
export function nativeCategory(format: Format, rawCategory: string): Category | undefined {
	const raw = rawCategory.trim();
	if (raw === '') {
		return undefined;
	}

	switch (format) {
		case 'lv2': {
			return firstKnown(lv2ClassNames(raw), LV2_CLASSES);
		}

		case 'vst3': {
			const parts = raw.toLowerCase().split('|').map(part => part.trim());
			return parts.includes('instrument') ? 'instrument' : firstKnown(parts, VST3_SUBCATEGORIES);
		}

		case 'clap': {
			const features = raw.toLowerCase().split(/[|,\s]+/);
			return features.includes('instrument') ? 'instrument' : firstKnown(features, CLAP_FEATURES);
		}

		case 'vst2': {
			return VST2_CATEGORIES[raw.replace(/^kPlug(Categ)?/i, '').toLowerCase()];
		}

		case 'au': {
			return AU_TYPES[raw.slice(0, 4).toLowerCase()];
		}

		case 'ladspa': {
			return undefined;
		}
	}
}

function lv2ClassNames(raw: string): string[] {
	const names = [...raw.matchAll(/(?:lv2:|lv2core#)([A-Za-z]+)/g)].map(match => match[1]);
	return names.length > 0 ? names : [raw.replace(/\s+/g, '')];
}

function firstKnown(keys: string[], table: Record<string, Category | undefined>): Category | undefined {
	for (const key of keys) {
		const category = Object.hasOwn(table, key) ? table[key] : undefined;
		if (category) {
			return category;
		}
	}

	return undefined;
}
