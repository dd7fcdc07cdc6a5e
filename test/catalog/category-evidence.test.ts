import test from 'ava';
import {categorize, explainCategory, type CategoryInput} from '../../source/catalog/categories.js';
import {knownProduct} from '../../source/catalog/category-products.js';
import {CATEGORIES, type Category} from '../../source/catalog/plugin.js';
import {commercialPlugins, heldOutHalf, measure, tuneHalf} from '../helpers/commercial-set.js';

const effect = (name: string, parameterNames: string[] = [], extra: Partial<CategoryInput> = {}): CategoryInput =>
	({format: 'vst3', name, rawCategory: '', isInstrument: false, parameterNames, ...extra});
const categoryOf = (input: CategoryInput): Category => categorize(input).category;

test('the commercial set: ≥ 150 plugins, a fixed tune/held-out split, only category names of the contract', t => {
	t.true(commercialPlugins.length >= 150);
	t.is(tuneHalf.length + heldOutHalf.length, commercialPlugins.length);
	t.true(heldOutHalf.length >= 75);
	t.true(commercialPlugins.every(plugin => (CATEGORIES as readonly string[]).includes(plugin.expected)));
	t.is(new Set(commercialPlugins.map(plugin => plugin.name)).size, commercialPlugins.length, 'names are unique');
});

test('commercial plugins imported from a 2023 plugins.json: ≥ 90% on the held-out half, with and without the product table', t => {
	for (const products of [true, false]) {
		for (const [label, half, floor] of [['tune', tuneHalf, products ? 0.95 : 0.85], ['held-out', heldOutHalf, products ? 0.9 : 0.85]] as const) {
			const {correct, total, misses} = measure(half, {products});
			t.log(`${products ? 'rules + product table' : 'classifier alone'}, ${label} half: ${correct}/${total} = ${(100 * correct / total).toFixed(1)}%`);
			if (misses.length > 0) {
				t.log(`  ${misses.join('\n  ')}`);
			}

			t.true(correct / total >= floor, `${label} half${products ? '' : ' without the product table'} below ${floor * 100}%`);
		}
	}
});

test('a synthesizer with cutoff and resonance is an instrument: oscillators, voices and an ADSR envelope outweigh the filter', t => {
	t.is(categoryOf(effect('Nebula Poly', ['osc_1_wave', 'osc_1_semi', 'filter_cutoff', 'filter_resonance', 'env_1_attack', 'env_1_decay', 'env_1_sustain', 'env_1_release', 'voices', 'glide'])), 'instrument');
	t.is(categoryOf(effect('Groove Box', ['pad_1_volume', 'pad_1_tune', 'pad_2_volume', 'pad_2_tune', 'pad_3_volume', 'master_volume'])), 'instrument');
});

test('negations: a de-noiser is restoration, not a generator; a reverb remover is not a reverb; a de-esser and a noise gate are dynamics', t => {
	t.deepEqual(categorize(effect('Voice De-noise', ['threshold', 'reduction'])), {category: 'restoration', categorySource: 'rules'});
	t.is(categoryOf(effect('Denoiser Pro')), 'restoration');
	t.is(categoryOf(effect('Reverb Remover', ['processing', 'output_gain'])), 'restoration');
	t.is(categoryOf(effect('Room Echo Reduction')), 'restoration');
	t.is(categoryOf(effect('Dialogue DeReverb')), 'restoration');
	t.is(categoryOf(effect('Anti-Click')), 'restoration');
	t.is(categoryOf(effect('Vocal DeEsser', ['frequency', 'range'])), 'dynamics');
	t.is(categoryOf(effect('Noise Gate', ['threshold', 'attack', 'hold', 'release'])), 'dynamics');
	t.is(categoryOf(effect('Clean Up', ['reverb_reduction', 'noise_reduction'])), 'restoration');
});

test('one weak cue does not outvote the rest; vendor names never count', t => {
	t.is(categoryOf(effect('Analog Tape Delay', ['time', 'feedback', 'saturation', 'wow', 'flutter', 'mix'])), 'delay');
	t.is(categoryOf(effect('Vocal Shifter', ['pitch', 'formant', 'drive', 'mix'])), 'pitch');
	t.is(categoryOf(effect('Filter Drive Chorus', ['rate', 'depth', 'mix'])), 'modulation');
	t.is(categoryOf(effect('FabFilter Unknown', ['band_1_frequency', 'band_1_gain', 'band_1_q', 'band_1_shape'])), 'eq');
	const plain = explainCategory(effect('Glass', ['decay', 'diffusion', 'pre_delay', 'mix']));
	for (const vendor of ['Reverb Labs', 'Compressor Works', 'Delay Factory']) {
		t.deepEqual(explainCategory(effect('Glass', ['decay', 'diffusion', 'pre_delay', 'mix'], {vendor})), plain, vendor);
	}

	t.is(categoryOf(effect('Reverb Labs Glass EQ', [], {vendor: 'Reverb Labs'})), 'eq');
});

