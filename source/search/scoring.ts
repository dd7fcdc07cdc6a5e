/**
 * How the index scores: BM25+ exactly as MiniSearch computes it (same constants, prefix and fuzzy
 * weights, field boosts), over the index's own posting lists, accumulated in typed arrays.
 */
import type {Postings} from './postings.js';
import type {Scratch} from './scratch.js';

/** Field weights: a name match counts most, parameter names least. */
export const FIELD_BOOST = {name: 3, vendor: 1.5, category: 1.5, tags: 1.5, format: 1, params: 0.5};

/** The indexed fields, in scoring order. */
export const FIELDS = ['name', 'vendor', 'category', 'format', 'tags', 'params'] as const;
export const FIELD_COUNT = FIELDS.length;
export const PARAMS = 5;
const BOOSTS = FIELDS.map(field => FIELD_BOOST[field]);
/** Scoring: BM25+ with MiniSearch's defaults; prefix and fuzzy expansions weighted as MiniSearch does. */
export const BM25 = {k: 1.2, b: 0.7, d: 0.5};
export const PREFIX_WEIGHT = 0.375;
export const FUZZY_WEIGHT = 0.3;
export const MAX_FUZZY = 2;
/** Fuzzy matching only for words longer than 5 letters: 20% of the length, at most MAX_FUZZY edits. */
export const fuzzyDistance = (term: string): number => (term.length > 5 ? Math.min(MAX_FUZZY, Math.round(term.length * 0.2)) : 0);

/**
 * An indexed term: the posting list of each field (undefined when no document holds the term in
 * that field). Term objects live as long as the index (an emptied term scores nothing), so the
 * per-text caches below can point at them.
 */
export class Term {
	readonly postings: Array<Postings | undefined> = [undefined, undefined, undefined, undefined, undefined, undefined];
	/** The last slot this term was counted for (deduplicates a plugin's parameter words). */
	seen = -1;
	constructor(readonly text: string) {}
}

/**
 * Slots matching the query tokens and their scores, exactly as MiniSearch's `search` with
 * `prefix` (and fuzzy for long words) combined with AND or OR: per token the BM25+ scores of
 * every (derived term, field) summed, tokens summed in order, times the number of tokens
 * matched. Unordered. Leaves each slot's matched-token count in scratch.matched and, when the
 * tokens carry levels (see match.ts), their sum in scratch.levelSum.
 */
export function combineTokens(perToken: ReadonlyArray<{slots: Int32Array; scores: Float64Array; levels?: Uint16Array}>, combine: 'and' | 'or', scratch: Scratch): {slots: number[]; scores: number[]} {
	const query = scratch.nextStamp();
	const {total, matched, seen, touched, levelSum} = scratch;
	let touchedCount = 0;
	for (let t = 0; t < perToken.length; t++) {
		const {slots: tokenSlots, scores: tokenScores, levels} = perToken[t];
		for (let i = 0; i < tokenSlots.length; i++) {
			const slot = tokenSlots[i];
			if (seen[slot] === query) {
				total[slot] += tokenScores[i];
				matched[slot]++;
				levelSum[slot] += levels?.[i] ?? 0;
			} else if (t === 0 || combine === 'or') {
				seen[slot] = query;
				total[slot] = tokenScores[i];
				matched[slot] = 1;
				levelSum[slot] = levels?.[i] ?? 0;
				touched[touchedCount++] = slot;
			}
		}
	}

	const slots: number[] = [];
	const scores: number[] = [];
	for (let i = 0; i < touchedCount; i++) {
		const slot = touched[i];
		const quality = matched[slot];
		if (combine === 'or' || quality === perToken.length) {
			slots.push(slot);
			scores.push(total[slot] * quality);
		}
	}

	return {slots, scores};
}

/** What BM25 needs of the whole index: the number of documents and the field lengths. */
export type FieldStats = {documentCount: number; avgFieldLength: Float64Array; fieldLength: readonly Uint32Array[]};

/**
 * Adds one term's BM25+ scores (every field, weighted) into scratch.tokenScore, listing newly
 * touched slots in scratch.tokenTouched after the first `count` and the fields matched in
 * scratch.tokenFields (a bit per field, in FIELDS order); returns the new count.
 */
export function scoreTermInto(data: Term | undefined, termWeight: number, stats: FieldStats, scratch: Scratch, stamp: number, count: number): number {
	if (!data) {
		return count;
	}

	const {tokenScore, tokenSeen, tokenTouched, tokenFields} = scratch;
	const {documentCount} = stats;
	const {k, b, d} = BM25;
	const termFreq = 1;
	for (let field = 0; field < FIELD_COUNT; field++) {
		const list = data.postings[field];
		if (!list) {
			continue;
		}

		const matchingCount = list.size;
		const invDocFreq = Math.log(1 + ((documentCount - matchingCount + 0.5) / (matchingCount + 0.5)));
		const weight = termWeight * BOOSTS[field];
		const bit = 1 << field;
		const average = stats.avgFieldLength[field];
		const lengths = stats.fieldLength[field];
		const {ids} = list;
		for (let i = 0; i < matchingCount; i++) {
			const slot = ids[i];
			// The expression of MiniSearch's calcBM25Score, so scores are bit-identical.
			const raw = invDocFreq * (d + (termFreq * (k + 1) / (termFreq + (k * (1 - b + (b * lengths[slot] / average))))));
			const score = weight * raw;
			if (tokenSeen[slot] === stamp) {
				tokenScore[slot] += score;
				tokenFields[slot] |= bit;
			} else {
				tokenSeen[slot] = stamp;
				tokenScore[slot] = score;
				tokenFields[slot] = bit;
				tokenTouched[count++] = slot;
			}
		}
	}

	return count;
}
