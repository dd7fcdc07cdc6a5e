import MiniSearch, {type Options, type SearchResult as MiniResult} from 'minisearch';
import type {Format, PluginSummary} from '../catalog/plugin.js';
import {matchesWordPrefix, words} from '../catalog/text.js';
import type {SearchDocument} from './document.js';
import {collapseBy, DEFAULT_FORMAT_PREFERENCE, duplicateKey} from './duplicates.js';
import {asksForHidden, passesFilters} from './filters.js';
import {nameScore} from './name-score.js';
import {parseQuery, type ParsedQuery, type QueryTerm} from './query.js';
import {suggestQueries, Vocabulary} from './suggest.js';
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

/** What MiniSearch indexes per plugin. */
type IndexedFields = {id: string; name: string; vendor: string; category: string; format: string; tags: string; params: string};

type Entry = {document: SearchDocument; key: string; sortName: string};
type Ranked = {entry: Entry; score: number};

/** Field weights: a name match counts most, parameter names least. */
export const FIELD_BOOST = {name: 3, vendor: 1.5, category: 1.5, tags: 1.5, format: 1, params: 0.5};
/** A hit's score is multiplied by up to 1 + NAME_WEIGHT by its name-match score (orders near-ties). */
export const NAME_WEIGHT = 0.25;

const miniOptions: Options<IndexedFields> = {
	idField: 'id',
	fields: ['name', 'vendor', 'category', 'format', 'tags', 'params'],
	storeFields: [],
	tokenize: (text, field) => field === 'params' ? text.split(' ') : indexTokens(text),
	processTerm: term => term,
	searchOptions: {
		boost: FIELD_BOOST,
		prefix: true,
		fuzzy: term => term.length > 5 ? 0.2 : false,
		weights: {fuzzy: 0.3, prefix: 0.375},
		maxFuzzy: 2,
		combineWith: 'AND',
		tokenize: queryTokens,
	},
};

/**
 * The search index of DESIGN §6: MiniSearch over name, vendor, category, format, tags and
 * parameter names (fuzzy + prefix, name boosted), plus the query language's filters, ranking,
 * collapsing and "did you mean". Built once from the store, then kept current with `upsert`
 * and `remove` (no rebuild). Cost: build is linear in the catalog; a search is dominated by
 * MiniSearch's lookup and is linear in the matches.
 */
export class SearchIndex {
	/** Builds an index from documents (see `loadSearchDocuments`). */
	static build(documents: Iterable<SearchDocument>): SearchIndex {
		const index = new SearchIndex(new MiniSearch(miniOptions));
		const batch: IndexedFields[] = [];
		for (const document of documents) {
			batch.push(index.remember(document));
		}

		index.mini.addAll(batch);
		return index;
	}

	/**
	 * Restores an index from `toJSON()` output and the same documents it was built from (the
	 * persisted form holds only the inverted index, not the records).
	 */
	static load(json: string, documents: Iterable<SearchDocument>): SearchIndex {
		const index = new SearchIndex(MiniSearch.loadJSON(json, miniOptions));
		for (const document of documents) {
			index.remember(document);
		}

		return index;
	}

	private readonly entries = new Map<string, Entry>();
	private readonly vocabulary = new Vocabulary();
	private sorted: Entry[] | undefined;

	private constructor(private readonly mini: MiniSearch<IndexedFields>) {}

	/** Number of plugins in the index. */
	get size(): number {
		return this.entries.size;
	}

	/** The document of a plugin id, if indexed. */
	get(id: string): SearchDocument | undefined {
		return this.entries.get(id)?.document;
	}

	/** All documents, in no particular order. */
	documents(): SearchDocument[] {
		return [...this.entries.values()].map(entry => entry.document);
	}

	/** Adds a plugin or replaces its previous version (after a scan or a curation change). */
	upsert(document: SearchDocument): void {
		this.remove(document.summary.id);
		this.mini.add(this.remember(document));
	}

	/** Removes a plugin; true when it was indexed. */
	remove(id: string): boolean {
		const entry = this.entries.get(id);
		if (!entry) {
			return false;
		}

		this.mini.discard(id);
		this.entries.delete(id);
		this.vocabulary.remove(entry.document.summary.name, entry.document.summary.vendor);
		this.sorted = undefined;
		return true;
	}

	/** The persisted form of the inverted index (see `SearchIndex.load`). */
	toJSON(): string {
		return JSON.stringify(this.mini);
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
		const ranked = this.rank(parsed, options.includeHidden === true || asksForHidden(parsed.filters), window);
		let hits: SearchHit[];
		if (options.collapse) {
			const preference = options.collapse === true ? DEFAULT_FORMAT_PREFERENCE : options.collapse;
			hits = collapseBy(ranked, item => item.entry.key, item => item.entry.document.summary.format, preference)
				.map(({item, others}) => ({summary: item.entry.document.summary, score: item.score, others: others.map(other => other.entry.document.summary)}));
		} else {
			hits = ranked.map(item => ({summary: item.entry.document.summary, score: item.score}));
		}

		const result: SearchResult = {hits: hits.slice(offset, offset + limit), total: hits.length, query: parsed};
		if (hits.length === 0 && options.suggest !== false && parsed.terms.length + parsed.filters.length > 0) {
			const accept = (candidate: string): boolean => this.search(candidate, {...options, suggest: false, limit: 1}).total > 0;
			result.suggestions = suggestQueries(parsed, this.vocabulary, accept);
		}

		return result;
	}

