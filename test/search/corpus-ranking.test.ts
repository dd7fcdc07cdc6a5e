import test, {type ExecutionContext} from 'ava';
import {words} from '../../source/catalog/text.js';
import {SearchIndex} from '../../source/search/index.js';
import {corpusAvailable, corpusDocuments} from '../helpers/debian-corpus.js';

/** A ranking case from the Debian corpus: the query and the plugin name that must rank first or in the top 3. */
type Case = {query: string; name: string; within: 1 | 3};

const first = (query: string, name: string): Case => ({query, name, within: 1});
const top3 = (query: string, name: string): Case => ({query, name, within: 3});

const cases: Case[] = [
	first('dragonfly hall', 'Dragonfly Hall Reverb'),
	top3('dragonfy', 'Dragonfly Hall Reverb'),
	first('dragonfly room', 'Dragonfly Room Reverb'),
	first('zamcomp', 'ZamComp'),
	top3('comp', 'ZamComp'),
	first('calf compressor', 'Calf Compressor'),
	top3('plate reverb', 'Dragonfly Plate Reverb'),
	first('gverb', 'GVerb'),
	first('tap echo', 'TAP Stereo Echo'),
	first('tubewarmth', 'TAP TubeWarmth'),
	first('calf vocoder', 'Calf Vocoder'),
	top3('autotune', 'x42-Autotune'),
	first('ebu r128', 'EBU R128 Meter'),
	first('mda piano', 'MDA Piano'),
	first('epiano', 'MDA ePiano'),
	first('nekobi', 'Nekobi'),
	first('monosynth', 'Calf Monosynth'),
	first('fluidsynth', 'Calf Fluidsynth'),
	top3('graphic equalizer', 'LSP Graphic Equalizer x16 Mono'),
	first('pitchshift', 'MaPitchshift'),
	first('bitcrush', 'MaBitcrush'),
	first('freeverb', 'MaFreeverb'),
	first('mverb', 'MVerb'),
	first('ping pong', 'Ping Pong Pan'),
	top3('rotary', 'TAP Rotary Speaker'),
	top3('deesser', 'TAP DeEsser'),
	first('fast lookahead', 'Fast Lookahead limiter'),
	top3('ringmod', 'Ringmod with LFO'),
	top3('calf multiband compressor', 'Calf Multiband Compressor'),
	top3('slapback', 'LSP Slapback Delay Mono'),
	first('zamverb format:vst3', 'ZamVerb'),
	first('sc4', 'SC4'),
	first('glame lowpass', 'Glame Lowpass Filter'),
	top3('vinyl', 'Calf Vinyl'),
	first('instrument tuner', 'x42 Instrument Tuner'),
	first('zam gate', 'ZamGate'),
	first('phase scope', 'Stereo Phase Scope'),
	top3('noise generator', 'LSP Noise Generator x1'),
	top3('transient', 'Calf Transient Designer'),
	first('calf reverb', 'Calf Reverb'),
	top3('hall', 'Dragonfly Hall Reverb'),
	first('zamgeq31', 'ZamGEQ31'),
	// Seen before the change that fixed it (a word typed whole, an infix term covering a name's other words): ZaMultiComp came first.
	first('comp vendor:zam', 'ZamComp'),
];

const corpus = corpusAvailable() ? await corpusDocuments() : [];
const index = SearchIndex.build(corpus);

/** Without the Debian corpus these tests are registered as skipped, saying so. */
const corpusTest = (title: string, run: (t: ExecutionContext) => void): void => {
	if (corpus.length > 0) {
		test(title, run);
	} else {
		test.skip(`${title} (skipped: the Debian plugin corpus is not installed here)`, run);
	}
};

for (const {query, name, within} of cases) {
	corpusTest(`"${query}" → ${name} ${within === 1 ? 'first' : 'in the top 3'}`, t => {
		// VST2 names come from file names until the scanner lands ("DragonflyHallReverb"): compare words.
		const same = (a: string): string => words(a).join(' ');
		const hits = index.search(query, {limit: 10, collapse: true}).hits.map(hit => hit.summary.name);
		t.true(hits.slice(0, within).some(hit => same(hit) === same(name)), `got ${hits.slice(0, 5).join(' · ')}`);
	});
}

corpusTest('the corpus reader finds the Debian corpus (373 LV2, 276 LADSPA)', t => {
	t.is(corpus.filter(document => document.summary.format === 'lv2').length, 373);
	t.is(corpus.filter(document => document.summary.format === 'ladspa').length, 276);
	t.log(`${cases.length} ranking cases over ${corpus.length} plugins`);
});
