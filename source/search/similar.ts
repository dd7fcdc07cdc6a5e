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

/**
 * Ranks `candidates` by similarity to `target`: shared category, parameter-name overlap
 * (Jaccard over normalised names), I/O shape (audio in/out, instrument or effect) and vendor.
 * The target in another format (same normalised name and vendor) ranks first with
 * `duplicate: true`; the target itself is skipped. Cost: linear in the candidates' parameters.
 */
export function similarTo(target: SearchDocument, candidates: Iterable<SearchDocument>, limit = 20): SimilarHit[] {
	const targetKey = duplicateKey(target.summary);
	const targetParameters = parameterSet(target.parameterNames);
	const targetVendor = words(target.summary.vendor).join(' ');
	const hits: SimilarHit[] = [];
	for (const candidate of candidates) {
		const {summary} = candidate;
		if (summary.id === target.summary.id) {
			continue;
		}

		const parts = {
			category: summary.category === target.summary.category ? (summary.category === 'other' ? 0.3 : 1) : 0,
			parameters: jaccard(targetParameters, parameterSet(candidate.parameterNames)),
			io: ioSimilarity(target.summary, summary),
			vendor: words(summary.vendor).join(' ') === targetVendor && summary.vendor !== '' ? 1 : 0,
		};
		const duplicate = summary.format !== target.summary.format && duplicateKey(summary) === targetKey;
		let score = parts.category * SIMILARITY_WEIGHTS.category + parts.parameters * SIMILARITY_WEIGHTS.parameters
			+ parts.io * SIMILARITY_WEIGHTS.io + parts.vendor * SIMILARITY_WEIGHTS.vendor;
		if (duplicate) {
			score += 1;
		}

		if (score > 0) {
			hits.push({summary, score, duplicate, parts});
		}
	}

	hits.sort((a, b) => b.score - a.score || compareByName(a.summary, b.summary));
	return hits.slice(0, limit);
}

const normalCache = new Map<string, string>();

/** A parameter name's lower-case words without units in brackets, cached (plugins share most names). */
function normalName(name: string): string {
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

	return shared / (a.size + b.size - shared);
}

function ioSimilarity(a: PluginSummary, b: PluginSummary): number {
	const closeness = (x: number, y: number): number => x === y ? 1 : 1 - (Math.abs(x - y) / Math.max(x, y, 1));
	return ((a.isInstrument === b.isInstrument ? 1 : 0) + closeness(a.audioInputs, b.audioInputs) + closeness(a.audioOutputs, b.audioOutputs)) / 3;
}
