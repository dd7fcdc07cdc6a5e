/**
 * The core of the index is MiniSearch's ranking: over random catalogs and random queries, our
 * TermIndex (the matching step of search, before term expansion and re-ranking) gives exactly the
 * hits of MiniSearch itself, built with the same fields, boosts, tokenizer, prefix and fuzzy
 * settings and BM25+ parameters, with the same scores (to 1e-9; order of ties may differ) — also
 * after removing plugins from both.
 */
import test from 'ava';
import MiniSearch from 'minisearch';
import {CATEGORIES, FORMATS} from '../../source/catalog/plugin.js';
import {words} from '../../source/catalog/text.js';
import type {SearchDocument} from '../../source/search/document.js';
import {SearchIndex} from '../../source/search/index.js';
import {BM25, FIELD_BOOST, FIELDS, FUZZY_WEIGHT, MAX_FUZZY, PREFIX_WEIGHT} from '../../source/search/scoring.js';
import {indexTokens, queryTokens} from '../../source/search/tokenize.js';
import {prng} from '../helpers/prng.js';
import {makeDocument} from '../helpers/search-documents.js';

const pool = ['comp', 'compressor', 'reverb', 'verb', 'delay', 'echo', 'synth', 'mono', 'stereo', 'gate', 'noise', 'plate', 'hall',
	'room', 'tape', 'vintage', 'eq', 'equalizer', 'parametric', 'graphic', 'limiter', 'multiband', 'sidechain', 'de', 'esser',
	'threshold', 'ratio', 'attack', 'release', 'makeup', 'gain', 'cutoff', 'resonance', 'drive', 'mix', 'dragonfly', 'calf', 'zam',
	'pitch', 'shifter', 'x16', '3band', 'über', 'crusher', 'bit', 'flanger', 'phaser', 'chorus', 'lfo', 'rate', 'depth'];

function catalog(seed: number, size: number): SearchDocument[] {
	const random = prng(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const phrase = (count: number): string => Array.from({length: count}, () => {
		const word = pick(pool);
		const style = random();
		// camelCase compounds, hyphens and capitals, so the tokenizer's every path is used.
		return style < 0.2 ? `${word[0]!.toUpperCase()}${word.slice(1)}${pick(pool).replace(/^./, c => c.toUpperCase())}` : style < 0.3 ? `${word}-${pick(pool)}` : style < 0.5 ? word.toUpperCase() : word;
	}).join(' ');
	return Array.from({length: size}, (_, i) => makeDocument({
		id: `p${seed}-${i}`,
		name: phrase(1 + Math.floor(random() * 4)),
		vendor: random() < 0.1 ? '' : phrase(1 + Math.floor(random() * 2)),
		category: pick(CATEGORIES),
		format: pick(FORMATS),
		tags: random() < 0.7 ? [] : [phrase(1)],
		params: random() < 0.1 ? [] : [...new Set(Array.from({length: Math.floor(random() * 12)}, () => phrase(1 + Math.floor(random() * 2))))],
	}));
}

function query(random: () => number): string {
	const word = (): string => {
		const base = pool[Math.floor(random() * pool.length)]!;
		const kind = random();
		const at = Math.floor(random() * base.length);
		return kind < 0.3 ? base.slice(0, Math.max(1, at)) // a prefix
			: kind < 0.45 ? base.slice(0, at) + base.slice(at + 1) // a deleted letter
				: kind < 0.55 ? base.slice(0, at) + 'x' + base.slice(at) // an inserted letter
					: kind < 0.65 ? `${base}${pool[Math.floor(random() * pool.length)]}` : base;
	};

	return Array.from({length: 1 + Math.floor(random() * 3)}, word).join(' ');
}

/** MiniSearch configured as our index: the same fields, tokens, boosts, prefix/fuzzy rules and BM25+ parameters. */
function miniSearchOf(documents: SearchDocument[]): MiniSearch<SearchDocument> {
	const mini = new MiniSearch<SearchDocument>({
		fields: [...FIELDS],
		extractField(document, field) {
			const {summary, parameterNames} = document;
			return field === 'id' ? summary.id : field === 'params' ? parameterNames.join('\n') : field === 'tags' ? summary.tags.join(' ')
				: summary[field as 'name' | 'vendor' | 'category' | 'format'];
		},
		// Parameter names index their words; a plugin without any counts one empty token, as MiniSearch's own tokenizer gives.
		tokenize: (text, field) => (field === 'params' ? parameterTokens(text) : indexTokens(text)),
		processTerm: term => term,
		searchOptions: {
			boost: FIELD_BOOST, prefix: true, fuzzy: term => (term.length > 5 ? 0.2 : false), maxFuzzy: MAX_FUZZY,
			weights: {fuzzy: FUZZY_WEIGHT, prefix: PREFIX_WEIGHT}, bm25: BM25, tokenize: queryTokens, processTerm: term => term,
		},
	});
	mini.addAll(documents);
	return mini;
}

function parameterTokens(text: string): string[] {
	const tokens = [...new Set(text.split('\n').flatMap(name => words(name)))];
	return tokens.length === 0 ? [''] : tokens;
}

function miniSearchHits(mini: MiniSearch<SearchDocument>, text: string): Map<string, number> {
	let results = mini.search(text, {combineWith: 'AND'});
	if (results.length === 0 && queryTokens(text).length > 1) {
		results = mini.search(text, {combineWith: 'OR'});
	}

	return new Map(results.map(result => [String(result.id), result.score]));
}

function ourHits(index: SearchIndex, text: string): Map<string, number> {
	const {slots, scores} = index.terms.match(queryTokens(text), index.scratch());
	return new Map(slots.map((slot, i) => [index.entries[slot]!.document.summary.id, scores[i]!]));
}

function differences(mini: MiniSearch<SearchDocument>, index: SearchIndex, text: string): string | undefined {
	const [theirs, ours] = [miniSearchHits(mini, text), ourHits(index, text)];
	if (theirs.size !== ours.size) {
		return `"${text}": MiniSearch ${theirs.size} hits, ours ${ours.size}`;
	}

	for (const [id, score] of theirs) {
		const mine = ours.get(id);
		if (mine === undefined || Math.abs(mine - score) > 1e-9 * Math.max(1, Math.abs(score))) {
			return `"${text}": ${id} scores ${score} in MiniSearch, ${String(mine)} here`;
		}
	}

	return undefined;
}

for (const seed of [1, 2, 3]) {
	test(`catalog ${seed}: 200 random queries give MiniSearch's hits and scores, before and after removals`, t => {
		const documents = catalog(seed, 400);
		const emptyParams = documents.filter(document => document.parameterNames.flatMap(name => words(name)).length === 0);
		const mini = miniSearchOf(documents);
		const index = SearchIndex.build(documents);
		const random = prng(seed * 7919);
		const queries = Array.from({length: 200}, () => query(random));
		t.true(emptyParams.length > 0, 'some plugins have no parameter words');
		let hits = 0;
		for (const text of queries.slice(0, 150)) {
			t.is(differences(mini, index, text), undefined);
			hits += ourHits(index, text).size;
		}

		for (const document of documents.filter((_, i) => i % 5 === 0)) {
			mini.remove(document);
			index.remove(document.summary.id);
		}

		for (const text of queries.slice(150)) {
			t.is(differences(mini, index, text), undefined);
		}

		t.true(hits > 150 * 5, `the queries find something (${hits} hits)`);
	});
}
