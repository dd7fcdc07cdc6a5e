import {words} from '../catalog/text.js';
import type {Matches} from './match.js';
import {nameScore} from './name-score.js';

/** A hit's score is multiplied by up to 1 + NAME_WEIGHT by its name-match score (orders near-ties). */
export const NAME_WEIGHT = 0.25;

/** What re-ranking needs to know of a matched slot. */
export type RankContext = {
	name(slot: number): string;
	vendor(slot: number): string;
	/** Orders equal hits (by name, then format and id). */
	compare(a: number, b: number): number;
	/** The query words as typed (for the name-match score). */
	typed: readonly string[];
	/** Every term a query word may match through (typed, vocabulary, infix, compound…), for counting a name's other words. */
	cover: readonly string[];
};

/** A ranked hit: its slot and its score (within its tier). */
export type RankedSlot = {slot: number; score: number};

/**
 * The re-ranking step of search, after matching: orders hits by
 * 1. the sum of their words' field levels (a name match before a vendor/category/tags match before
 *    a parameter-only match; the typed word before a vocabulary or infix match — see match.ts),
 * 2. fewer other words in the name (words no query word matched, the vendor's words not counted),
 * 3. the BM25+ score raised by up to NAME_WEIGHT with the fzf-style name score,
 * 4. name, format, id.
 * Only the levels needed to fill `window` hits are ranked (all of them with an infinite window).
 * Cost: O(m) to bucket m hits, then O(k log k) for the k hits of the buckets reaching the window.
 */
export function rerank(matches: Matches, context: RankContext, window: number): RankedSlot[] {
	const byLevel = new Map<number, number[]>();
	for (let i = 0; i < matches.slots.length; i++) {
		const bucket = byLevel.get(matches.levels[i]);
		if (bucket) {
			bucket.push(i);
		} else {
			byLevel.set(matches.levels[i], [i]);
		}
	}

	const others = otherWordsCounter(context);
	const boosts = new Map<string, number>();
	const ranked: RankedSlot[] = [];
	for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
		const bucket = byLevel.get(level)!.map(i => {
			const slot = matches.slots[i];
			const name = context.name(slot);
			let boost = boosts.get(name);
			if (boost === undefined) {
				boost = 1 + (NAME_WEIGHT * nameScore(context.typed, name));
				boosts.set(name, boost);
			}

			return {slot, score: matches.scores[i] * boost, others: others(slot)};
		});
		bucket.sort((a, b) => a.others - b.others || b.score - a.score || context.compare(a.slot, b.slot));
		for (const {slot, score} of bucket) {
			ranked.push({slot, score});
		}

		if (ranked.length >= window) {
			break;
		}
	}

	return ranked;
}

/** Counts a hit's name words that no query term covers, leaving out the vendor's words ("Calf Compressor" → 0 for "compressor"). */
function otherWordsCounter(context: RankContext): (slot: number) => number {
	const counts = new Map<string, number>();
	const covered = (word: string): boolean => context.cover.some(term => word.includes(term) || (word.length >= 2 && term.includes(word)));
	return slot => {
		const name = context.name(slot);
		const vendor = context.vendor(slot);
		const key = `${name}\u0000${vendor}`;
		let count = counts.get(key);
		if (count === undefined) {
			const vendorWords = new Set(words(vendor));
			count = words(name).filter(word => !vendorWords.has(word) && !covered(word)).length;
			counts.set(key, count);
		}

		return count;
	};
}
