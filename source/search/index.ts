import SearchableMap from 'minisearch/SearchableMap';
import {compareByNameKey, nocaseKey} from '../catalog/name-order.js';
import {DEFAULT_FORMAT_PREFERENCE, type Format, type PluginSummary} from '../catalog/plugin.js';
import type {SearchDocument} from './document.js';
import {collapseBy, duplicateKey} from './duplicates.js';
import {asksForHidden} from './filters.js';
import {nameScore} from './name-score.js';
import {PhraseMatcher} from './phrase.js';
import {Postings} from './postings.js';
import {parseQuery, type ParsedQuery, type QueryFilter, type QueryTerm} from './query.js';
import {suggestQueries, Vocabulary} from './suggest.js';
import {FilterColumns} from './columns.js';
import {combineTokens, FIELD_COUNT, FIELDS, fuzzyDistance, FUZZY_WEIGHT, NAME_WEIGHT, PARAMS, PREFIX_WEIGHT, scoreTermInto, Term} from './scoring.js';

import {kthLargest, Scratch} from './scratch.js';

export {kthLargest} from './scratch.js';
import {TextFilterIndex, wordsOf} from './text-filter-index.js';
import {indexTokens, queryTokens} from './tokenize.js';

export type {SearchDocument} from './document.js';

/** Options of one search. */
export type SearchOptions = {
	/** Hits to return (default 20). */
	limit?: number;
	/** Hits to skip (default 0). */
	offset?: number;
	/** Include hidden plugins (also implied by `is:hidden`). */
	includeHidden?: boolean;
	/** Collapse the same plugin across formats: true = the default preference, or a format order. */
	collapse?: boolean | readonly Format[];
	/** Offer "did you mean" when nothing matches (default true). */
	suggest?: boolean;
};

/** One search hit. */
export type SearchHit = {
	summary: PluginSummary;
	/** Relevance (higher is better); 0 for queries without free words (ordered by name). */
	score: number;
	/** With `collapse`: the same plugin in the other formats. */
	others?: PluginSummary[];
};

/** A page of hits with the total count of matches. */
export type SearchResult = {
	hits: SearchHit[];
	/** Matches in all (after filters and collapsing), not only this page. */
	total: number;
	/** Corrected queries that find something, when this one found nothing. */
	suggestions?: string[];
	/** The parsed query. */
	query: ParsedQuery;
};

type Entry = {document: SearchDocument; slot: number; sortName: string; key?: string};
type Ranked = {entry: Entry; score: number};




/** A text of a document field: its tokens (for the vocabulary) and their terms. */
type Analysed = {tokens: string[]; terms: Term[]};

/**
 * The search index (docs/architecture.md, Search): an inverted index over name, vendor, category, format, tags and
 * parameter words (prefix + fuzzy, name boosted, scored exactly as MiniSearch's BM25+ with the same
 * options), plus precomputed columns and value indexes for the query language's filters, ranking,
 * collapsing and "did you mean". Built once from the store, then kept current with `upsert`
 * and `remove` (no rebuild).
 *
 * Layout: each document has a slot (a small integer); posting lists are sorted Int32Arrays of
 * slots, per term and field; filter columns (format, category, flags, counts, field lengths) are
 * typed arrays indexed by slot; `vendor:` `tag:` `param:` go through TextFilterIndex (distinct
 * values → slots). A search accumulates scores in typed arrays, filters the matched slots, and
 * builds hit objects for the returned page only.
 *
 * Cost: build is linear in the catalog's words; a search is linear in the postings of the query's
 * terms (and their prefix/fuzzy expansions) plus O(m log m) for the m hits that could reach the page;
 * a query without words is a linear pass over the name-sorted slots with cheap column tests.
 */
export class SearchIndex {
	/** Builds an index from documents (see `loadSearchDocuments`). */
	static build(documents: Iterable<SearchDocument>): SearchIndex {
		const index = new SearchIndex();
		for (const document of documents) {
			index.add(document);
		}

		index.trim();
		return index;
	}

