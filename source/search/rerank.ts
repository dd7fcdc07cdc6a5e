import type {Matches} from './match.js';
import {nameScore} from './name-score.js';
import type {Coded} from './saved-parts.js';
import {BestOf, kthLargest} from './scratch.js';
import type {NameWordTable} from './slot-columns.js';

/** A hit's score is multiplied by up to 1 + NAME_WEIGHT by its name-match score (orders near-ties). */
export const NAME_WEIGHT = 0.25;

/** What re-ranking needs to know of a matched slot. */
export type RankContext = {
	/** Each slot's name as a number into the name texts. */
	names: Coded;
	/** The numbers of each slot's name words that are not its vendor's words. */
	readonly words: NameWordTable;
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
 * Only what can reach the first `window` hits is counted, scored and sorted (everything with an
 * infinite window). Cost: O(m) to find the worst level that can reach the window for m hits, then
 * the other words of the hits up to that level (cached per word), then O(k log window) for the k
 * hits that can reach the window.
 */
export function rerank(matches: Matches, context: RankContext, window: number): RankedSlot[] {
	const {slots, scores, levels} = matches;
	const cutoff = levelCutoff(levels, window);
	const others = otherWordsCounter(context);
	// Buckets by (level, other words), best first; each then ordered by boosted score.
	const buckets = new Map<number, RankedSlot[]>();
	for (let i = 0; i < slots.length; i++) {
		if (levels[i] > cutoff) {
			continue;
		}

		const key = (levels[i] * 256) + Math.min(255, others(slots[i]));
		const bucket = buckets.get(key);
		if (bucket) {
			bucket.push({slot: slots[i], score: scores[i]});
		} else {
			buckets.set(key, [{slot: slots[i], score: scores[i]}]);
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

/** The worst level a hit can have and still be among the first `window` hits (levels rank first). */
function levelCutoff(levels: readonly number[], window: number): number {
	if (window >= levels.length) {
		return Number.POSITIVE_INFINITY;
	}

	const counts = new Map<number, number>();
	for (const level of levels) {
		counts.set(level, (counts.get(level) ?? 0) + 1);
	}

	let seen = 0;
	for (const level of [...counts.keys()].sort((a, b) => a - b)) {
		seen += counts.get(level)!;
		if (seen >= window) {
			return level;
		}
	}

	return Number.POSITIVE_INFINITY;
}

/** The multiplier of a hit's score by its name score, computed once per name. */
function nameBooster(context: RankContext): (slot: number) => number {
	const {codes, texts} = context.names;
	const boosts = new Float64Array(texts.length);
	return slot => {
		const code = codes[slot];
		if (boosts[code] === 0) {
			boosts[code] = 1 + (NAME_WEIGHT * nameScore(context.typed, texts[code]));
		}

		return boosts[code];
	};
}

/**
 * Hits of one bucket by boosted score (then name), the first `need` of them exactly as a full sort
 * would give. The name score only raises a score, by at most 1 + NAME_WEIGHT: so a hit whose raw
 * score is below the need-th raw score / (1 + NAME_WEIGHT) cannot reach them, and, going through
 * the rest best raw score first, none can once a raw score × (1 + NAME_WEIGHT) falls below the
 * need-th boosted score so far. Only the hits before that point are name-scored.
 */
function byBoostedScore(items: RankedSlot[], need: number, boost: (slot: number) => number, compare: (a: number, b: number) => number): RankedSlot[] {
	let head = items;
	if (need < items.length) {
		const floor = kthLargest(items.map(item => item.score), need) / (1 + NAME_WEIGHT);
		head = items.filter(item => item.score >= floor);
	}

	head.sort((a, b) => b.score - a.score);
	const best = new BestOf<RankedSlot>(need, (a, b) => b.score - a.score || compare(a.slot, b.slot));
	for (const item of head) {
		if (best.full && item.score * (1 + NAME_WEIGHT) < best.worst!.score) {
			break;
		}

		best.offer({slot: item.slot, score: item.score * boost(item.slot)});
	}

	return best.sorted();
}

/** Counts a hit's name words that no query term covers, leaving out the vendor's words ("Calf Compressor" → 0 for "compressor"). */
function otherWordsCounter(context: RankContext): (slot: number) => number {
	// Per name word (by number), decided on first sight: 1 covered by a query term, 2 not. Names share most words.
	// (A saved index numbers words as it first reads them, so the table may grow during the query.)
	let covered = new Uint8Array(context.words.words.length);
	const isCovered = (number: number): boolean => {
		if (number >= covered.length) {
			const larger = new Uint8Array(Math.max(number + 1, covered.length * 2));
			larger.set(covered);
			covered = larger;
		}

		if (covered[number] === 0) {
			const word = context.words.words[number];
			covered[number] = context.cover.some(term => word.includes(term) || (word.length >= 2 && term.includes(word))) ? 1 : 2;
		}

		return covered[number] === 1;
	};

	return slot => context.words.countUncovered(slot, isCovered);
}
