/**
 * Search benchmark: index build time, memory and p50/p95 latency of 200 fixed queries over
 * synthetic catalogs of 1k, 10k and 100k plugins; for catalogs up to --store-max plugins (default
 * 10k) also "index ready" = reading the documents from a SQLite store (`loadSearchDocuments`) +
 * build, as the explorer does at start.
 * Run: node --import=tsx --expose-gc test/bench/search.ts [sizes…] [--store-max N] [--impl DIR] [--figures]
 *   --figures    print the figures as one JSON line on stdout (what `npm run bench` reads)
 *   --impl DIR   another copy of source/search (A/B comparisons on the same machine state)
 */
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import type {PluginSummary} from '../../source/catalog/plugin.js';
import {openStore} from '../../source/db/open.js';
import {insertImported} from '../../source/db/queries/ingest.js';
import type {SearchDocument} from '../../source/search/document.js';
import {syntheticPlugins} from './synthetic.js';
import {atMost, plain, type Figure} from './measure.js';

function option(name: string): string | undefined {
	const at = process.argv.indexOf(`--${name}`);
	return at === -1 ? undefined : process.argv[at + 1];
}

const implDir = path.resolve(option('impl') ?? path.join(path.dirname(new URL(import.meta.url).pathname), '../../source/search'));
const {SearchIndex} = await import(path.join(implDir, 'index.ts')) as typeof import('../../source/search/index.js');
const {loadSearchDocuments} = await import(path.join(implDir, 'catalog-source.ts')) as typeof import('../../source/search/catalog-source.js');
const storeMax = Number(option('store-max') ?? 10_000);

const baseQueries = [
	'comp', 'compressor', 'reverb', 'vintage reverb', 'pro eq', 'equalizer', 'delay', 'tape delay', 'dragonfy', 'compresor', 'revreb',
	'synth', 'analog synth', 'limiter', 'gate', 'chorus', 'phaser', 'distortion', 'saturator', 'pitch', 'imager', 'noise', 'vocoder',
	'vendor:fab', 'vendor:valhalla reverb', 'format:lv2 comp', 'cat:dynamics', 'cat:reverb vendor:lsp', 'param:thresh', 'param:cutoff synth',
	'params>20', 'params<=10 format:vst3', 'in=1', 'out>=2 cat:eq', 'is:instrument', 'is:effect reverb', '-format:vst2 comp', 'reverb -vintage',
	'"pro compressor"', 'tube', 'warm', 'crystal delay', 'quantum', 'mkii', 'lite', 'stereo', 'mono', 'x', 'de-noiser', 'arpeggiator',
];
/** The 200 fixed queries (also used by the equivalence test). */
export const benchQueries = Array.from({length: 200}, (_, i) => {
	const base = baseQueries[i % baseQueries.length];
	const variant = Math.floor(i / baseQueries.length);
	return variant === 0 ? base : variant === 1 ? `${base} ${['pro', 'studio', 'deep', 'neo'][i % 4]}` : variant === 2 && /^[a-z ]+$/.test(base) ? base.slice(0, Math.max(2, base.length - 2)) : variant === 2 ? `${base} cat:dynamics` : `${base} params>5`;
});

function toDocuments(n: number): SearchDocument[] {
	return syntheticPlugins(n, 42).map(entry => {
		const {parameters, presets: _presets, warnings: _warnings, ...rest} = entry;
		const summary: PluginSummary = {...rest, status: 'ok', tags: [], favorite: false, hidden: false, scannedAt: '2026-01-01T00:00:00Z', parameterCount: parameters.length, rawVendor: rest.vendor, rawName: rest.name, group: ''};
		return {summary, parameterNames: [...new Set(parameters.map(parameter => parameter.name))]};
	});
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const gc = (): void => (globalThis as {gc?: () => void}).gc?.();
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

/** Index ready from a store: loadSearchDocuments + build (best of 3, the store file warm). */
function storeReady(size: number): {text: string; ms: number} {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'pluginary-search-bench-'));
	try {
		const file = path.join(dir, 'catalog.db');
		const fill = openStore(file);
		insertImported(fill, syntheticPlugins(size, 42), '2026-01-01T00:00:00Z');
		fill.close();
		const store = openStore(file);
		let best = {load: Number.POSITIVE_INFINITY, build: Number.POSITIVE_INFINITY};
		for (let round = 0; round < 3; round++) {
			gc();
			const t0 = performance.now();
			const documents = loadSearchDocuments(store);
			const t1 = performance.now();
			SearchIndex.build(documents);
			const t2 = performance.now();
			if (t2 - t0 < best.load + best.build) {
				best = {load: t1 - t0, build: t2 - t1};
			}
		}

		store.close();
		return {text: ` · ready from store ${(best.load + best.build).toFixed(0)} ms (read ${best.load.toFixed(0)} + build ${best.build.toFixed(0)})`, ms: best.load + best.build};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

const sizes = process.argv.slice(2).filter((argument, i, all) => !argument.startsWith('--') && !['--impl', '--store-max'].includes(all[i - 1] ?? '')).map(Number).filter(Boolean);
const figures: Figure[] = [];
for (const size of sizes.length > 0 ? sizes : [1000, 10_000, 100_000]) {
	const documents = toDocuments(size);
	gc();
	// Heap plus ArrayBuffers (the index keeps its posting lists and columns in typed arrays).
	const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
	const start = performance.now();
	const index = SearchIndex.build(documents);
	const buildMs = performance.now() - start;
	gc();
	const memory = process.memoryUsage();
	const heapMb = mb(memory.heapUsed + memory.arrayBuffers - heapBefore);

	for (const query of benchQueries) {
		index.search(query);
	}

	const times: number[] = [];
	for (let round = 0; round < 3; round++) {
		for (const query of benchQueries) {
			const t0 = performance.now();
			index.search(query);
			times.push(performance.now() - t0);
		}
	}

	times.sort((a, b) => a - b);
	const ready = size <= storeMax ? storeReady(size) : undefined;
	const p95 = percentile(times, 0.95);
	const label = size >= 1000 ? `${size / 1000}k` : String(size);
	figures.push(plain(`search.${label}.build`, buildMs, 'ms'), plain(`search.${label}.p50`, percentile(times, 0.5), 'ms'));
	if (size === 10_000) {
		figures.push(atMost(`search.${label}.p95`, p95, 'ms', 2));
	} else if (size === 100_000) {
		figures.push(atMost(`search.${label}.p95`, p95, 'ms', 20));
	} else {
		figures.push(plain(`search.${label}.p95`, p95, 'ms'));
	}

	if (ready) {
		figures.push(size === 10_000 ? atMost(`search.${label}.ready`, ready.ms, 'ms', 300) : plain(`search.${label}.ready`, ready.ms, 'ms'));
	}

	console.error(`${String(size).padStart(6)} plugins: build ${buildMs.toFixed(0)} ms · index +${heapMb} MB heap+buffers (rss ${mb(memory.rss)} MB) · query p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${times.at(-1)!.toFixed(1)} ms${ready?.text ?? ''}`);
}

if (process.argv.includes('--figures')) {
	console.log(JSON.stringify(figures));
}
