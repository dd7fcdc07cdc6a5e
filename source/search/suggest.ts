import {CATEGORIES} from '../catalog/plugin.js';
import {words} from '../catalog/text.js';
import {defaultMaxEdits, editDistance} from '../catalog/closest.js';
import type {ParsedQuery, QueryFilter, QueryTerm} from './query.js';
import {indexTokens} from './tokenize.js';

/** Which part of the catalog a vocabulary word came from. */
type Source = 'text' | 'vendor';

/** A vocabulary's words and counts, by source. */
export type VocabularyCounts = Record<Source, Array<[string, number]>>;

/**
 * The words "did you mean" may offer: words of plugin names, vendors and the category names,
 * counted so removals can be undone. Kept up to date by the index on every upsert/remove.
 */
export class Vocabulary {
	private wordCounts: Record<Source, Map<string, number>> = {text: new Map(), vendor: new Map()};

	/** Starts with the category names (always valid words). */
	constructor() {
		for (const category of CATEGORIES) {
			this.wordCounts.text.set(category, 1);
		}
	}

	/** A vocabulary with these counts (as `counts` gave them). */
	static fromCounts(counts: VocabularyCounts): Vocabulary {
		const vocabulary = new Vocabulary();
		vocabulary.wordCounts = {text: new Map(counts.text), vendor: new Map(counts.vendor)};
		return vocabulary;
	}

	/** Every word with its count, by source (for saving the index). */
	counts(): VocabularyCounts {
		return {text: [...this.wordCounts.text], vendor: [...this.wordCounts.vendor]};
	}

	/** Counts the words of one plugin. */
	add(name: string, vendor: string): void {
		this.addTokens(indexTokens(name), words(vendor));
	}

	/** Forgets the words of one plugin (as added before). */
	remove(name: string, vendor: string): void {
		this.removeTokens(indexTokens(name), words(vendor));
	}

	/** `add` with the name's `indexTokens` and the vendor's `words` already computed. */
	addTokens(nameTokens: readonly string[], vendorWords: readonly string[]): void {
		this.change(nameTokens, vendorWords, 1);
	}

	/** `remove` with the name's `indexTokens` and the vendor's `words` already computed. */
	removeTokens(nameTokens: readonly string[], vendorWords: readonly string[]): void {
		this.change(nameTokens, vendorWords, -1);
	}

	/** True when `word` (lower-case) is a known word. */
	has(word: string, source: Source = 'text'): boolean {
		return this.wordCounts[source].has(word);
	}

	/**
	 * Known words closest to `word` by edit distance (at most a third of its length, 1..3 edits),
	 * nearest first, then most frequent. Cost: linear in the vocabulary size.
	 */
	closest(word: string, source: Source = 'text', limit = 3): string[] {
		const max = defaultMaxEdits(word);
		const found: Array<{word: string; distance: number; count: number}> = [];
		for (const [candidate, count] of this.wordCounts[source]) {
			if (candidate.length < 3 || Math.abs(candidate.length - word.length) > max) {
				continue;
			}

			const distance = editDistance(word, candidate, max);
			if (distance <= max && candidate !== word) {
				found.push({word: candidate, distance, count});
			}
		}

		found.sort((a, b) => a.distance - b.distance || b.count - a.count || a.word.localeCompare(b.word));
		return found.slice(0, limit).map(entry => entry.word);
	}

	private change(nameTokens: readonly string[], vendorWords: readonly string[], delta: number): void {
		this.bump('text', new Set([...nameTokens, ...vendorWords]), delta);
		this.bump('vendor', new Set(vendorWords), delta);
	}

	private bump(source: Source, list: Set<string>, delta: number): void {
		const map = this.wordCounts[source];
		for (const word of list) {
			const count = (map.get(word) ?? 0) + delta;
			if (count > 0) {
				map.set(word, count);
			} else {
				map.delete(word);
			}
		}
	}
}

/**
 * "Did you mean": corrected queries for a query without hits — each unknown word of a free term
 * (and of a `vendor:` value) replaced by a close vocabulary word. `accept` (e.g. "does this
 * query find something?") filters the candidates. At most `limit`, best first.
 */
export function suggestQueries(query: ParsedQuery, vocabulary: Vocabulary, accept: (candidate: string) => boolean = () => true, limit = 3): string[] {
	const parts: Array<{position: number; raw: string; options: string[]}> = [
		...query.terms.map(term => ({position: term.position, raw: term.raw, options: termOptions(term, vocabulary)})),
		...query.filters.map(filter => ({position: filter.position, raw: filter.raw, options: filterOptions(filter, vocabulary)})),
	].sort((a, b) => a.position - b.position);
	const suggestions: string[] = [];
	for (let choice = 0; choice < limit; choice++) {
		if (!parts.some(part => part.options.length > choice)) {
			break;
		}

		const candidate = parts.map(part => part.options[Math.min(choice, part.options.length - 1)] ?? part.raw).join(' ');
		if (!suggestions.includes(candidate) && accept(candidate)) {
			suggestions.push(candidate);
		}
	}

	return suggestions;
}

function termOptions(term: QueryTerm, vocabulary: Vocabulary): string[] {
	if (term.negated || term.phrase) {
		return [];
	}

	const list = words(term.text);
	const unknown = list.filter(word => !vocabulary.has(word));
	if (unknown.length === 0) {
		return [];
	}

	const corrections = unknown.map(word => vocabulary.closest(word));
	const count = Math.max(...corrections.map(options => options.length));
	const options: string[] = [];
	for (let i = 0; i < count; i++) {
		options.push(list.map(word => {
			const at = unknown.indexOf(word);
			return at === -1 ? word : corrections[at][Math.min(i, corrections[at].length - 1)] ?? word;
		}).join(' '));
	}

	return options;
}

function filterOptions(filter: QueryFilter, vocabulary: Vocabulary): string[] {
	if (filter.field !== 'vendor' || filter.negated) {
		return [];
	}

	const list = words(filter.value);
	if (list.length !== 1 || vocabulary.has(list[0], 'vendor')) {
		return [];
	}

	return vocabulary.closest(list[0], 'vendor').map(word => `vendor:${word}`);
}
