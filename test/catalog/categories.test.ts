import {readFileSync} from 'node:fs';
import test from 'ava';
import {categorize} from '../../source/catalog/categories.js';
import {LV2_CLASSES, nativeCategory} from '../../source/catalog/category-native.js';
import {CATEGORIES, type Category, type Format} from '../../source/catalog/plugin.js';

type Labelled = {format: Format; name: string; params?: string[]; expected: Category};
const labelled = JSON.parse(readFileSync(new URL('labelled-categories.json', import.meta.url), 'utf8')) as Labelled[];

test('rules categorise the hand-labelled LADSPA and VST2 corpus with ≥ 95% accuracy', t => {
	const misses: string[] = [];
	for (const entry of labelled) {
		const result = categorize({format: entry.format, name: entry.name, rawCategory: '', isInstrument: false, parameterNames: entry.params});
		t.is(result.categorySource, 'rules');
		if (result.category !== entry.expected) {
			misses.push(`${entry.format} ${entry.name}: ${result.category}, labelled ${entry.expected}`);
		}
	}

	const accuracy = (labelled.length - misses.length) / labelled.length;
	t.log(`category rules: ${labelled.length - misses.length}/${labelled.length} = ${(accuracy * 100).toFixed(1)}% correct`);
	t.log(misses.join('\n'));
	t.true(labelled.length >= 440);
	t.true(accuracy >= 0.95);
});

test('the labelled set uses only the category names of CATEGORIES', t => {
	t.true(labelled.every(entry => (CATEGORIES as readonly string[]).includes(entry.expected)));
});

test('every lv2core class maps to a category or to "says nothing"', t => {
	t.is(Object.keys(LV2_CLASSES).length, 39, 'lv2core defines 39 plugin classes');
	for (const [name, category] of Object.entries(LV2_CLASSES)) {
		t.is(nativeCategory('lv2', `lv2:${name}`), category);
		t.is(nativeCategory('lv2', `http://lv2plug.in/ns/lv2core#${name}`), category);
	}
});

test('LV2 classes decide with categorySource native; the most specific of several wins', t => {
	t.deepEqual(categorize({format: 'lv2', name: 'LSP Delay Compensator Mono', rawCategory: 'lv2:DelayPlugin', isInstrument: false}), {category: 'delay', categorySource: 'native'});
	t.is(categorize({format: 'lv2', name: 'X', rawCategory: 'lv2:Plugin lv2:CompressorPlugin', isInstrument: false}).category, 'dynamics');
	t.is(categorize({format: 'lv2', name: 'X', rawCategory: 'lv2:ParaEQPlugin', isInstrument: false}).category, 'eq');
});

test('a generic or unknown LV2 class falls back to rules', t => {
	t.deepEqual(categorize({format: 'lv2', name: 'LV2 Convolution Mono', rawCategory: 'lv2:Plugin', isInstrument: false}), {category: 'reverb', categorySource: 'rules'});
	t.deepEqual(categorize({format: 'lv2', name: 'Cycle Shifter', rawCategory: 'lv2:Prijekt', isInstrument: false}), {category: 'other', categorySource: 'rules'});
});

test('a catch-all UtilityPlugin yields to a telling name', t => {
	t.deepEqual(categorize({format: 'lv2', name: 'LSP Noise Generator x1', rawCategory: 'lv2:UtilityPlugin', isInstrument: false}), {category: 'generator', categorySource: 'rules'});
	t.deepEqual(categorize({format: 'lv2', name: 'Calf Mono Input', rawCategory: 'lv2:UtilityPlugin', isInstrument: false}), {category: 'utility', categorySource: 'native'});
	t.deepEqual(categorize({format: 'lv2', name: 'Calf Tape Simulator', rawCategory: 'lv2:SimulatorPlugin', isInstrument: false}), {category: 'distortion', categorySource: 'native'});
});

