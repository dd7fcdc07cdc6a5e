import type {Store} from '../db/open.js';
import {keyRangeStarts, parameterNamesInRange, parameterNamesOf} from '../db/queries/parameters.js';
import {listSummaries} from '../db/queries/plugins.js';
import type {SearchDocument} from './document.js';
import {NameInterner} from './name-interner.js';

/**
 * Reads every catalogued (unshadowed) plugin with its distinct parameter names, hidden ones
 * included (the index filters them per query). Cost: one scan over plugins and one aggregate per
 * range of plugin keys over parameters — never a query per plugin; parameter names are interned
 * (one string per distinct name, however many plugins share it).
 */
export function loadSearchDocuments(store: Store): SearchDocument[] {
	const names = new Map<string, string[]>();
	const interner = new NameInterner();
	for (const start of keyRangeStarts(store)) {
		readParameterNames(store, start, interner, names);
	}

	const documents: SearchDocument[] = [];
	for (const summary of listSummaries(store, {includeHidden: true})) {
		documents.push({summary, parameterNames: names.get(summary.id) ?? []});
	}

	return documents;
}

/**
 * Adds the distinct, interned parameter names of the plugins in one key range (see
 * parameterNamesInRange) to `names`: the one way the index reads names, whole or in time slices.
 */
export function readParameterNames(store: Store, start: number, interner: NameInterner, names: Map<string, string[]>): void {
	for (const plugin of parameterNamesInRange(store, start)) {
		names.set(plugin.id, interner.distinct(plugin.names));
	}
}

/** The search documents of some plugin ids (for updating the index after a scan or a curation change). */
export function loadSearchDocumentsOf(store: Store, ids: string[]): SearchDocument[] {
	const names = new Map(parameterNamesOf(store, ids));
	const interner = new NameInterner();
	const documents: SearchDocument[] = [];
	for (const summary of listSummaries(store, {includeHidden: true, ids})) {
		documents.push({summary, parameterNames: interner.distinct(names.get(summary.id) ?? [])});
	}

	return documents;
}
