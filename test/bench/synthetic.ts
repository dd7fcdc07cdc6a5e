/**
 * A synthetic plugin catalog for benchmarks and store fill-ups: realistic names, vendors,
 * formats, categories and 5–200 parameters each, reproducible from a seed.
 */
import {categorize} from '../../source/catalog/categories.js';
import {FORMATS, pluginId, type Format, type Parameter} from '../../source/catalog/plugin.js';
import type {CatalogEntry} from '../../source/db/queries/ingest.js';
import {prng} from '../helpers/prng.js';

const vendors = ['FabFilter', 'Valhalla DSP', 'Calf Studio Gear', 'LSP', 'Damien Zammit', 'Robin Gareus', 'u-he', 'Xfer Records',
	'Native Instruments', 'Waves', 'Plugin Alliance', 'Tokyo Dawn Labs', 'Airwindows', 'Melda Production', 'iZotope', 'Soundtoys',
	'Arturia', 'Spitfire Audio', 'Togu Audio Line', 'Sonnox', 'Eventide', 'Kilohearts', 'DISTRHO', 'Tom Szilagyi', 'Steve Harris'];
const kinds: Array<[string, string[]]> = [
	['Compressor', ['Threshold', 'Ratio', 'Attack', 'Release', 'Knee', 'Makeup Gain', 'Sidechain HPF', 'Lookahead', 'Mix']],
	['Limiter', ['Ceiling', 'Threshold', 'Release', 'Lookahead', 'True Peak']],
	['Gate', ['Threshold', 'Range', 'Attack', 'Hold', 'Release', 'Hysteresis']],
	['Reverb', ['Decay Time', 'Room Size', 'Predelay', 'Damping', 'Diffusion', 'Early Level', 'Late Level', 'Width', 'Mix']],
	['Delay', ['Delay Time', 'Feedback', 'Tempo Sync', 'Ping Pong', 'Low Cut', 'High Cut', 'Mix']],
	['Equalizer', ['Band Frequency', 'Band Gain', 'Band Q', 'Band Type', 'Output Gain', 'Analyzer']],
	['Filter', ['Cutoff', 'Resonance', 'Drive', 'Filter Type', 'Envelope Amount']],
	['Chorus', ['Rate', 'Depth', 'Voices', 'Spread', 'Feedback', 'Mix']],
	['Phaser', ['Rate', 'Depth', 'Stages', 'Feedback', 'Mix']],
	['Distortion', ['Drive', 'Tone', 'Bias', 'Output', 'Mix']],
	['Saturator', ['Drive', 'Character', 'Output', 'Mix']],
	['Pitch Shifter', ['Semitones', 'Cents', 'Formant', 'Mix']],
	['Stereo Imager', ['Width', 'Pan', 'Mid Gain', 'Side Gain']],
	['Spectrum Analyzer', ['FFT Size', 'Window', 'Smoothing', 'Range']],
	['Synth', ['Osc1 Wave', 'Osc2 Wave', 'Cutoff', 'Resonance', 'Env Attack', 'Env Decay', 'Env Sustain', 'Env Release', 'LFO Rate', 'Glide']],
	['Sampler', ['Sample Start', 'Loop', 'Attack', 'Release', 'Pitch', 'Velocity']],
	['Noise Generator', ['Noise Color', 'Level', 'Stereo']],
	['Vocoder', ['Bands', 'Carrier', 'Formant Shift', 'Release']],
	['De-Noiser', ['Reduction', 'Sensitivity', 'Learn']],
	['Gain', ['Gain', 'Phase Invert', 'Mono']],
	['MIDI Arpeggiator', ['Rate', 'Octaves', 'Pattern', 'Gate']],
	['Tremolo', ['Rate', 'Depth', 'Shape', 'Sync']],
];
const prefixes = ['Pro', 'Vintage', 'Studio', 'Neo', 'Ultra', 'Classic', 'Tube', 'Digital', 'Analog', 'Smooth', 'Deep', 'Bright', 'Dark',
	'Space', 'Mini', 'Multiband', 'Dynamic', 'Supreme', 'Crystal', 'Magic', 'Warm', 'Punch', 'Royal', 'Quantum', 'Retro'];
const suffixes = ['', '', ' 2', ' 3', ' X', ' MkII', ' Stereo', ' Mono', ' Lite', ' SE'];
const extras = ['Input Gain', 'Output Gain', 'Bypass', 'Oversampling', 'Dry/Wet', 'Auto Gain', 'Channel Mode', 'Quality', 'Meter Mode'];

/** `n` synthetic catalog entries (ids unique), the same for the same seed. */
export function syntheticPlugins(n: number, seed = 1): CatalogEntry[] {
	const random = prng(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	const entries: CatalogEntry[] = [];
	for (let i = 0; i < n; i++) {
		const [kind, kindParameters] = pick(kinds);
		const vendor = pick(vendors);
		const format: Format = pick(FORMATS.filter(format => format !== 'au'));
		const name = `${pick(prefixes)} ${kind}${pick(suffixes)}`;
		const count = 5 + Math.floor((random() ** 2) * 196);
		const parameters: Array<Omit<Parameter, 'index'>> = [];
		for (let p = 0; p < count; p++) {
			const base = p < kindParameters.length ? kindParameters[p] : pick([...kindParameters, ...extras]);
			parameters.push({id: String(p), name: p < kindParameters.length ? base : `${base} ${1 + Math.floor(p / 8)}`, units: '', min: 0, max: 1, default: 0.5,
				type: 'float', steps: 0, valueStrings: [], isOutput: false, isAutomatable: true});
		}

		const isInstrument = kind === 'Synth' || kind === 'Sampler';
		const uid = `${vendor.toLowerCase().replace(/\W+/g, '-')}/${name.toLowerCase().replace(/\W+/g, '-')}/${i}`;
		const {category, categorySource} = categorize({format, name, rawCategory: '', isInstrument, parameterNames: parameters.map(parameter => parameter.name)});
		entries.push({
			format, uid, id: pluginId(format, uid), name, vendor, version: `${1 + Math.floor(random() * 4)}.${Math.floor(random() * 10)}`,
			path: `/synthetic/${format}/${i}`, category, categorySource, rawCategory: '', isInstrument,
			audioInputs: isInstrument ? 0 : pick([1, 2, 2, 2]), audioOutputs: pick([1, 2, 2, 2]), auxInputs: pick([0, 0, 0, 2]),
			midiInputs: isInstrument ? 1 : 0, midiOutputs: 0, parameters, presets: [],
		});
	}

	return entries;
}