test('VST3 subcategories', t => {
	const cases: Array<[string, Category]> = [['Fx|Dynamics', 'dynamics'], ['Instrument|Synth', 'instrument'], ['Fx|Reverb', 'reverb'], ['Fx|Delay', 'delay'],
		['Fx|EQ', 'eq'], ['Fx|Filter', 'filter'], ['Fx|Modulation', 'modulation'], ['Fx|Pitch Shift', 'pitch'], ['Fx|Analyzer', 'analyzer'],
		['Fx|Restoration', 'restoration'], ['Fx|Spatial', 'spatial'], ['Fx|Tools', 'utility'], ['Fx|Distortion', 'distortion'], ['Fx|Generator', 'generator']];
	for (const [raw, category] of cases) {
		t.deepEqual(categorize({format: 'vst3', name: 'X', rawCategory: raw, isInstrument: false}), {category, categorySource: 'native'}, raw);
	}

	t.deepEqual(categorize({format: 'vst3', name: 'ZamComp', rawCategory: 'Fx', isInstrument: false}), {category: 'dynamics', categorySource: 'rules'});
});

test('CLAP features', t => {
	t.is(nativeCategory('clap', 'audio-effect|compressor'), 'dynamics');
	t.is(nativeCategory('clap', 'audio-effect stereo reverb'), 'reverb');
	t.is(nativeCategory('clap', 'instrument|synthesizer'), 'instrument');
	t.is(nativeCategory('clap', 'note-effect'), 'midi');
	t.is(nativeCategory('clap', 'audio-effect|stereo'), undefined);
});

test('VST2 categories: Effect says nothing, RoomFx only hints (it holds delays too), the others decide', t => {
	t.is(nativeCategory('vst2', 'kPlugCategEffect'), undefined);
	t.is(nativeCategory('vst2', 'kPlugCategSynth'), 'instrument');
	t.is(nativeCategory('vst2', 'kPlugCategAnalysis'), 'analyzer');
	t.is(nativeCategory('vst2', 'kPlugCategRoomFx'), undefined);
	t.is(nativeCategory('vst2', 'kPlugCategSpacializer'), 'spatial');
	t.is(nativeCategory('vst2', 'kPlugCategRestoration'), 'restoration');
	t.is(nativeCategory('vst2', 'kPlugCategGenerator'), 'generator');
	t.deepEqual(categorize({format: 'vst2', name: 'Delay Compensator Mono', rawCategory: 'kPlugCategRoomFx', isInstrument: false}), {category: 'delay', categorySource: 'rules'});
	t.deepEqual(categorize({format: 'vst2', name: 'Mystery', rawCategory: '6', isInstrument: false}), {category: 'reverb', categorySource: 'native'});
	t.deepEqual(categorize({format: 'vst2', name: 'MaGigaverb', rawCategory: 'kPlugCategEffect', isInstrument: false}), {category: 'reverb', categorySource: 'rules'});
	t.deepEqual(categorize({format: 'vst2', name: 'Mystery', rawCategory: 'kPlugCategMastering', isInstrument: false}), {category: 'dynamics', categorySource: 'native'});
});

test('AU types', t => {
	t.is(nativeCategory('au', 'aumu'), 'instrument');
	t.is(nativeCategory('au', 'aumi:abcd:Manu'), 'midi');
	t.is(nativeCategory('au', 'augn'), 'generator');
	t.is(nativeCategory('au', 'aufc'), 'utility');
	t.is(nativeCategory('au', 'aufx'), undefined);
});

test('an instrument flag wins; nothing known gives other from rules', t => {
	t.deepEqual(categorize({format: 'ladspa', name: 'Whatever', rawCategory: '', isInstrument: true}), {category: 'instrument', categorySource: 'native'});
	t.deepEqual(categorize({format: 'ladspa', name: 'Signal sifter', rawCategory: '', isInstrument: false, parameterNames: ['Sift size']}), {category: 'other', categorySource: 'rules'});
	t.deepEqual(categorize({format: 'ladspa', name: 'SC4', rawCategory: '', isInstrument: false, parameterNames: ['Attack time (ms)', 'Threshold level (dB)', 'Ratio (1:n)']}), {category: 'dynamics', categorySource: 'rules'});
});