	/**
	 * Restores an index from `toJSON()` output and the same documents it was built from. Building is
	 * as fast as reading a serialised inverted index would be, so this rebuilds from the documents
	 * (the persisted form only records which plugins it held).
	 */
	static load(json: string, documents: Iterable<SearchDocument>): SearchIndex {
		const parsed = JSON.parse(json) as {version?: number};
		if (parsed.version !== persistedVersion) {
			throw new Error(`Unknown search index format (version ${String(parsed.version)}); rebuild it with SearchIndex.build`);
		}

		return SearchIndex.build(documents);
	}

	private readonly slotOf = new Map<string, number>();
	private entries: Array<Entry | undefined> = [];
	private readonly vocabulary = new Vocabulary();
	/** Every term (for prefix and fuzzy expansion) and the same as a plain map (exact lookups). */
	private readonly terms = new SearchableMap<Term>();
	private readonly termOf = new Map<string, Term>();
	/** Analysed texts of the name/vendor/category/format/tags fields, by text. */
	private readonly analysed = new Map<string, Analysed>();
	private readonly vendors = new TextFilterIndex<undefined>(() => undefined);
	private readonly tags = new TextFilterIndex<undefined>(() => undefined);
	/** Parameter names; each holds the terms of its words (the params field). */
	private readonly parameters = new TextFilterIndex<Term[]>((_, words) => words.map(word => this.term(word)));
	private readonly avgFieldLength = new Float64Array(FIELD_COUNT);
	private readonly columns = new FilterColumns();
	private capacity = 0;
	private fieldLength: Uint32Array[] = [];
	/** Scratch arrays of a search (indexed by slot), reused across searches; stamps avoid clearing. */
	private scratch: Scratch | undefined;
	private sorted: Int32Array | undefined;

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
		const list: SearchDocument[] = [];
		for (const entry of this.entries) {
			if (entry) {
				list.push(entry.document);
			}
		}

