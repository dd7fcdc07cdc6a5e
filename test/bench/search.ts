/**
 * Search benchmark: index build/load time, memory and p50/p95 latency of 200 fixed queries over
 * synthetic catalogs of 1k, 10k and 100k plugins.
 * Run: node --import=tsx --expose-gc test/bench/search.ts [sizes…]
 */
import {performance} from 'node:perf_hooks';
import type {PluginSummary} from '../../source/catalog/plugin.js';
import type {SearchDocument} from '../../source/search/document.js';
import {SearchIndex} from '../../source/search/index.js';
import {syntheticPlugins} from './synthetic.js';

const baseQueries = [
	'comp', 'compressor', 'reverb', 'vintage reverb', 'pro eq', 'equalizer', 'delay', 'tape delay', 'dragonfy', 'compresor', 'revreb',
	'synth', 'analog synth', 'limiter', 'gate', 'chorus', 'phaser', 'distortion', 'saturator', 'pitch', 'imager', 'noise', 'vocoder',
	'vendor:fab', 'vendor:valhalla reverb', 'format:lv2 comp', 'cat:dynamics', 'cat:reverb vendor:lsp', 'param:thresh', 'param:cutoff synth',
	'params>20', 'params<=10 format:vst3', 'in=1', 'out>=2 cat:eq', 'is:instrument', 'is:effect reverb', '-format:vst2 comp', 'reverb -vintage',
	'"pro compressor"', 'tube', 'warm', 'crystal delay', 'quantum', 'mkii', 'lite', 'stereo', 'mono', 'x', 'de-noiser', 'arpeggiator',
];
const queries = Array.from({length: 200}, (_, i) => {
	const base = baseQueries[i % baseQueries.length];
	const variant = Math.floor(i / baseQueries.length);
	return variant === 0 ? base : variant === 1 ? `${base} ${['pro', 'studio', 'deep', 'neo'][i % 4]}` : variant === 2 && /^[a-z ]+$/.test(base) ? base.slice(0, Math.max(2, base.length - 2)) : variant === 2 ? `${base} cat:dynamics` : `${base} params>5`;
});

function toDocuments(n: number): SearchDocument[] {
	return syntheticPlugins(n, 42).map(entry => {
		const {parameters, presets: _presets, warnings: _warnings, ...rest} = entry;
		const summary: PluginSummary = {...rest, status: 'ok', tags: [], favorite: false, hidden: false, scannedAt: '2026-01-01T00:00:00Z', parameterCount: parameters.length};
		return {summary, parameterNames: [...new Set(parameters.map(parameter => parameter.name))]};
	});
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const gc = (): void => (globalThis as {gc?: () => void}).gc?.();

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
for (const size of sizes.length > 0 ? sizes : [1000, 10_000, 100_000]) {
	const documents = toDocuments(size);
	gc();
	const heapBefore = process.memoryUsage().heapUsed;
	let start = performance.now();
	const index = SearchIndex.build(documents);
	const buildMs = performance.now() - start;
	gc();
	const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
	start = performance.now();
	const json = index.toJSON();
	const saveMs = performance.now() - start;
	start = performance.now();
	SearchIndex.load(json, documents);
	const loadMs = performance.now() - start;

	for (const query of queries) {
		index.search(query);
	}

	const times: number[] = [];
	for (let round = 0; round < 3; round++) {
		for (const query of queries) {
			const t0 = performance.now();
			index.search(query);
			times.push(performance.now() - t0);
		}
	}

	times.sort((a, b) => a - b);
	console.log(`${String(size).padStart(6)} plugins: build ${buildMs.toFixed(0)} ms · load persisted ${loadMs.toFixed(0)} ms (JSON ${(json.length / 1e6).toFixed(1)} MB, save ${saveMs.toFixed(0)} ms) · heap +${heapMb.toFixed(0)} MB · query p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
}
