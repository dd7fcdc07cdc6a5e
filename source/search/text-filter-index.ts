import {matchesWordPrefix, words} from '../catalog/text.js';
import {Postings, packLists, unpackLists, type PackedLists} from './postings.js';

/** A TextFilterIndex as plain arrays: its distinct values and the slots holding each. */
export type TextFilterParts = {values: string[]; postings: PackedLists};

/**
 * The documents of each distinct value of a text field (vendors, tags or parameter names), for
 * the `vendor:` `tag:` `param:` filters: a value matches as `matchesWordPrefix` says (its lower-case
 * text starts with the filter value, or one of its words does), but the test runs once per
 * distinct value through sorted lists + binary search instead of once per document.
 * Cost: a filter is O(log V + matching values + their documents); a document is added or
 * removed in O(its values · log). The sorted lists are rebuilt lazily when a new value appears.
 */
export class TextFilterIndex<P> {
	private readonly idOf = new Map<string, number>();
	private readonly texts: Array<string | undefined> = [];
	private readonly payloads: Array<P | undefined> = [];
	private readonly postings: Array<Postings | undefined> = [];
	private readonly freeIds: number[] = [];
	/** word → ids of the values holding it. */
	private readonly byWord = new Map<string, number[]>();
	private sortedLower: Array<{lower: string; id: number}> | undefined;
	private sortedWords: string[] | undefined;

	/** `payloadOf` gives what `add`/`remove` pass to their visitor for each value (computed once per distinct value). */
	constructor(private readonly payloadOf: (value: string, words: string[]) => P) {}

	/** A read-only index of these parts (as `parts` gave them). */
	static fromParts({values, postings}: TextFilterParts): TextFilterIndex<undefined> {
		const index = new TextFilterIndex<undefined>(() => undefined);
		const lists = unpackLists(postings);
		values.forEach((value, id) => {
			index.idOf.set(value, id);
			index.texts[id] = value;
			index.postings[id] = lists[id];
			for (const word of new Set(wordsOf(value))) {
				const ids = index.byWord.get(word);
				if (ids) {
					ids.push(id);
				} else {
					index.byWord.set(word, [id]);
				}
			}
		});
		return index;
	}

	/** The distinct values and their slots (for saving the index). */
	parts(): TextFilterParts {
		const live = [...this.idOf.values()];
		return {values: live.map(id => this.texts[id]!), postings: packLists(live.map(id => this.postings[id]))};
	}

	/** Number of distinct values. */
	get size(): number {
		return this.idOf.size;
	}

	/** Records that document `slot` holds these values (duplicates are fine); visits each value's payload. */
	add(slot: number, values: Iterable<string>, visit?: (payload: P) => void): void {
		for (const value of values) {
			let id = this.idOf.get(value);
			if (id === undefined) {
				id = this.freeIds.pop() ?? this.texts.length;
				const valueWords = wordsOf(value);
				this.idOf.set(value, id);
				this.texts[id] = value;
				this.postings[id] = new Postings(1);
				this.payloads[id] = this.payloadOf(value, valueWords);
				for (const word of new Set(valueWords)) {
					const list = this.byWord.get(word);
					if (list) {
						list.push(id);
					} else {
						this.byWord.set(word, [id]);
					}
				}

				this.sortedLower = undefined;
				this.sortedWords = undefined;
			}

			this.postings[id]!.add(slot);
			visit?.(this.payloads[id]!);
		}
	}

	/** Forgets that document `slot` holds these values; visits each value's payload. */
	remove(slot: number, values: Iterable<string>, visit?: (payload: P) => void): void {
		for (const value of values) {
			const id = this.idOf.get(value);
			const list = id === undefined ? undefined : this.postings[id];
			if (id === undefined || !list) {
				continue;
			}

			visit?.(this.payloads[id]!);
			list.delete(slot);
			if (list.size === 0) {
				this.idOf.delete(value);
				this.texts[id] = undefined;
				this.postings[id] = undefined;
				this.payloads[id] = undefined;
				this.freeIds.push(id);
				for (const word of new Set(wordsOf(value))) {
					const ids = this.byWord.get(word)!;
					const at = ids.indexOf(id);
					if (at !== -1) {
						ids.splice(at, 1);
					}

					if (ids.length === 0) {
						this.byWord.delete(word);
					}
				}

				this.sortedLower = undefined;
				this.sortedWords = undefined;
			}
		}
	}

	/** Releases spare posting capacity (after a bulk build). */
	trim(): void {
		for (const list of this.postings) {
			list?.trim();
		}
	}

	/**
	 * Marks (sets to 1) the slots of every document holding a value that `matchesWordPrefix(value, prefix)`.
	 * Returns how many values matched.
	 */
	mark(prefix: string, marks: Uint8Array): number {
		let matched = 0;
		for (const id of this.matchingIds(prefix)) {
			const list = this.postings[id]!;
			const {ids, size} = list;
			for (let i = 0; i < size; i++) {
				marks[ids[i]] = 1;
			}

			matched++;
		}

		return matched;
	}

	/** Ids of the values matching `prefix` as `matchesWordPrefix` does. */
	private matchingIds(prefix: string): Set<number> {
		const found = new Set<number>();
		const wanted = prefix.toLowerCase();
		if (wanted === '') {
			for (const id of this.idOf.values()) {
				found.add(id);
			}

			return found;
		}

		// The value itself starts with the prefix.
		const sorted = this.sortedLower ??= [...this.idOf].map(([text, id]) => ({lower: text.toLowerCase(), id})).sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0));
		for (let at = lowerBound(sorted.length, i => sorted[i].lower < wanted); at < sorted.length && sorted[at].lower.startsWith(wanted); at++) {
			found.add(sorted[at].id);
		}

		const wantedWords = words(wanted);
		if (wantedWords.length > 1) {
			// Consecutive words: only values holding the first word exactly can match.
			for (const id of this.byWord.get(wantedWords[0]) ?? []) {
				if (!found.has(id) && matchesWordPrefix(this.texts[id]!, prefix)) {
					found.add(id);
				}
			}

			return found;
		}

		// A word of the value starts with the prefix's word.
		const needle = wantedWords[0] ?? wanted;
		const vocabulary = this.sortedWords ??= [...this.byWord.keys()].sort();
		for (let at = lowerBound(vocabulary.length, i => vocabulary[i] < needle); at < vocabulary.length && vocabulary[at].startsWith(needle); at++) {
			for (const id of this.byWord.get(vocabulary[at])!) {
				found.add(id);
			}
		}

		return found;
	}
}

/** First index in 0..length for which `before(index)` is false (before is monotone). */
function lowerBound(length: number, before: (index: number) => boolean): number {
	let low = 0;
	let high = length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (before(middle)) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}

const wordsCache = new Map<string, string[]>();

/**
 * `words(text)`, cached: vendors, tags and parameter names repeat across plugins ("Bypass",
 * "Output Gain"). The cache is cleared when it grows past 200,000 entries.
 */
export function wordsOf(text: string): string[] {
	let list = wordsCache.get(text);
	if (!list) {
		list = words(text);
		if (wordsCache.size > 200_000) {
			wordsCache.clear();
		}

		wordsCache.set(text, list);
	}

	return list;
}