	private remember(document: SearchDocument): IndexedFields {
		const {summary} = document;
		this.entries.set(summary.id, {document, key: duplicateKey(summary), sortName: summary.name.toLowerCase()});
		this.vocabulary.add(summary.name, summary.vendor);
		this.sorted = undefined;
		return {
			id: summary.id,
			name: summary.name,
			vendor: summary.vendor,
			category: summary.category,
			format: summary.format,
			tags: summary.tags.join(' '),
			params: parameterWords(document.parameterNames),
		};
	}

	private rank(query: ParsedQuery, includeHidden: boolean, window: number): Ranked[] {
		const positive = query.terms.filter(term => !term.negated);
		const tokens = queryTokens(positive.map(term => term.text).join(' '));
		const excluded = this.excludedIds(query.terms.filter(term => term.negated));
		const paramCandidates = this.paramCandidates(query);
		const phrases = positive.filter(term => term.phrase);
		const keep = (entry: Entry): boolean => (includeHidden || !entry.document.summary.hidden)
			&& !excluded.has(entry.document.summary.id)
			&& (paramCandidates === undefined || paramCandidates.has(entry.document.summary.id))
			&& phrases.every(phrase => matchesPhrase(entry.document, phrase.text))
			&& passesFilters(entry.document, query.filters);
		if (tokens.length === 0) {
			return this.byName().filter(entry => keep(entry)).map(entry => ({entry, score: 0}));
		}

		let found = this.mini.search(tokens.join(' '));
		if (found.length === 0 && tokens.length > 1) {
			found = this.mini.search(tokens.join(' '), {combineWith: 'OR'});
		}

		const ranked: Ranked[] = [];
		for (const result of found) {
			const entry = this.entries.get(result.id as string);
			if (entry && keep(entry)) {
				ranked.push({entry, score: result.score});
			}
		}

		return this.reorderHead(ranked, tokens, window);
	}

	/**
	 * Raises each score by up to NAME_WEIGHT with the name-match score and re-sorts. Only the head
	 * that could change places within the first `window` hits is rescored: a hit whose raw score
	 * is below the window-th raw score / (1 + NAME_WEIGHT) cannot move into the window.
	 */
	private reorderHead(ranked: Ranked[], tokens: string[], window: number): Ranked[] {
		if (ranked.length === 0) {
			return ranked;
		}

		const pivot = ranked[Math.min(ranked.length, window) - 1]?.score ?? 0;
		const floor = pivot / (1 + NAME_WEIGHT);
		let headEnd = 0;
		while (headEnd < ranked.length && ranked[headEnd].score >= floor) {
			const item = ranked[headEnd];
			item.score *= 1 + NAME_WEIGHT * nameScore(tokens, item.entry.document.summary.name);
			headEnd++;
		}

		const head = ranked.slice(0, headEnd).sort((a, b) => b.score - a.score || a.entry.sortName.localeCompare(b.entry.sortName));
		return headEnd === ranked.length ? head : [...head, ...ranked.slice(headEnd)];
	}

	private byName(): Entry[] {
		this.sorted ??= [...this.entries.values()].sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0)
			|| a.document.summary.format.localeCompare(b.document.summary.format) || a.document.summary.id.localeCompare(b.document.summary.id));
		return this.sorted;
	}

	private excludedIds(negated: QueryTerm[]): Set<string> {
		const ids = new Set<string>();
		for (const term of negated) {
			const tokens = queryTokens(term.text);
			if (tokens.length === 0) {
				continue;
			}

			for (const result of this.mini.search(tokens.join(' '), {fuzzy: false, prefix: true, combineWith: 'AND'}) as MiniResult[]) {
				if (!term.phrase || matchesPhrase(this.entries.get(result.id as string)!.document, term.text)) {
					ids.add(result.id as string);
				}
			}
		}

		return ids;
	}

	/** Ids that can pass the positive `param:` filters (narrowed through the index), or undefined = any. */
	private paramCandidates(query: ParsedQuery): Set<string> | undefined {
		let candidates: Set<string> | undefined;
		for (const filter of query.filters) {
			const tokens = filter.field === 'param' && !filter.negated ? words(filter.value) : [];
			if (tokens.length === 0) {
				continue;
			}

			const found = this.mini.search(tokens.join(' '), {fields: ['params'], fuzzy: false, prefix: true, combineWith: 'AND', tokenize: text => text.split(' ')});
			const ids = new Set(found.map(result => result.id as string));
			candidates = candidates ? new Set([...candidates].filter(id => ids.has(id))) : ids;
		}

		return candidates;
	}
}

const wordCache = new Map<string, string[]>();

/**
 * The distinct words of parameter names, space-separated (the params field is pre-tokenised).
 * Names repeat across plugins ("Bypass", "Output Gain"), so their words are cached.
 */
function parameterWords(names: readonly string[]): string {
	const all = new Set<string>();
	for (const name of names) {
		let list = wordCache.get(name);
		if (!list) {
			list = words(name);
			if (wordCache.size > 200_000) {
				wordCache.clear();
			}

			wordCache.set(name, list);
		}

		for (const word of list) {
			all.add(word);
		}
	}

	return [...all].join(' ');
}

/** True when a phrase's words appear in order in the name, vendor, category, a tag or a parameter name. */
function matchesPhrase({summary, parameterNames}: SearchDocument, phrase: string): boolean {
	return [summary.name, summary.vendor, summary.category, ...summary.tags, ...parameterNames]
		.some(text => matchesWordPrefix(text, phrase));
}
