import type {Store} from '../db/open.js';
import {listSummaries} from '../db/queries/plugins.js';
import {cachedStatement} from '../db/queries/statements.js';
import type {SearchDocument} from './document.js';

/**
 * Reads every catalogued (unshadowed) plugin with its distinct parameter names, hidden ones
 * included (the index filters them per query). Cost: two sequential scans — one over plugins,
 * one over parameters — never a query per plugin.
 */
export function loadSearchDocuments(store: Store): SearchDocument[] {
	const names = loadParameterNames(store);
	const documents: SearchDocument[] = [];
	for (const summary of listSummaries(store, {includeHidden: true})) {
		documents.push({summary, parameterNames: names.get(summary.id) ?? []});
	}

	return documents;
}

/** The search documents of some plugin ids (for updating the index after a scan or a curation change). */
export function loadSearchDocumentsOf(store: Store, ids: string[]): SearchDocument[] {
	const documents: SearchDocument[] = [];
	const statement = cachedStatement(store, `select distinct pa.name from parameters pa join plugins p on p.key = pa.plugin_key
		where p.id = ? and p.shadowed = 0`).pluck();
	for (const summary of listSummaries(store, {includeHidden: true, ids})) {
		documents.push({summary, parameterNames: statement.all(summary.id) as string[]});
	}

	return documents;
}

function loadParameterNames(store: Store): Map<string, string[]> {
	const rows = cachedStatement(store, `select distinct p.id, pa.name from parameters pa join plugins p on p.key = pa.plugin_key
		where p.shadowed = 0`).raw().iterate() as Iterable<[string, string]>;
	const names = new Map<string, string[]>();
	for (const [id, name] of rows) {
		const list = names.get(id);
		if (list) {
			list.push(name);
		} else {
			names.set(id, [name]);
		}
	}

	return names;
}
