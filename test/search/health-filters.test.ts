/* The health filters of the query language (docs/health.md): parsing, and matching through the index and passesFilters alike. */
import test from 'ava';
import {passesFilters} from '../../source/search/filters.js';
import {SearchIndex} from '../../source/search/index.js';
import {parseQuery, QueryError} from '../../source/search/query.js';
import {makeDocument} from '../helpers/search-documents.js';

const checked = (health: 'ok' | 'nan' | 'crashed' | 'timeout' | 'failed', more: {warnings?: Array<'silent' | 'denormals' | 'heavy'>; cpu?: number; latency?: number} = {}) => ({
	health, warnings: more.warnings ?? [], cpuPercent: more.cpu ?? null, latencySamples: more.latency ?? null, checkedAt: '2026-01-01T00:00:00Z',
});

const documents = [
	makeDocument({name: 'Unchecked Comp'}),
	makeDocument({name: 'Fine EQ', ...checked('ok', {cpu: 0.4, latency: 0})}),
	makeDocument({name: 'Quiet Gate', ...checked('ok', {warnings: ['silent'], cpu: 1.25})}),
	makeDocument({name: 'Heavy Reverb', ...checked('ok', {warnings: ['heavy', 'denormals'], cpu: 81.5, latency: 256})}),
	makeDocument({name: 'NaN Filter', ...checked('nan', {cpu: 2})}),
	makeDocument({name: 'Crashy Delay', ...checked('crashed')}),
	makeDocument({name: 'Hung Synth', ...checked('timeout')}),
];

const names = (query: string): string[] => {
	const index = SearchIndex.build(documents);
	const viaIndex = index.search(query, {limit: 100}).hits.map(hit => hit.summary.name).sort();
	const parsed = parseQuery(query);
	const viaFilters = documents.filter(document => passesFilters(document, parsed.filters)).map(document => document.summary.name).sort();
	if (viaIndex.join() !== viaFilters.join()) {
		throw new Error(`index and passesFilters disagree on ${query}: ${viaIndex.join()} vs ${viaFilters.join()}`);
	}

	return viaIndex;
};

test('health: takes every health value and unchecked', t => {
	t.deepEqual(names('health:nan'), ['NaN Filter']);
	t.deepEqual(names('health:crashed'), ['Crashy Delay']);
	t.deepEqual(names('health:timeout'), ['Hung Synth']);
	t.deepEqual(names('health:ok'), ['Fine EQ', 'Heavy Reverb', 'Quiet Gate']);
	t.deepEqual(names('health:unchecked'), ['Unchecked Comp']);
	t.deepEqual(names('-health:ok'), ['Crashy Delay', 'Hung Synth', 'NaN Filter', 'Unchecked Comp']);
});

test('is:broken is any health but ok (never unchecked); is:checked is any result', t => {
	t.deepEqual(names('is:broken'), ['Crashy Delay', 'Hung Synth', 'NaN Filter']);
	t.deepEqual(names('is:checked'), ['Crashy Delay', 'Fine EQ', 'Heavy Reverb', 'Hung Synth', 'NaN Filter', 'Quiet Gate']);
	t.deepEqual(names('-is:checked'), ['Unchecked Comp']);
});

test('warn: matches any of a plugin\'s warnings', t => {
	t.deepEqual(names('warn:silent'), ['Quiet Gate']);
	t.deepEqual(names('warn:heavy'), ['Heavy Reverb']);
	t.deepEqual(names('warn:denormals'), ['Heavy Reverb']);
});

test('cpu and latency compare with decimals; plugins without the figure never match', t => {
	t.deepEqual(names('cpu>50'), ['Heavy Reverb']);
	t.deepEqual(names('cpu>=1.25'), ['Heavy Reverb', 'NaN Filter', 'Quiet Gate']);
	t.deepEqual(names('cpu<1'), ['Fine EQ']);
	t.deepEqual(names('latency>0'), ['Heavy Reverb']);
	t.deepEqual(names('latency=0'), ['Fine EQ']);
	t.deepEqual(names('latency:256 reverb'), ['Heavy Reverb']);
});

test('malformed health filters are QueryErrors that name the choices', t => {
	const error = t.throws(() => parseQuery('health:broke'), {instanceOf: QueryError});
	t.regex(error.message, /unknown health 'broke'.*one of: ok, nan, crashed, timeout, failed, unchecked/);
	t.regex(t.throws(() => parseQuery('warn:loud'), {instanceOf: QueryError}).message, /unknown warning 'loud'.*silent, denormals, heavy/);
	t.regex(t.throws(() => parseQuery('cpu>lots'), {instanceOf: QueryError}).message, /'cpu' needs a number at column 5/);
	t.regex(t.throws(() => parseQuery('is:brokn'), {instanceOf: QueryError}).message, /did you mean 'broken'/);
	t.regex(t.throws(() => parseQuery('health>2'), {instanceOf: QueryError}).message, /'health' at column 1 takes ':'/);
});
