import {nocaseKey} from '../catalog/name-order.js';
import type {PluginSummary} from '../catalog/plugin.js';
import type {SearchDocument} from './document.js';
import {compareEntries, type Entry} from './entry.js';
import type {Coded} from './saved-parts.js';
import {NameWordTable, SlotColumns} from './slot-columns.js';
import {filterFacts, type FilterDocument} from './filters.js';
import type {Term} from './scoring.js';
import {Scratch} from './scratch.js';
import {similarTo, type SimilarHit} from './similar.js';
import {runSearch, type IndexParts, type SearchOptions, type SearchResult} from './searcher.js';
import {parseQuery, type ParsedQuery} from './query.js';
import {Vocabulary} from './suggest.js';
import {TermIndex} from './term-index.js';
import {TextFilterIndex, wordsOf} from './text-filter-index.js';
import {indexTokens} from './tokenize.js';

export type {SearchDocument} from './document.js';
export type {SearchHit, SearchOptions, SearchResult} from './searcher.js';
export {kthLargest} from './scratch.js';


/** A text of a document field: its tokens (for the vocabulary) and their terms. */
type Analysed = {tokens: string[]; terms: Term[]};

/**
 * The search index (docs/search.md, docs/architecture.md): an inverted index over name, vendor, category, format, tags
 * and parameter words (TermIndex: prefix + fuzzy, name boosted, scored exactly as MiniSearch's
 * BM25+ with the same options), value indexes for the `vendor:` `tag:` `param:` filters, and the
 * vocabulary for "did you mean". This file is the indexing side — build once from the store, then
 * keep current with `upsert` and `remove` (no rebuild); searcher.ts is the query side.
 *
 * Layout: each document has a slot (a small integer); posting lists are sorted Int32Arrays of
 * slots; a search accumulates scores in typed arrays indexed by slot and builds hit objects for
 * the returned page only.
 */
export class SearchIndex implements IndexParts {
	/** Builds an index from documents (see `loadSearchDocuments`). */
	static build(documents: Iterable<SearchDocument>): SearchIndex {
		const index = new SearchIndex();
		for (const document of documents) {
			index.add(document);
		}

		// The filter facts again, in a pass of their own: made together, they sit
		// together in memory, and a query over many plugins reads them in cache (docs/search.md).
		index.facts = index.entries.map(entry => entry && filterFacts(entry.document));
		index.trim();
		return index;
	}

	readonly terms = new TermIndex();
	readonly vocabulary = new Vocabulary();
	readonly vendors = new TextFilterIndex<undefined>(() => undefined);
	readonly tags = new TextFilterIndex<undefined>(() => undefined);
	/** Parameter names; each holds the terms of its words (the params field). */
	readonly parameters = new TextFilterIndex<Term[]>((_, words) => words.map(word => this.terms.term(word)));
	entries: Array<Entry | undefined> = [];
	/** The filter facts of each slot (filters.ts `filterFacts`). */
	private facts: Array<FilterDocument | undefined> = [];
	readonly words = new NameWordTable();
	/** The hidden flag, name number and filter facts of each slot. */
	readonly columns = new SlotColumns();
	capacity = 0;
	private readonly slotOf = new Map<string, number>();
	/** Analysed texts of the name/vendor/category/format/tags fields, by text. */
	private readonly analysed = new Map<string, Analysed>();
	/** Scratch arrays of a search (indexed by slot), reused across searches; stamps avoid clearing. */
	private scratchArrays: Scratch | undefined;
	/** Derived from the live slots, made on first use after a change: name order, its inverse, slot order. */
	private sorted: Int32Array | undefined;
	private nameRank: Int32Array | undefined;
	private live: Int32Array | undefined;

	private constructor() {}

	/** Number of plugins in the index. */
	get size(): number {
		return this.slotOf.size;
	}

	/** The document of a plugin id, if indexed. */
	get(id: string): SearchDocument | undefined {
		const slot = this.slotOf.get(id);
		return slot === undefined ? undefined : this.entries[slot]!.document;
	}

	/** All documents, in no particular order. */
	documents(): SearchDocument[] {
		return this.entries.filter(entry => entry !== undefined).map(entry => entry.document);
	}

	/**
	 * Adds a plugin or replaces its previous version (after a scan or a curation change). A change of
	 * favourite/hidden/counts only (same texts) replaces the document in place. Documents must not be
	 * mutated after they are indexed (replace them with a new object instead).
	 */
	upsert(document: SearchDocument): void {
		const slot = this.slotOf.get(document.summary.id);
		const entry = slot === undefined ? undefined : this.entries[slot];
		if (entry && sameTexts(entry.document, document)) {
			entry.document = document;
			this.facts[slot!] = filterFacts(document);
			this.columns.set(slot!, document.summary);
			return;
		}

		this.remove(document.summary.id);
		this.add(document);
	}

	/** Removes a plugin; true when it was indexed. */
	remove(id: string): boolean {
		const slot = this.slotOf.get(id);
		if (slot === undefined) {
			return false;
		}

		const {summary} = this.entries[slot]!.document;
		this.terms.remove(slot, this.fieldTerms(this.entries[slot]!.document, slot, 'remove'));
		this.vocabulary.removeTokens(this.analyse(summary.name).tokens, wordsOf(summary.vendor));
		this.slotOf.delete(id);
		this.entries[slot] = undefined;
		this.facts[slot] = undefined;
		this.changed();
		this.maybeCompact();
		return true;
	}

