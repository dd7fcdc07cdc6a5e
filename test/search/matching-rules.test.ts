/**
 * The matching rules of docs/search.md on the real Debian corpus: infix and compound words, hyphens,
 * swapped letters, field priority, the field's vocabulary and multi-word queries. The expectations
 * were written before the rules were implemented. Two halves: `tuning` cases were looked at while the
 * rules were built; `heldOut` cases were written at the same time and only run at the end (both
 * pass rates are logged and reported).
 */
import test from 'ava';
import {words} from '../../source/catalog/text.js';
import {SearchIndex, type SearchHit} from '../../source/search/index.js';
import {corpusAvailable, corpusDocuments} from '../helpers/debian-corpus.js';

/** One expectation: a description and a check over the query's collapsed hits (undefined = holds, else why not). */
type Case = {query: string; says: string; check: (hits: SearchHit[]) => string | undefined};

// VST2 names come from file names ("DragonflyHallReverb"): compare names by their words.
const same = (a: string, b: string): boolean => words(a).join(' ') === words(b).join(' ');
const rankOf = (hits: SearchHit[], name: string): number => hits.findIndex(hit => same(hit.summary.name, name));
const shown = (hits: SearchHit[]): string => hits.slice(0, 6).map(hit => hit.summary.name).join(' · ');

/** `name` is among the first `within` hits. */
const within = (query: string, name: string, count: number): Case => ({
	query,
	says: `"${query}" → ${name} in the top ${count}`,
	check: hits => (rankOf(hits, name) !== -1 && rankOf(hits, name) < count ? undefined : `got ${shown(hits)}`),
});
/** `a` ranks above `b` (both found). */
const before = (query: string, a: string, b: string): Case => ({
	query,
	says: `"${query}": ${a} before ${b}`,
	check(hits) {
		const [x, y] = [rankOf(hits, a), rankOf(hits, b)];
		return x !== -1 && y !== -1 && x < y ? undefined : `${a} at ${x}, ${b} at ${y}: ${shown(hits)}`;
	},
});
/** The first `count` hits are all in this category. */
const category = (query: string, wanted: string, count: number): Case => ({
	query,
	says: `"${query}" → the first ${count} are ${wanted}`,
	check(hits) {
		const first = hits.slice(0, count);
		return first.length === count && first.every(hit => hit.summary.category === wanted)
			? undefined : `got ${first.map(hit => `${hit.summary.name} (${hit.summary.category})`).join(' · ')}`;
	},
});
/** The first hit's name holds this word (case-insensitive, anywhere). */
const firstNameHas = (query: string, word: string): Case => ({
	query,
	says: `"${query}" → first hit's name holds "${word}"`,
	check: hits => (hits[0]?.summary.name.toLowerCase().includes(word) ? undefined : `got ${shown(hits)}`),
});

/**
 * Field tiers are ordered: a hit whose name holds the query word comes before one where only the
 * vendor or category holds it, which comes before a parameter-only hit.
 */
const tiersOrdered = (query: string): Case => ({
	query,
	says: `"${query}": name matches, then vendor/category, then parameters`,
	check(hits) {
		const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
		const tier = (hit: SearchHit): number => (squash(hit.summary.name).includes(query) ? 0
			: squash(hit.summary.vendor).includes(query) || hit.summary.category.includes(query) ? 1 : 2);
		const tiers = hits.map(hit => tier(hit));
		const broken = tiers.findIndex((value, i) => i > 0 && value < tiers[i - 1]!);
		return broken === -1 ? undefined : `${hits[broken]!.summary.name} (tier ${tiers[broken]}) after ${hits[broken - 1]!.summary.name} (tier ${tiers[broken - 1]})`;
	},
});

