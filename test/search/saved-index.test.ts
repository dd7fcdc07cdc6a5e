/**
 * The CLI's saved index (docs/search.md, "CLI search") ranks exactly as the in-memory index it was
 * saved from: same hits, same order, same scores, same totals and suggestions — for the ranking
 * cases on the Debian corpus and for seeded random queries (free words, typos, phrases, negation,
 * filters, hidden plugins, collapsing, paging) over random catalogs; `similar` too.
 */
import {closeSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {CATEGORIES, FORMATS, HEALTHS} from '../../source/catalog/plugin.js';
import type {SearchDocument} from '../../source/search/document.js';
import {SearchIndex, type SearchOptions, type SearchResult} from '../../source/search/index.js';
import {SavedIndex} from '../../source/search/saved-index.js';
import {openSavedFile, savedParts, writeSavedFile} from '../../source/search/saved-parts.js';
import {corpusAvailable, corpusDocuments} from '../helpers/debian-corpus.js';
import {prng} from '../helpers/prng.js';
import {makeDocument} from '../helpers/search-documents.js';
import {tempDir} from '../helpers/temp.js';

const version = {catalog: 'test-catalog', version: 7};

/** Saves the index to a file and opens it as the CLI does (with the store's flags when given). */
function savedCopy(index: SearchIndex, flags?: Map<string, {favorite: boolean; hidden: boolean}>): SavedIndex {
	const file = path.join(tempDir(), 'catalog.db-search');
	writeSavedFile(file, savedParts(index, version));
	const opened = openSavedFile(file, version);
	if (!opened) {
		throw new Error('the saved index did not open');
	}

	return new SavedIndex(opened, flags);
}

/** What a search returns, as comparable data. */
function outcome(result: SearchResult): unknown {
	return {
		total: result.total,
		hits: result.hits.map(hit => [hit.summary.id, hit.score, hit.others?.map(other => other.id)]),
		suggestions: result.suggestions,
	};
}

function assertSameSearch(t: ExecutionContext, full: SearchIndex, saved: SavedIndex, query: string, options: SearchOptions): void {
	t.deepEqual(outcome(saved.search(query, options)), outcome(full.search(query, options)), `${query} ${JSON.stringify(options)}`);
}

const rankingQueries = ['dragonfly hall', 'dragonfy', 'zamcomp', 'comp', 'calf compressor', 'plate reverb', 'gverb', 'tap echo', 'tubewarmth',
	'autotune', 'ebu r128', 'epiano', 'monosynth', 'graphic equalizer', 'pitchshift', 'ping pong', 'deesser', 'de-esser', 'ringmod',
	'zamverb format:vst3', 'sc4', 'vinyl', 'instrument tuner', 'noise gate', 'phase scope', 'hall', 'zamgeq31', 'synth', 'verb',
	'revreb', 'mono synth', 'eq', 'dist', 'compressor', 'sat', 'pitch shift', 'delay -echo', '"output gain"', 'param:gain', 'cat:eq',
	'vendor:calf', 'is:instrument', 'params>20', 'in=0', 'reverb vendor:lsp', 'xyzzy', 'compresor', 'calf -comp'];

// Skipped where the Debian plugin corpus is not installed (nothing to rank).
(corpusAvailable() ? test : test.skip)('the Debian corpus: every ranking case gives the same page from the saved index', async t => {
	const full = SearchIndex.build(await corpusDocuments());
	const saved = savedCopy(full);
	try {
		for (const query of rankingQueries) {
			assertSameSearch(t, full, saved, query, {limit: 30});
			assertSameSearch(t, full, saved, query, {limit: 10, collapse: true});
		}
	} finally {
		saved.close();
	}
});

const pool = ['comp', 'compressor', 'reverb', 'verb', 'delay', 'echo', 'synth', 'mono', 'stereo', 'gate', 'noise', 'plate', 'hall',
	'room', 'tape', 'eq', 'equalizer', 'limiter', 'multiband', 'de', 'esser', 'threshold', 'ratio', 'attack', 'gain', 'cutoff',
	'drive', 'mix', 'dragonfly', 'calf', 'zam', 'pitch', 'shifter', 'x16', 'über', 'crusher', 'bit', 'chorus', 'rate'];

function randomCatalog(seed: number, size: number): SearchDocument[] {
	const random = prng(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const phrase = (count: number): string => Array.from({length: count}, () => {
		const word = pick(pool);
		const style = random();
		return style < 0.2 ? `${word[0]!.toUpperCase()}${word.slice(1)}${pick(pool).replace(/^./, c => c.toUpperCase())}` : style < 0.3 ? `${word}-${pick(pool)}` : word;
	}).join(' ');
	return Array.from({length: size}, (_, i) => {
		const name = phrase(1 + Math.floor(random() * 3));
		const checked = random() < 0.3;
		return makeDocument({
			id: `p${seed}-${i}`,
			name,
			vendor: random() < 0.1 ? '' : phrase(1),
			category: pick(CATEGORIES),
			format: pick(FORMATS),
			// Some plugins in several formats (a shared group), for collapsing and similar's duplicates.
			group: random() < 0.3 ? `g${Math.floor(random() * size / 4)}` : `p${seed}-${i}`,
			isInstrument: random() < 0.2,
			audioInputs: Math.floor(random() * 3),
			audioOutputs: 1 + Math.floor(random() * 2),
			tags: random() < 0.7 ? [] : [phrase(1)],
			favorite: random() < 0.1,
			hidden: random() < 0.1,
			...(checked ? {health: pick(HEALTHS), warnings: [], cpuPercent: Math.round(random() * 100) / 10, latencySamples: Math.floor(random() * 3) * 64} : {}),
			params: random() < 0.1 ? [] : [...new Set(Array.from({length: Math.floor(random() * 12)}, () => `${phrase(1)}${random() < 0.3 ? ' (dB)' : ''}`))],
		});
	});
}

function randomQuery(random: () => number): string {
	const word = (): string => {
		const base = pool[Math.floor(random() * pool.length)]!;
		const at = Math.floor(random() * base.length);
		const kind = random();
		return kind < 0.25 ? base.slice(0, Math.max(1, at))
			: kind < 0.35 ? base.slice(0, at) + base.slice(at + 1)
				: kind < 0.45 && base.length > 2 ? base.slice(0, at) + (base[at + 1] ?? '') + base[at] + base.slice(at + 2)
					: kind < 0.55 ? `${base}${pool[Math.floor(random() * pool.length)]}` : base;
	};

	const extras = ['', '', '', '-comp', '"plate reverb"', 'vendor:calf', 'tag:mono', 'param:gain', 'cat:reverb', 'format:vst3', 'is:fav',
		'is:hidden', 'is:instrument', 'params>3', 'in=0', 'health:ok', 'cpu>2', '-format:lv2'];
	const parts = Array.from({length: Math.floor(random() * 3)}, word);
	parts.push(extras[Math.floor(random() * extras.length)]!);
	return parts.join(' ').trim() || 'comp';
}

for (const seed of [11, 12, 13]) {
	test(`random catalog ${seed}: 200 random queries and 60 similar lists are the same from the saved index`, t => {
		const full = SearchIndex.build(randomCatalog(seed, 600));
		const saved = savedCopy(full);
		const random = prng(seed * 101);
		let found = 0;
		try {
			for (let i = 0; i < 200; i++) {
				const query = randomQuery(random);
				const options: SearchOptions = {limit: 1 + Math.floor(random() * 40), offset: random() < 0.2 ? 5 : 0, includeHidden: random() < 0.2, collapse: random() < 0.2};
				assertSameSearch(t, full, saved, query, options);
				found += full.search(query, options).total > 1 ? 1 : 0;
			}

			t.true(found > 100, `most random queries find several plugins (${found} of 200)`);

			const documents = full.documents();
			for (let i = 0; i < 60; i++) {
				const {id} = documents[Math.floor(random() * documents.length)]!.summary;
				t.deepEqual(saved.similar(id, 25), full.similar(id, 25), `similar ${id}`);
			}
		} finally {
			saved.close();
		}
	});
}

test('a saved index read with the store\'s flags answers as an index built with them (favourites and hidden plugins changed since it was saved)', t => {
	const documents = randomCatalog(21, 600);
	const saved = SearchIndex.build(documents);
	const random = prng(2121);
	// The store's flags now: a quarter of the plugins flipped one way or the other.
	const now = documents.map(document => random() < 0.25
		? {...document, summary: {...document.summary, favorite: random() < 0.5, hidden: random() < 0.3}}
		: document);
	const flags = new Map(now.filter(({summary}) => summary.favorite || summary.hidden).map(({summary}) => [summary.id, {favorite: summary.favorite, hidden: summary.hidden}]));
	const full = SearchIndex.build(now);
	const live = savedCopy(saved, flags);
	const unchanged = savedCopy(saved, new Map(documents.filter(({summary}) => summary.favorite || summary.hidden).map(({summary}) => [summary.id, {favorite: summary.favorite, hidden: summary.hidden}])));
	try {
		for (let i = 0; i < 200; i++) {
			const query = randomQuery(random);
			const options: SearchOptions = {limit: 1 + Math.floor(random() * 40), includeHidden: random() < 0.2, collapse: random() < 0.2};
			assertSameSearch(t, full, live, query, options);
			assertSameSearch(t, saved, unchanged, query, options);
		}

		for (const query of ['is:fav', 'is:hidden', 'comp is:fav']) {
			t.deepEqual(live.search(query, {limit: 1000}).hits.map(hit => [hit.summary.id, hit.summary.favorite, hit.summary.hidden]),
				full.search(query, {limit: 1000}).hits.map(hit => [hit.summary.id, hit.summary.favorite, hit.summary.hidden]), query);
		}
	} finally {
		live.close();
		unchanged.close();
	}
});

test('a saved index opens only at the catalog version it was saved at', t => {
	const full = SearchIndex.build(randomCatalog(5, 50));
	const file = path.join(tempDir(), 'catalog.db-search');
	writeSavedFile(file, savedParts(full, version));
	const opened = openSavedFile(file, version);
	t.truthy(opened);
	closeSync(opened!.fd);
	t.is(openSavedFile(file, {...version, version: version.version + 1}), undefined);
	t.is(openSavedFile(file, {...version, catalog: 'another database'}), undefined);
	t.is(openSavedFile(path.join(tempDir(), 'missing'), version), undefined);
});
