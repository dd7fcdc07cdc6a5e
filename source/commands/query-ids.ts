import {usageError} from '../errors.js';
import type {Store} from '../db/open.js';

/**
 * The ids a QUERY of the search language selects, ranked like `search`, hidden plugins included
 * (for export and check). A malformed query is a usage error. Cost: builds the search index.
 */
export async function matchingIds(store: Store, query: string): Promise<string[]> {
	const [{SearchIndex}, {loadSearchDocuments}, {QueryError}] = await Promise.all([
		import('../search/index.js'),
		import('../search/catalog-source.js'),
		import('../search/query-error.js'),
	]);
	try {
		const index = SearchIndex.build(loadSearchDocuments(store));
		return index.search(query, {limit: Number.MAX_SAFE_INTEGER, includeHidden: true, suggest: false}).hits.map(hit => hit.summary.id);
	} catch (error) {
		if (error instanceof QueryError) {
			throw usageError(error.message);
		}

		throw error;
	}
}
