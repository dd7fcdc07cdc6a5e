import type {Matches} from './match.js';
import {nameScore} from './name-score.js';
import {kthLargest} from './scratch.js';

/** A hit's score is multiplied by up to 1 + NAME_WEIGHT by its name-match score (orders near-ties). */
export const NAME_WEIGHT = 0.25;

/** The words of a plugin's name and of its vendor (`wordsOf`), as an index keeps them per slot. */
export type NameWords = {name: readonly string[]; vendor: readonly string[]};

/** What re-ranking needs to know of a matched slot. */
export type RankContext = {
	name(slot: number): string;
	nameWords(slot: number): NameWords;
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
 * Only what can reach the first `window` hits is scored and sorted (everything with an infinite window).
 * Cost: O(m) to bucket m hits (the other-word count is cached per name), then O(k log k) for the
 * k hits that can reach the window.
 */
export function rerank(matches: Matches, context: RankContext, window: number): RankedSlot[] {
	const others = otherWordsCounter(context);
	// Buckets by (level, other words), best first; each then ordered by boosted score.
	const buckets = new Map<number, RankedSlot[]>();
	for (let i = 0; i < matches.slots.length; i++) {
		const slot = matches.slots[i];
		const key = (matches.levels[i] * 256) + Math.min(255, others(slot));
		const bucket = buckets.get(key);
		if (bucket) {
			bucket.push({slot, score: matches.scores[i]});
		} else {
			buckets.set(key, [{slot, score: matches.scores[i]}]);
		}
	}

	const boost = nameBooster(context);
	const ranked: RankedSlot[] = [];
	for (const key of [...buckets.keys()].sort((a, b) => a - b)) {
		ranked.push(...byBoostedScore(buckets.get(key)!, window - ranked.length, boost, context.compare));
		if (ranked.length >= window) {
			break;
		}
	}

	return ranked;
}

/** The multiplier of a hit's score by its name score, cached by name. */
function nameBooster(context: RankContext): (slot: number) => number {
	const boosts = new Map<string, number>();
	return slot => {
		const name = context.name(slot);
		let boost = boosts.get(name);
		if (boost === undefined) {
			boost = 1 + (NAME_WEIGHT * nameScore(context.typed, name));
			boosts.set(name, boost);
		}

		return boost;
	};
}

/**
 * Hits of one bucket by boosted score (then name), at least the first `need` of them exactly as a
 * full sort would give: a hit whose raw score is below the need-th raw score / (1 + NAME_WEIGHT)
 * cannot reach them, so only the head is rescored and sorted.
 */
function byBoostedScore(items: RankedSlot[], need: number, boost: (slot: number) => number, compare: (a: number, b: number) => number): RankedSlot[] {
	let head = items;
	if (need < items.length) {
		const floor = kthLargest(items.map(item => item.score), need) / (1 + NAME_WEIGHT);
		head = items.filter(item => item.score >= floor);
	}

	const boosted = head.map(item => ({slot: item.slot, score: item.score * boost(item.slot)}));
	boosted.sort((a, b) => b.score - a.score || compare(a.slot, b.slot));
	return boosted;
}

/** Counts a hit's name words that no query term covers, leaving out the vendor's words ("Calf Compressor" → 0 for "compressor"). */
function otherWordsCounter(context: RankContext): (slot: number) => number {
	// Per distinct word of this query's hits: is it covered by a query term? (Names share most words.)
	const coveredWords = new Map<string, boolean>();
	const covered = (word: string): boolean => {
		let answer = coveredWords.get(word);
		if (answer === undefined) {
			answer = context.cover.some(term => word.includes(term) || (word.length >= 2 && term.includes(word)));
			coveredWords.set(word, answer);
		}

		return answer;
	};

	return slot => {
		const words = context.nameWords(slot);
		let count = 0;
		for (const word of words.name) {
			if (!covered(word) && !words.vendor.includes(word)) {
				count++;
			}
		}

		return count;
	};
}