const tuning: Case[] = [
	// Infix: a word inside a name word matches, below a word start.
	within('synth', 'Calf Monosynth', 5),
	within('synth', 'Calf Fluidsynth', 5),
	before('synth', 'MDA SubSynth', 'Calf Monosynth'),
	within('verb', 'MVerb', 10),
	before('verb', 'ZamVerb', 'Calf Reverb'),
	// Compounds and hyphens.
	within('mono synth', 'Calf Monosynth', 1),
	within('de-esser', 'Calf Deesser', 2),
	within('de-esser', 'TAP DeEsser', 2),
	within('deesser', 'TAP DeEsser', 2),
	within('de esser', 'Calf Deesser', 2),
	// Swapped neighbouring letters.
	firstNameHas('revreb', 'reverb'),
	within('flagner', 'Calf Flanger', 5),
	// Field priority and fewer other words.
	before('compressor', 'Calf Compressor', 'LSP Sidechain Multiband Compressor Mono'),
	before('compressor', 'Compressor Mono', 'LSP Sidechain Compressor Mono'),
	tiersOrdered('compressor'),
	tiersOrdered('delay'),
	// Vocabulary.
	within('eq', 'LSP Parametric Equalizer x16 Mono', 20),
	firstNameHas('noise gate', 'gate'),
	category('dist', 'distortion', 5),
	category('echo', 'delay', 3),
	category('comp', 'dynamics', 5),
	// Multi-word.
	within('calf comp', 'Calf Compressor', 1),
	within('lsp para eq mono', 'LSP Parametric Equalizer x16 Mono', 2),
];

const heldOut: Case[] = [
	within('crush', 'MaBitcrush', 3),
	before('crush', 'Calf Crusher', 'MaBitcrush'),
	within('shifter', 'AM pitchshifter', 6),
	within('pitch shifter', 'AM pitchshifter', 5),
	within('sub synth', 'MDA SubSynth', 1),
	within('xover', 'Calf X-Over 2 Band', 3),
	within('multi-band gate', 'Calf Multiband Gate', 3),
	within('falnger', 'Calf Flanger', 5),
	firstNameHas('limtier', 'limiter'),
	within('vocdoer', 'Calf Vocoder', 3),
	tiersOrdered('limiter'),
	tiersOrdered('gate'),
	before('gate', 'Calf Gate', 'LSP Sidechain Multiband Gate Mono'),
	category('sat', 'distortion', 3),
	category('verb', 'reverb', 5),
	within('pitch shift', 'TAP Pitch Shifter', 3),
	within('amp', 'Mono Amplifier', 8),
	within('equaliser', 'Calf Equalizer 5 Band', 8),
	category('mod', 'modulation', 5),
	within('calf gate', 'Calf Gate', 1),
	firstNameHas('dragonfly verb', 'dragonfly'),
];

/**
 * Cases the implemented rules miss, kept as written and run as `test.failing` (they turn red when
 * they start to pass). Why, in docs/search.md: the LADSPA "Compressor Mono" collapses into "LSP
 * Compressor Mono"; a vocabulary name match in the right category ("TAP Stereo Echo" for `delay`)
 * ranks with name matches; word-start matches come before infix ones ("AM pitchshifter" is 7th for
 * `shifter`); "Gong model" is a name match for `mod` and ranks above category-only matches.
 */
const knownMisses = new Set([
	'"compressor": Compressor Mono before LSP Sidechain Compressor Mono',
	'"delay": name matches, then vendor/category, then parameters',
	'"shifter" → AM pitchshifter in the top 6',
	'"mod" → the first 5 are modulation',
]);

const available = corpusAvailable();
const corpus = available ? await corpusDocuments() : [];
const index = SearchIndex.build(corpus);
const failures = {tuning: 0, heldOut: 0};

for (const [half, cases] of [['tuning', tuning], ['heldOut', heldOut]] as const) {
	for (const {query, says, check} of cases) {
		(available ? (knownMisses.has(says) ? test.failing : test) : test.skip)(`${half}: ${says}`, t => {
			const problem = check(index.search(query, {limit: 40, collapse: true}).hits);
			if (problem) {
				failures[half]++;
			}

			t.is(problem, undefined);
		});
	}
}

test.after.always('pass rates of the two halves', () => {
	if (available) {
		console.error(`matching rules: tuning ${tuning.length - failures.tuning}/${tuning.length}, held out ${heldOut.length - failures.heldOut}/${heldOut.length}`);
	}
});