	/**
	 * Runs a query (a string in the query language, or parsed). Throws QueryError for a malformed
	 * query string; nothing else. Results are ranked by relevance when the query has free words,
	 * else by name.
	 */
	search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResult {
		return runSearch(this, typeof query === 'string' ? parseQuery(query) : query, options);
	}

	entry(slot: number): Entry {
		return this.entries[slot]!;
	}

	get names(): Coded {
		return this.columns.names;
	}

	isHidden(slot: number): boolean {
		return this.columns.hidden[slot] === 1;
	}

	filterDocument(slot: number): FilterDocument {
		return this.facts[slot]!;
	}

	/** The name order, as each slot's rank in it (made with `sortedSlots`). */
	compareSlots(a: number, b: number): number {
		if (!this.nameRank) {
			const rank = new Int32Array(this.capacity);
			this.sortedSlots().forEach((slot, at) => {
				rank[slot] = at;
			});
			this.nameRank = rank;
		}

		return this.nameRank[a] - this.nameRank[b];
	}

	/** Plugins like the plugin `id` (similar.ts), best first; undefined when `id` is not indexed. */
	similar(id: string, limit: number): SimilarHit[] | undefined {
		const target = this.get(id);
		return target && similarTo(target, this.documents(), limit);
	}

	/** Reusable per-search arrays. */
	scratch(): Scratch {
		this.scratchArrays ??= new Scratch(this.capacity);
		return this.scratchArrays;
	}

	/** The live slots in name order (catalog/name-order.ts). */
	sortedSlots(): Int32Array {
		if (!this.sorted) {
			const live = this.entries.filter(entry => entry !== undefined);
			live.sort(compareEntries);
			this.sorted = Int32Array.from(live, entry => entry.slot);
		}

		return this.sorted;
	}

	liveSlots(): Int32Array {
		this.live ??= Int32Array.from(this.entries.filter(entry => entry !== undefined), entry => entry.slot);
		return this.live;
	}

	private add(document: SearchDocument): void {
		const {summary} = document;
		const slot = this.entries.length;
		if (slot >= this.capacity) {
			this.capacity = Math.max(64, slot + 1, this.capacity * 2);
			this.terms.grow(this.capacity);
			this.columns.grow(this.capacity);
			this.words.grow(this.capacity);
			this.scratchArrays = undefined;
		}

		this.entries.push({document, slot, sortName: nocaseKey(summary.name)});
		this.facts.push(filterFacts(document));
		this.words.set(slot, summary.name, summary.vendor);
		this.columns.set(slot, summary);
		this.slotOf.set(summary.id, slot);
		this.terms.add(slot, this.fieldTerms(document, slot, 'add'));
		this.vocabulary.addTokens(this.analyse(summary.name).tokens, wordsOf(summary.vendor));
		this.changed();
	}

	/**
	 * The terms of each field of a document (each list distinct), adding the document to (or removing
	 * it from) the vendor, tag and parameter-name indexes on the way.
	 */
	private fieldTerms({summary, parameterNames}: SearchDocument, slot: number, change: 'add' | 'remove'): Term[][] {
		const params: Term[] = [];
		const collect = (terms: Term[]): void => {
			for (const term of terms) {
				if (term.seen !== slot) {
					term.seen = slot;
					params.push(term);
				}
			}
		};

		this.vendors[change](slot, [summary.vendor]);
		this.tags[change](slot, summary.tags);
		this.parameters[change](slot, parameterNames, collect);
		// Reset the marks so the next add or remove of this slot (upsert) collects again.
		for (const term of params) {
			term.seen = -1;
		}

		return [
			this.analyse(summary.name).terms,
			this.analyse(summary.vendor).terms,
			this.analyse(summary.category).terms,
			this.analyse(summary.format).terms,
			summary.tags.length === 0 ? [] : this.analyse(summary.tags.join(' ')).terms,
			params,
		];
	}

	/** Marks what is derived from the live slots as stale. */
	private changed(): void {
		this.sorted = undefined;
		this.nameRank = undefined;
		this.live = undefined;
	}

	/** The tokens and terms of a text (`indexTokens`), cached by text. */
	private analyse(text: string): Analysed {
		let analysed = this.analysed.get(text);
		if (!analysed) {
			const tokens = indexTokens(text);
			analysed = {tokens, terms: tokens.map(token => this.terms.term(token))};
			this.analysed.set(text, analysed);
		}

		return analysed;
	}

	private trim(): void {
		this.terms.trim();
		this.vendors.trim();
		this.tags.trim();
		this.parameters.trim();
	}

	/** Rebuilds when more than half of the slots are free (after many removals). */
	private maybeCompact(): void {
		if (this.entries.length < 1024 || this.slotOf.size * 2 > this.entries.length) {
			return;
		}

		const fresh = SearchIndex.build(this.documents());
		Object.assign(this, fresh);
	}
}

/** True when two versions of a document index the same texts (only flags or counts changed). */
function sameTexts(a: SearchDocument, b: SearchDocument): boolean {
	const [x, y]: PluginSummary[] = [a.summary, b.summary];
	return x.id === y.id && x.name === y.name && x.vendor === y.vendor && x.category === y.category && x.format === y.format
		&& x.tags.length === y.tags.length && x.tags.every((tag, i) => tag === y.tags[i])
		&& (a.parameterNames === b.parameterNames
			|| (a.parameterNames.length === b.parameterNames.length && a.parameterNames.every((name, i) => name === b.parameterNames[i])));
}
