import type {PluginSummary} from '../catalog/plugin.js';
import {compareByName} from '../catalog/name-order.js';
import {words} from '../catalog/text.js';
import type {SearchDocument} from './document.js';
import {duplicateKey} from './duplicates.js';

/** One plugin similar to the target. */
export type SimilarHit = {
	summary: PluginSummary;
	/** 0..1 for similar plugins; duplicates score above 1 so they rank first. */
	score: number;
	/** True when this is the target plugin itself in another format. */
	duplicate: boolean;
	/** Shares of the score, for display ("same category", "62% parameter overlap"). */
	parts: {category: number; parameters: number; io: number; vendor: number};
};

/** Weights of the similarity parts (they sum to 1). */
export const SIMILARITY_WEIGHTS = {category: 0.35, parameters: 0.4, io: 0.15, vendor: 0.1};

/** What similarity compares of a plugin besides its parameter names (see `similarityProfile`). */
export type SimilarityProfile = {
	category: string;
	/** The vendor's words, space-separated; undefined for a plugin without a vendor (it never matches). */
	vendor: string | undefined;
	format: string;
	/** What identifies the plugin across formats: its duplicate key (duplicates.ts), or a number standing for it (equal keys, equal numbers). */
	key: string | number;
	isInstrument: boolean;
	audioInputs: number;
	audioOutputs: number;
};

/** The profile of a plugin. */
export function similarityProfile(summary: PluginSummary): SimilarityProfile {
	return {
		category: summary.category,
		vendor: summary.vendor === '' ? undefined : words(summary.vendor).join(' '),
		format: summary.format,
		key: duplicateKey(summary),
		isInstrument: summary.isInstrument,
		audioInputs: summary.audioInputs,
		audioOutputs: summary.audioOutputs,
	};
}

/**
 * The one similarity rule: shared category, parameter-name overlap (`parameters`, a Jaccard index
 * computed by the caller), I/O shape and vendor, weighted; the target in another format (same
 * duplicate key) scores 1 more and is a duplicate. `targetVendor` is the target's vendor words
 * (empty when it has none).
 */
export function similarity(target: SimilarityProfile, candidate: SimilarityProfile, parameters: number): Omit<SimilarHit, 'summary'> {
	const parts = {
		category: candidate.category === target.category ? (candidate.category === 'other' ? 0.3 : 1) : 0,
		parameters,
		io: ioSimilarity(target, candidate),
		vendor: candidate.vendor !== undefined && candidate.vendor === (target.vendor ?? '') ? 1 : 0,
	};
	const duplicate = candidate.format !== target.format && candidate.key === target.key;
	let score = parts.category * SIMILARITY_WEIGHTS.category + parts.parameters * SIMILARITY_WEIGHTS.parameters
		+ parts.io * SIMILARITY_WEIGHTS.io + parts.vendor * SIMILARITY_WEIGHTS.vendor;
	if (duplicate) {
		score += 1;
	}

	return {score, duplicate, parts};
}

/**
 * Ranks `candidates` by similarity to `target` (`similarity`), best first, then by name; the
 * target itself is skipped, plugins scoring 0 are left out. Cost: linear in the candidates'
 * parameters. (The CLI's saved index ranks the same way from its own arrays: saved-index.ts.)
 */
export function similarTo(target: SearchDocument, candidates: Iterable<SearchDocument>, limit = 20): SimilarHit[] {
	const targetProfile = similarityProfile(target.summary);
	const targetParameters = parameterSet(target.parameterNames);
	const hits: SimilarHit[] = [];
	for (const candidate of candidates) {
		const {summary} = candidate;
		if (summary.id === target.summary.id) {
			continue;
		}

		const hit = similarity(targetProfile, similarityProfile(summary), jaccard(targetParameters, parameterSet(candidate.parameterNames)));
		if (hit.score > 0) {
			hits.push({summary, ...hit});
		}
	}

	hits.sort((a, b) => b.score - a.score || compareByName(a.summary, b.summary));
	return hits.slice(0, limit);
}

const normalCache = new Map<string, string>();

/** A parameter name's lower-case words without units in brackets ('' when none), cached (plugins share most names). */
export function normalName(name: string): string {
	let normal = normalCache.get(name);
	if (normal === undefined) {
		normal = words(name.replace(/[([{][^)\]}]*[)\]}]/g, ' ')).join(' ');
		if (normalCache.size > 200_000) {
			normalCache.clear();
		}

		normalCache.set(name, normal);
	}

	return normal;
}

/** Normalised parameter names: lower-case words without units in brackets ("Threshold (dB)" → "threshold"). */
export function parameterSet(names: readonly string[]): Set<string> {
	const set = new Set<string>();
	for (const name of names) {
		const normal = normalName(name);
		if (normal !== '') {
			set.add(normal);
		}
	}

	return set;
}

/** |a ∩ b| / |a ∪ b|; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (a.size === 0 && b.size === 0) {
		return 0;
	}

	let shared = 0;
	for (const item of a) {
		if (b.has(item)) {
			shared++;
		}
	}

	return jaccardOfCounts(shared, a.size, b.size);
}

/** The Jaccard index of two sets from their sizes and the size of their intersection. */
export function jaccardOfCounts(shared: number, sizeA: number, sizeB: number): number {
	return sizeA === 0 && sizeB === 0 ? 0 : shared / (sizeA + sizeB - shared);
}

function closeness(x: number, y: number): number {
	return x === y ? 1 : 1 - (Math.abs(x - y) / Math.max(x, y, 1));
}

function ioSimilarity(a: SimilarityProfile, b: SimilarityProfile): number {
	return ((a.isInstrument === b.isInstrument ? 1 : 0) + closeness(a.audioInputs, b.audioInputs) + closeness(a.audioOutputs, b.audioOutputs)) / 3;
}
