import {DEFAULT_FORMAT_PREFERENCE, type Format, type PluginSummary} from '../catalog/plugin.js';
import {collapseBy, duplicateKey} from './duplicates.js';
import {expandQuery, type Group} from './expand.js';
import {asksForHidden, columnTest, filterTest, type FilterColumns, type FilterDocument} from './filters.js';
import {matchGroups} from './match.js';
import {PhraseMatcher} from './phrase.js';
import type {ParsedQuery, QueryFilter, QueryTerm} from './query.js';
import {rerank} from './rerank.js';
import type {NameWordTable} from './slot-columns.js';
import {combineTokens} from './scoring.js';
import type {Coded} from './saved-parts.js';
import type {Scratch} from './scratch.js';
import {suggestQueries, type Vocabulary} from './suggest.js';
import type {TermIndex} from './term-index.js';
import type {TextFilterIndex} from './text-filter-index.js';
import {queryTokens} from './tokenize.js';
import type {Entry} from './entry.js';

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
	/** Relevance within the hit's tier (see docs/search.md); 0 for queries without free words (ordered by name). */
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

/** What the query side reads of the index (see index.ts). */
export type IndexParts = {
	readonly terms: TermIndex;
	readonly vocabulary: Vocabulary;
	readonly vendors: TextFilterIndex<unknown>;
	readonly tags: TextFilterIndex<unknown>;
	readonly parameters: TextFilterIndex<unknown>;
	/** The entry of a live slot. */
	entry(slot: number): Entry;
	readonly capacity: number;
	/** Each slot's name as a number (names repeat across formats): what ranking reads of every matched slot. */
	readonly names: Coded;
	/** The numbers of each slot's name words that are not its vendor's words, for counting a name's other words (rerank.ts). */
	readonly words: NameWordTable;
	isHidden(slot: number): boolean;
	/** The facts `columnTest` filters read, as columns (the other filters read `filterDocument`). */
	readonly columns?: FilterColumns;
	/** What the filter tests read of a slot (filters.ts). */
	filterDocument(slot: number): FilterDocument;
	/** The name order of two slots (catalog/name-order.ts). */
	compareSlots(a: number, b: number): number;
	scratch(): Scratch;
	sortedSlots(): Int32Array;
	/** The live slots in ascending order (the order their facts sit in memory). */
	liveSlots(): Int32Array;
	search(query: string, options: SearchOptions): SearchResult;
};

type Ranked = {entry: Entry; score: number};

/**
 * The query side of the index: expand the query's words (expand.ts), match them (match.ts, whose
 * scores are MiniSearch's), keep the hits that pass hidden/negation/phrase/filter tests, re-rank
 * (rerank.ts), collapse formats, and offer "did you mean" when nothing matched.
 */
export function runSearch(index: IndexParts, parsed: ParsedQuery, options: SearchOptions): SearchResult {
	const limit = Math.max(0, options.limit ?? 20);
	const offset = Math.max(0, options.offset ?? 0);
	const window = options.collapse ? Number.POSITIVE_INFINITY : offset + limit;
	const {ranked, total} = rank(index, parsed, options.includeHidden === true || asksForHidden(parsed.filters), window);
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
		const accept = (candidate: string): boolean => index.search(candidate, {...options, suggest: false, limit: 1}).total > 0;
		result.suggestions = suggestQueries(parsed, index.vocabulary, accept);
	}

	return result;
}

function rank(index: IndexParts, query: ParsedQuery, includeHidden: boolean, window: number): {ranked: Ranked[]; total: number} {
	const tokens = queryTokens(query.terms.filter(term => !term.negated).map(term => term.text).join(' '));
	const keep = keeper(index, query, includeHidden);
	if (tokens.length === 0) {
		return byName(index, keep, window);
	}

	const {terms} = index;
	const groups = expandQuery(tokens, {
		has: (text, nameOnly) => terms.has(text, nameOnly ? 0 : undefined),
		hasPrefix: text => terms.hasPrefix(text),
		infixTerms: (text, limit) => terms.infixTerms(text, limit),
	});
	const matches = matchGroups(groups, terms, index.scratch());
	const kept = {slots: [] as number[], scores: [] as number[], levels: [] as number[]};
	for (let i = 0; i < matches.slots.length; i++) {
		if (keep(matches.slots[i])) {
			kept.slots.push(matches.slots[i]);
			kept.scores.push(matches.scores[i]);
			kept.levels.push(matches.levels[i]);
		}
	}

	const ranked = rerank(kept, {
		names: index.names,
		words: index.words,
		compare: (a, b) => index.compareSlots(a, b),
		typed: tokens,
		cover: coverTerms(groups),
	}, window);
	return {ranked: ranked.map(({slot, score}) => ({entry: index.entry(slot), score})), total: kept.slots.length};
}

