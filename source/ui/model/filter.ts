import type {PluginSummary} from '../../catalog/plugin.js';
import {matchesWordPrefix} from '../../catalog/text.js';
import {asksForHidden, passesFilters} from '../../search/filters.js';
import type {SearchIndex} from '../../search/index.js';
import {parseQuery, QueryError, type ParsedQuery} from '../../search/query.js';
import {count} from './format.js';
import {sortItems, type UiSort} from './sort.js';

/** What the explorer filters: the search index once built, else the plain list from the store. */
export type FilterSource =
	| {kind: 'index'; index: SearchIndex}
	| {kind: 'list'; items: readonly PluginSummary[]};

/** The outcome of a filter: the rows to show, or an error to show under the filter line. */
export type FilterResult = {
	items: readonly PluginSummary[];
	/** The query error as a sentence (the list then shows the last good result's items: none). */
	error?: string;
	/** 1-based column of the error in the query. */
	errorColumn?: number;
	/** "Did you mean" queries when nothing matched. */
	suggestions?: string[];
	/** True when the query has free words (so `best` means relevance). */
	hasWords: boolean;
};

/**
 * Runs the filter line's query (docs/architecture.md, Search) over the catalog and sorts the result. Never throws
 * for a malformed query: the error comes back as a sentence. Cost: one index search (or a linear
 * pass before the index exists) plus a sort when not `best`.
 */
export function runFilter(source: FilterSource, query: string, sort: UiSort): FilterResult {
	let parsed: ParsedQuery;
	try {
		parsed = parseQuery(query);
	} catch (error) {
		if (error instanceof QueryError) {
			return {items: [], error: error.message, errorColumn: error.column, hasWords: false};
		}

		throw error;
	}

	const hasWords = parsed.terms.some(term => !term.negated);
	if (source.kind === 'index') {
		const result = source.index.search(parsed, {limit: Number.MAX_SAFE_INTEGER});
		const items = result.hits.map(hit => hit.summary);
		const filterResult: FilterResult = {items: sortItems(items, sort), hasWords};
		if (result.suggestions?.length) {
			filterResult.suggestions = result.suggestions;
		}

		return filterResult;
	}

	return {items: sortItems(plainFilter(source.items, parsed), sort), hasWords};
}

/**
 * The filter used for the moment between the first frame and the search index: filters of the
 * query language, and free words matching a word start of name, vendor, category or format.
 */
export function plainFilter(items: readonly PluginSummary[], parsed: ParsedQuery): readonly PluginSummary[] {
	const includeHidden = asksForHidden(parsed.filters);
	if (parsed.terms.length === 0 && parsed.filters.length === 0) {
		return includeHidden ? items : items.filter(item => !item.hidden);
	}

	return items.filter(summary => (includeHidden || !summary.hidden)
		&& passesFilters({summary, parameterNames: []}, parsed.filters)
		&& parsed.terms.every(term => [summary.name, summary.vendor, summary.category, summary.format]
			.some(text => matchesWordPrefix(text, term.text)) !== term.negated));
}

/** The line under the filter: the query error, or "did you mean" when nothing matched; else undefined. */
export function filterMessage(result: FilterResult): {text: string; error: boolean} | undefined {
	if (result.error) {
		return {text: result.error, error: true};
	}

	if (result.items.length === 0 && result.suggestions?.length) {
		return {text: `Nothing matches; did you mean: ${result.suggestions.slice(0, 3).join('  ')}`, error: false};
	}

	return undefined;
}

/** Rows the explorer list gets on a terminal of `rows` lines: all but the filter, header, status bar, hints and message. */
export function listHeightFor(rows: number, hasMessage: boolean): number {
	return Math.max(1, rows - 4 - (hasMessage ? 1 : 0));
}

/**
 * The status bar's left side: shown/total counts and the filter they are for. `query` must be the
 * query of the shown list (not the one being typed, which the list follows a moment later).
 * The format view (one row per format, not `grouped`) says so.
 */
export function statusText(shown: number, total: number, query: string, separator: string, grouped = true): string {
	const filter = query.trim() === '' ? '' : ` ${separator} filter: ${query.trim()}`;
	return `${count(shown)}/${count(total)} plugins${grouped ? '' : ` ${separator} by format`}${filter}`;
}
