import {healthState, isBroken} from '../catalog/health.js';
import type {PluginSummary} from '../catalog/plugin.js';
import {matchesWordPrefix} from '../catalog/text.js';
import type {SearchDocument} from './document.js';
import type {Comparator, IsValue, QueryFilter} from './query.js';

/** The fields of a record the filters read: what a filter test needs, and nothing else. */
export type FilterFacts = Pick<PluginSummary, 'format' | 'category' | 'vendor' | 'tags' | 'parameterCount' | 'audioInputs' | 'audioOutputs'
	| 'isInstrument' | 'favorite' | 'hidden' | 'health' | 'warnings' | 'cpuPercent' | 'latencySamples'>;

/** What a filter test reads of a document (a SearchDocument is one). */
export type FilterDocument = {summary: FilterFacts; parameterNames: readonly string[]};

/** The test of one filter on a document, ignoring the filter's negation. */
export type DocumentTest = (document: FilterDocument) => boolean;

/**
 * The filter facts of a document as a small object of their own. An index keeps one per plugin,
 * made in one pass: read in name order over a large catalog, these stay in cache where whole
 * records do not (a filter-only query at 10k plugins: ~15 ms over records, well under 1 ms over
 * facts; docs/search.md).
 */
export function filterFacts({summary, parameterNames}: SearchDocument): FilterDocument {
	return {
		summary: {
			format: summary.format, category: summary.category, vendor: summary.vendor, tags: summary.tags, parameterCount: summary.parameterCount,
			audioInputs: summary.audioInputs, audioOutputs: summary.audioOutputs, isInstrument: summary.isInstrument, favorite: summary.favorite,
			hidden: summary.hidden, health: summary.health, warnings: summary.warnings, cpuPercent: summary.cpuPercent, latencySamples: summary.latencySamples,
		},
		parameterNames,
	};
}

/** The facts of every slot that an index may keep as columns (slot-columns.ts) for the filters of `columnTest`. */
export type FilterColumns = {
	readonly format: {texts: string[]; codes: Uint32Array};
	readonly category: {texts: string[]; codes: Uint32Array};
	readonly parameterCount: Int32Array;
	readonly audioInputs: Int32Array;
	readonly audioOutputs: Int32Array;
};

/** A filter that tests one exact text or one count of a record (and so can read a column instead). */
export type ColumnTest =
	| {kind: 'text'; column: 'format' | 'category'; test: (text: string) => boolean}
	| {kind: 'count'; column: 'parameterCount' | 'audioInputs' | 'audioOutputs'; test: (count: number) => boolean};

/** The test of `format:` `cat:` `params` `in` `out` (ignoring negation) as a test of one fact; undefined for other filters. */
export function columnTest(filter: QueryFilter): ColumnTest | undefined {
	switch (filter.field) {
		case 'format':
		case 'category': {
			return {kind: 'text', column: filter.field, test: text => text === filter.value};
		}

		case 'params':
		case 'in':
		case 'out': {
			return {kind: 'count', column: filter.field === 'params' ? 'parameterCount' : filter.field === 'in' ? 'audioInputs' : 'audioOutputs', test: comparison(filter.op, filter.value)};
		}

		default: {
			return undefined;
		}
	}
}

/**
 * The one meaning of each filter of the query language (docs/search.md): `vendor:`, `param:` and
 * `tag:` match a word start (`matchesWordPrefix`, as `list --vendor` does), `format:` and `cat:`
 * the exact name, `is:` a flag, `params` `in` `out` compare counts. The search index answers the
 * word-start filters from its value indexes (same rule, fewer tests), the `columnTest` filters from
 * its columns, and every other filter with this test. Cost: `param:` is linear in the plugin's parameter names; the rest are constant.
 */
export function filterTest(filter: QueryFilter): DocumentTest {
	switch (filter.field) {
		case 'vendor': {
			return ({summary}) => matchesWordPrefix(summary.vendor, filter.value);
		}

		case 'param': {
			return ({parameterNames}) => parameterNames.some(name => matchesWordPrefix(name, filter.value));
		}

		case 'tag': {
			return ({summary}) => summary.tags.some(tag => matchesWordPrefix(tag, filter.value));
		}

		case 'format':
		case 'category':
		case 'params':
		case 'in':
		case 'out': {
			const fact = columnTest(filter)!;
			if (fact.kind === 'text') {
				const {column, test} = fact;
				return ({summary}) => test(summary[column]);
			}

			const {column, test} = fact;
			return ({summary}) => test(summary[column]);
		}

		case 'is': {
			return ({summary}) => matchesIs(summary, filter.value);
		}

		case 'health': {
			return ({summary}) => healthState(summary) === filter.value;
		}

		case 'warn': {
			return ({summary}) => summary.warnings?.includes(filter.value) ?? false;
		}

		case 'cpu':
		case 'latency': {
			const test = comparison(filter.op, filter.value);
			const field = filter.field === 'cpu' ? 'cpuPercent' : 'latencySamples';
			return ({summary}) => {
				const value = summary[field];
				return value !== null && value !== undefined && test(value);
			};
		}
	}
}

/** The `is:` flags. */
function matchesIs(summary: FilterFacts, value: IsValue): boolean {
	switch (value) {
		case 'instrument': {
			return summary.isInstrument;
		}

		case 'effect': {
			return !summary.isInstrument;
		}

		case 'fav': {
			return summary.favorite;
		}

		case 'hidden': {
			return summary.hidden;
		}

		case 'broken': {
			return isBroken(healthState(summary));
		}

		case 'checked': {
			return summary.health !== undefined;
		}
	}
}

/** True when the document passes every filter (a negated filter passes when its match fails). */
export function passesFilters(document: SearchDocument, filters: readonly QueryFilter[]): boolean {
	return filters.every(filter => filterTest(filter)(document) !== filter.negated);
}

/** A comparator of the query language as a test of a count. */
function comparison(op: Comparator, wanted: number): (actual: number) => boolean {
	switch (op) {
		case '>': {
			return actual => actual > wanted;
		}

		case '<': {
			return actual => actual < wanted;
		}

		case '>=': {
			return actual => actual >= wanted;
		}

		case '<=': {
			return actual => actual <= wanted;
		}

		case '=': {
			return actual => actual === wanted;
		}
	}
}

/** True when the query asks for hidden plugins explicitly (`is:hidden`), so they are not left out. */
export function asksForHidden(filters: readonly QueryFilter[]): boolean {
	return filters.some(filter => filter.field === 'is' && filter.value === 'hidden' && !filter.negated);
}