/**
 * Every term the query's words may match through, except the name terms found to hold a typed word
 * (the infix rule): such a term is a whole name word, and the words it would cover are the name's
 * own other words ("ZaMultiComp" holds "comp", but "za" and "multi" were not asked for).
 */
function coverTerms(groups: readonly Group[]): string[] {
	return [...new Set(groups.flatMap(group => group.alternatives.filter(alternative => !alternative.inside).flatMap(alternative => alternative.terms)))];
}

/** The test a slot must pass besides the free words: hidden, negated words, phrases and filters. */
function keeper(index: IndexParts, query: ParsedQuery, includeHidden: boolean): (slot: number) => boolean {
	const checks: Array<(slot: number) => boolean> = [];
	if (!includeHidden) {
		checks.push(slot => !index.isHidden(slot));
	}

	const excluded = excludedSlots(index, query.terms.filter(term => term.negated));
	if (excluded) {
		checks.push(slot => excluded[slot] === 0);
	}

	for (const filter of query.filters) {
		const check = filterCheck(index, filter);
		checks.push(filter.negated ? slot => !check(slot) : check);
	}

	const phrases = query.terms.filter(term => !term.negated && term.phrase).map(term => new PhraseMatcher(term.text));
	if (phrases.length > 0) {
		checks.push(slot => phrases.every(phrase => phrase.matches(index.entry(slot).document)));
	}

	return slot => {
		for (let i = 0; i < checks.length; i++) {
			if (!checks[i](slot)) {
				return false;
			}
		}

		return true;
	};
}

/** The test of one filter (ignoring its negation): word-start filters through the value indexes, the rest as filters.ts says. */
function filterCheck(index: IndexParts, filter: QueryFilter): (slot: number) => boolean {
	if (filter.field === 'vendor' || filter.field === 'tag' || filter.field === 'param') {
		const values = filter.field === 'vendor' ? index.vendors : filter.field === 'tag' ? index.tags : index.parameters;
		const marks = new Uint8Array(index.capacity);
		values.mark(filter.value, marks);
		return slot => marks[slot] === 1;
	}

	const fact = columnTest(filter);
	if (fact && index.columns) {
		if (fact.kind === 'text') {
			// Each distinct text is tested once.
			const {texts, codes} = index.columns[fact.column];
			const {test} = fact;
			const passes = Uint8Array.from(texts, text => (test(text) ? 1 : 0));
			return slot => passes[codes[slot]] === 1;
		}

		const {test} = fact;
		const values = index.columns[fact.column];
		return slot => test(values[slot]);
	}

	const test = filterTest(filter);
	return slot => test(index.filterDocument(slot));
}

/** Marks (1) the slots matching a negated word or phrase (prefix match, no fuzzy), or undefined when none is negated. */
function excludedSlots(index: IndexParts, negated: QueryTerm[]): Uint8Array | undefined {
	let excluded: Uint8Array | undefined;
	for (const term of negated) {
		const tokens = queryTokens(term.text);
		if (tokens.length === 0) {
			continue;
		}

		excluded ??= new Uint8Array(index.capacity);
		const phrase = term.phrase ? new PhraseMatcher(term.text) : undefined;
		const scratch = index.scratch();
		const perToken = tokens.map(token => index.terms.tokenMatches(token, {prefix: true, fuzzy: false}, scratch));
		for (const slot of combineTokens(perToken, 'and', scratch).slots) {
			if (!phrase || phrase.matches(index.entry(slot).document)) {
				excluded[slot] = 1;
			}
		}
	}

	return excluded;
}

/**
 * Queries without words: the kept slots in name order (score 0). Every live slot is tested, in slot
 * order (their facts sit in that order in memory), then read in name order.
 */
function byName(index: IndexParts, keep: (slot: number) => boolean, window: number): {ranked: Ranked[]; total: number} {
	const kept = new Uint8Array(index.capacity);
	let total = 0;
	for (const slot of index.liveSlots()) {
		if (keep(slot)) {
			kept[slot] = 1;
			total++;
		}
	}

	const ranked: Ranked[] = [];
	const sorted = index.sortedSlots();
	for (let at = 0; at < sorted.length && ranked.length < Math.min(window, total); at++) {
		if (kept[sorted[at]] === 1) {
			ranked.push({entry: index.entry(sorted[at]), score: 0});
		}
	}

	return {ranked, total};
}