		return list;
	}

	/**
	 * Adds a plugin or replaces its previous version (after a scan or a curation change). A change of
	 * favourite/hidden/counts only (same texts) updates the columns in place. Documents must not be
	 * mutated after they are indexed (replace them with a new object instead).
	 */
	upsert(document: SearchDocument): void {
		const slot = this.slotOf.get(document.summary.id);
		const entry = slot === undefined ? undefined : this.entries[slot];
		if (entry && sameTexts(entry.document, document)) {
			entry.document = document;
			this.setColumns(entry.slot, document.summary);
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

		const entry = this.entries[slot]!;
		const {summary} = entry.document;
		const fields = this.fieldTerms(entry.document, slot, 'remove');
		const count = this.slotOf.size;
		for (let field = 0; field < FIELD_COUNT; field++) {
			// As MiniSearch keeps its average field lengths (scores stay identical).
			this.avgFieldLength[field] = count === 1 ? 0 : ((this.avgFieldLength[field] * count) - this.fieldLength[field][slot]) / (count - 1);
			for (const term of fields[field]) {
				const list = term.postings[field];
				list?.delete(slot);
				if (list?.size === 0) {
					term.postings[field] = undefined;
				}
			}
		}

		this.vocabulary.removeTokens(this.analyse(summary.name).tokens, wordsOf(summary.vendor));
		this.slotOf.delete(id);
		this.entries[slot] = undefined;
		this.sorted = undefined;
		this.maybeCompact();
		return true;
	}

	/** The persisted form (see `SearchIndex.load`): the format version and the plugin ids. */
	toJSON(): string {
		return JSON.stringify({version: persistedVersion, ids: [...this.slotOf.keys()]});
	}

	/**
	 * Runs a query (a string in the query language, or parsed). Throws QueryError for a malformed
	 * query string; nothing else. Results are ranked by relevance when the query has free words,
	 * else by name.
	 */
	search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResult {
		const parsed = typeof query === 'string' ? parseQuery(query) : query;
		const limit = Math.max(0, options.limit ?? 20);
		const offset = Math.max(0, options.offset ?? 0);
		const window = options.collapse ? Number.POSITIVE_INFINITY : offset + limit;
		const {ranked, total} = this.rank(parsed, options.includeHidden === true || asksForHidden(parsed.filters), window);
		let result: SearchResult;
		if (options.collapse) {
			const preference = options.collapse === true ? DEFAULT_FORMAT_PREFERENCE : options.collapse;
			const collapsed = collapseBy(ranked, item => (item.entry.key ??= duplicateKey(item.entry.document.summary)), item => item.entry.document.summary.format, preference);
			const hits = collapsed.slice(offset, offset + limit)
				.map(({item, others}) => ({summary: item.entry.document.summary, score: item.score, others: others.map(other => other.entry.document.summary)}));
			result = {hits, total: collapsed.length, query: parsed};
		} else {
			const hits = ranked.slice(offset, offset + limit).map(item => ({summary: item.entry.document.summary, score: item.score}));
			result = {hits, total, query: parsed};
		}

		if (result.total === 0 && options.suggest !== false && parsed.terms.length + parsed.filters.length > 0) {
			const accept = (candidate: string): boolean => this.search(candidate, {...options, suggest: false, limit: 1}).total > 0;
			result.suggestions = suggestQueries(parsed, this.vocabulary, accept);
		}

		return result;
	}

	private add(document: SearchDocument): void {
		const {summary} = document;
		const slot = this.entries.length;
		this.ensureCapacity(slot + 1);
		const entry: Entry = {document, slot, sortName: nocaseKey(summary.name)};
		this.entries.push(entry);
		this.slotOf.set(summary.id, slot);
		this.setColumns(slot, summary);
		const fields = this.fieldTerms(document, slot, 'add');
		const count = this.slotOf.size - 1;
		for (let field = 0; field < FIELD_COUNT; field++) {
			const terms = fields[field];
			// A field's length as MiniSearch counts it (its distinct tokens); the parameter field of a
			// plugin without parameter words counts 1 (MiniSearch saw one empty token there).
			const length = field === PARAMS && terms.length === 0 ? 1 : terms.length;
			this.fieldLength[field][slot] = length;
			this.avgFieldLength[field] = ((this.avgFieldLength[field] * count) + length) / (count + 1);
			for (const term of terms) {
				(term.postings[field] ??= new Postings(1)).add(slot);
			}
		}

		this.vocabulary.addTokens(this.analyse(summary.name).tokens, wordsOf(summary.vendor));
		this.sorted = undefined;
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

	/** The tokens and terms of a text (`indexTokens`), cached by text. */
	private analyse(text: string): Analysed {
		let analysed = this.analysed.get(text);
		if (!analysed) {
			const tokens = indexTokens(text);
			analysed = {tokens, terms: tokens.map(token => this.term(token))};
			this.analysed.set(text, analysed);
		}

		return analysed;
	}

	/** The term of a token, created on first use. */
	private term(text: string): Term {
		let term = this.termOf.get(text);
		if (!term) {
			term = new Term(text);
			this.termOf.set(text, term);
			this.terms.set(text, term);
		}

		return term;
	}

	private setColumns(slot: number, summary: PluginSummary): void {
		this.columns.set(slot, summary);
	}

	private ensureCapacity(wanted: number): void {
		if (wanted <= this.capacity) {
			return;
		}

		const capacity = Math.max(64, wanted, this.capacity * 2);
		this.fieldLength = FIELDS.map((_, field) => {
			const next = new Uint32Array(capacity);
			next.set(this.fieldLength[field] ?? new Uint32Array(0));
			return next;
		});
		this.columns.grow(capacity);
		this.capacity = capacity;
		this.scratch = undefined;
	}

	private trim(): void {
		for (const term of this.termOf.values()) {
			for (const list of term.postings) {
				list?.trim();
			}
		}

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

	private scratchArrays(): Scratch {
		this.scratch ??= new Scratch(this.capacity);
		return this.scratch;
	}

	private rank(query: ParsedQuery, includeHidden: boolean, window: number): {ranked: Ranked[]; total: number} {
		const positive = query.terms.filter(term => !term.negated);
		const tokens = queryTokens(positive.map(term => term.text).join(' '));
		const keep = this.keeper(query, includeHidden);
		if (tokens.length === 0) {
			return this.byName(keep, window);
		}

		const scratch = this.scratchArrays();
		const perToken = tokens.map(token => this.tokenResults(token, true, scratch));
		let {slots, scores} = combineTokens(perToken, 'and', scratch);
		if (slots.length === 0 && tokens.length > 1) {
			({slots, scores} = combineTokens(perToken, 'or', scratch));
		}

		const kept: number[] = [];
		const keptScores: number[] = [];
		for (let i = 0; i < slots.length; i++) {
			if (keep(slots[i])) {
				kept.push(slots[i]);
				keptScores.push(scores[i]);
			}
		}

		return {ranked: this.reorderHead(kept, keptScores, tokens, window), total: kept.length};
	}

	/** One query token's matches: slots and scores (see scoreToken), copied out of the scratch arrays. */
	private tokenResults(token: string, fuzzy: boolean, scratch: Scratch): {slots: Int32Array; scores: Float64Array} {
		const stamp = scratch.nextStamp();
		const count = this.scoreToken(token, fuzzy, scratch, stamp);
		const slots = scratch.tokenTouched.slice(0, count);
		const scores = new Float64Array(count);
		for (let i = 0; i < count; i++) {
			scores[i] = scratch.tokenScore[slots[i]];
		}

		return {slots, scores};
	}

	/** Scores one query token into scratch.tokenScore (slots listed in scratch.tokenTouched); returns how many slots. */
	private scoreToken(term: string, fuzzy: boolean, scratch: Scratch, stamp: number): number {
		const stats = {documentCount: this.slotOf.size, avgFieldLength: this.avgFieldLength, fieldLength: this.fieldLength};
		let count = scoreTermInto(this.termOf.get(term), 1, stats, scratch, stamp, 0);
		const prefixMatches = this.terms.atPrefix(term);
		const distance = fuzzy ? fuzzyDistance(term) : 0;
		const fuzzyMatches = distance > 0 ? this.terms.fuzzyGet(term, distance) : undefined;
		for (const [derived, data] of prefixMatches) {
			const extra = derived.length - term.length;
			if (!extra) {
				continue;
			}

			fuzzyMatches?.delete(derived);
			const weight = PREFIX_WEIGHT * derived.length / (derived.length + (0.3 * extra));
			count = scoreTermInto(data, weight, stats, scratch, stamp, count);
		}

		if (fuzzyMatches) {
			for (const [derived, [data, edits]] of fuzzyMatches) {
				if (!edits) {
					continue;
				}

				const weight = FUZZY_WEIGHT * derived.length / (derived.length + edits);
				count = scoreTermInto(data, weight, stats, scratch, stamp, count);
			}
		}

		return count;
	}


	/** The test a slot must pass besides the free words: hidden, negated words, phrases and filters. */
	private keeper(query: ParsedQuery, includeHidden: boolean): (slot: number) => boolean {
		const checks: Array<(slot: number) => boolean> = [];
		if (!includeHidden) {
			checks.push(this.columns.visible());
		}

		const excluded = this.excludedSlots(query.terms.filter(term => term.negated));
		if (excluded) {
			checks.push(slot => excluded[slot] === 0);
		}

		for (const filter of query.filters) {
			const check = this.filterCheck(filter);
			checks.push(filter.negated ? slot => !check(slot) : check);
		}

		const phrases = query.terms.filter(term => !term.negated && term.phrase).map(term => new PhraseMatcher(term.text));
		if (phrases.length > 0) {
			checks.push(slot => phrases.every(phrase => phrase.matches(this.entries[slot]!.document)));
		}

		return slot => checks.every(check => check(slot));
	}

	/** The test of one filter (ignoring its negation), on the columns and value indexes. */
	private filterCheck(filter: QueryFilter): (slot: number) => boolean {
		switch (filter.field) {
			case 'vendor':
			case 'tag':
			case 'param': {
				const values = filter.field === 'vendor' ? this.vendors : filter.field === 'tag' ? this.tags : this.parameters;
				const marks = new Uint8Array(this.capacity);
				values.mark(filter.value, marks);
				return slot => marks[slot] === 1;
			}

			default: {
				return this.columns.check(filter);
			}
		}
	}

	/** Marks (1) the slots matching a negated word or phrase (prefix match, no fuzzy), or undefined when none is negated. */
	private excludedSlots(negated: QueryTerm[]): Uint8Array | undefined {
		let excluded: Uint8Array | undefined;
		for (const term of negated) {
			const tokens = queryTokens(term.text);
			if (tokens.length === 0) {
				continue;
			}

			excluded ??= new Uint8Array(this.capacity);
			const phrase = term.phrase ? new PhraseMatcher(term.text) : undefined;
			const scratch = this.scratchArrays();
			for (const slot of combineTokens(tokens.map(token => this.tokenResults(token, false, scratch)), 'and', scratch).slots) {
				if (!phrase || phrase.matches(this.entries[slot]!.document)) {
					excluded[slot] = 1;
				}
			}
		}

		return excluded;
	}

	/**
	 * Raises each score by up to NAME_WEIGHT with the name-match score and sorts, so the first `window`
	 * hits are exactly those of a full sort by (boosted score, name). Only the head that could reach
	 * the window is rescored: a hit whose raw score is below the window-th raw score /
	 * (1 + NAME_WEIGHT) cannot. Of the head, only the hits whose boosted score is at least the
	 * window-th boosted score are sorted and returned: with a finite window the result holds at
	 * least the first `window` hits (callers read no further; `total` is counted apart), with an
	 * unbounded one (collapse) every hit, all rescored.
	 */
	private reorderHead(slots: number[], scores: number[], tokens: string[], window: number): Ranked[] {
		if (slots.length === 0) {
			return [];
		}

		const pivot = kthLargest(scores, Math.min(slots.length, window));
		const floor = pivot / (1 + NAME_WEIGHT);
		const nameScores = new Map<string, number>();
		const head: Ranked[] = [];
		const tail: Ranked[] = [];
		// Hits past a finite window are never read: only an unbounded window (collapse) keeps them.
		const keepTail = !Number.isFinite(window);
		for (let i = 0; i < slots.length; i++) {
			if (scores[i] < floor && !keepTail) {
				continue;
			}

			const entry = this.entries[slots[i]]!;
			if (scores[i] >= floor) {
				const {name} = entry.document.summary;
				let boost = nameScores.get(name);
				if (boost === undefined) {
					boost = 1 + (NAME_WEIGHT * nameScore(tokens, name));
					nameScores.set(name, boost);
				}

				head.push({entry, score: scores[i] * boost});
			} else {
				tail.push({entry, score: scores[i]});
			}
		}

		let top = head;
		if (Number.isFinite(window) && head.length > 2 * window) {
			const threshold = kthLargest(head.map(item => item.score), window);
			top = [];
			for (const item of head) {
				if (item.score >= threshold) {
					top.push(item);
				}
			}
		}

		top.sort((a, b) => b.score - a.score || compareNames(a.entry, b.entry));
		return tail.length === 0 ? top : [...top, ...tail];
	}

	/** Queries without words: the kept slots in name order (score 0). */
	private byName(keep: (slot: number) => boolean, window: number): {ranked: Ranked[]; total: number} {
		const sorted = this.sortedSlots();
		const ranked: Ranked[] = [];
		let total = 0;
		for (const slot of sorted) {
			if (keep(slot)) {
				if (total < window) {
					ranked.push({entry: this.entries[slot]!, score: 0});
				}

				total++;
			}
		}

		return {ranked, total};
	}

	private sortedSlots(): Int32Array {
		if (!this.sorted) {
			const live = this.entries.filter(entry => entry !== undefined);
			live.sort(compareNames);
			this.sorted = Int32Array.from(live, entry => entry.slot);
		}

		return this.sorted;
	}
}

/** The `toJSON` format version. */
const persistedVersion = 2;

/** The name order (catalog/name-order.ts): ties of the boosted score, and queries without words. */
function compareNames(a: Entry, b: Entry): number {
	return compareByNameKey(a.sortName, a.document.summary, b.sortName, b.document.summary);
}

/** True when two versions of a document index the same texts (only flags or counts changed). */
function sameTexts(a: SearchDocument, b: SearchDocument): boolean {
	const [x, y] = [a.summary, b.summary];
	return x.id === y.id && x.name === y.name && x.vendor === y.vendor && x.category === y.category && x.format === y.format
		&& x.tags.length === y.tags.length && x.tags.every((tag, i) => tag === y.tags[i])
		&& (a.parameterNames === b.parameterNames
			|| (a.parameterNames.length === b.parameterNames.length && a.parameterNames.every((name, i) => name === b.parameterNames[i])));
}