test('plain cues in parameters decide when the name says nothing', t => {
	const cases: Array<[string, string[], Category]> = [
		['Aurora', ['band_1_gain', 'band_1_q', 'band_1_shape', 'band_2_gain', 'band_2_q', 'output'], 'eq'],
		['Silver Box', ['peak_reduction', 'gain', 'emphasis'], 'dynamics'],
		['Cloud Nine', ['decay', 'diffusion', 'pre_delay', 'size', 'mix'], 'reverb'],
		['Warm Reel', ['tape_speed', 'bias', 'saturation', 'wow', 'flutter'], 'distortion'],
		['Bottle', ['drive', 'triode', 'pentode', 'output'], 'distortion'],
		['Natural', ['retune_speed', 'humanize', 'key', 'scale'], 'pitch'],
		['Broadcast', ['integrated_lufs', 'short_term', 'momentary', 'true_peak'], 'analyzer'],
		['Mirror', ['mid_gain', 'side_gain', 'side_phase', 'mono'], 'utility'],
		['Stepper', ['arp_rate', 'arp_octave', 'gate', 'swing', 'pattern'], 'midi'],
	];
	for (const [name, parameters, expected] of cases) {
		t.is(categoryOf(effect(name, parameters)), expected, name);
	}
});

test('I/O shape: MIDI in and no audio in is an instrument (or MIDI tool); audio in with MIDI out leans midi/analyzer', t => {
	t.is(categoryOf(effect('Thing', [], {io: {audioInputs: 0, audioOutputs: 2, midiInputs: 1, midiOutputs: 0}})), 'instrument');
	t.is(categoryOf(effect('Thing', [], {io: {audioInputs: 0, audioOutputs: 0, midiInputs: 1, midiOutputs: 1}})), 'midi');
	const pitchToMidi = explainCategory(effect('Thing', [], {io: {audioInputs: 1, audioOutputs: 1, midiInputs: 0, midiOutputs: 1}}));
	t.is(pitchToMidi.category, 'midi');
	t.deepEqual(pitchToMidi.scores.map(([category]) => category).slice(0, 2), ['midi', 'analyzer']);
	t.is(categoryOf(effect('Thing', [], {io: {audioInputs: 2, audioOutputs: 0, midiInputs: 0, midiOutputs: 0}})), 'analyzer');
	t.is(categoryOf(effect('Thing')), 'other', 'unknown I/O (an import) says nothing');
});

test('vague format hints weigh in: an AU music effect, VST2 RoomFx, a catch-all LV2 UtilityPlugin', t => {
	t.is(categorize({format: 'au', name: 'Thing', rawCategory: 'aumf', isInstrument: false}).category, 'other', 'a music effect alone is too vague');
	t.is(categorize({format: 'au', name: 'Thing', rawCategory: 'aumf', isInstrument: false, parameterNames: ['voices']}).category, 'instrument');
	t.is(categorize({format: 'au', name: 'Thing', rawCategory: 'aufx', isInstrument: false, parameterNames: ['voices']}).category, 'other');
	t.is(categorize({format: 'au', name: 'Thing', rawCategory: 'aumf', isInstrument: false, parameterNames: ['carrier', 'bands']}).category, 'spectral');
	t.deepEqual(categorize({format: 'vst2', name: 'Thing', rawCategory: 'kPlugCategRoomFx', isInstrument: false}), {category: 'reverb', categorySource: 'native'});
	t.deepEqual(categorize({format: 'lv2', name: 'Tape Delay', rawCategory: 'lv2:UtilityPlugin', isInstrument: false}), {category: 'delay', categorySource: 'rules'});
});

test('below the confidence floor the category is other', t => {
	const faint = explainCategory(effect('Thing', ['rate', 'mix']));
	t.is(faint.category, 'other');
	t.regex(faint.reason, /below the floor/);
});

test('the product table names what names do not say, with the reason; a record of another vendor is not matched', t => {
	const kotelnikov = explainCategory(effect('TDR Kotelnikov'));
	t.like(kotelnikov, {category: 'dynamics', categorySource: 'rules'});
	t.regex(kotelnikov.reason, /known product: Tokyo Dawn Labs/);
	t.is(categoryOf(effect('Portal')), 'spectral');
	t.is(categoryOf(effect('Sausage Fattener')), 'distortion');
	t.is(categoryOf(effect('PHA-979')), 'utility', 'the fullest spelling wins over a shorter family name');
	t.deepEqual(knownProduct('Portal', 'Output'), knownProduct('Portal'));
	t.is(knownProduct('Portal', 'Somebody Else'), undefined);
	t.is(categoryOf(effect('FabFilter Pro-Q 3', [], {vendor: 'FabFilter'})), 'eq');
	t.is(categoryOf(effect('Pro-C 2 Stereo')), 'dynamics');
});

test('the classifier is a pure function of the record: same input, same answer, and the explanation agrees', t => {
	const input = effect('Blue Echo', ['time', 'feedback', 'mix']);
	t.deepEqual(explainCategory(input), explainCategory(input));
	const explained = explainCategory(input);
	t.deepEqual(categorize(input), {category: explained.category, categorySource: explained.categorySource});
	t.true(explained.signals.every((signal, index) => index === 0 || explained.signals[index - 1]!.weight >= signal.weight), 'heaviest first');
});
