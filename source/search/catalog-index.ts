import type {Store} from '../db/open.js';
import {catalogVersion} from '../db/queries/catalog-version.js';
import {loadSearchDocuments} from './catalog-source.js';
import {SearchIndex} from './index.js';
import {readSavedIndex, savedParts, SavedIndex, writeSavedIndex} from './saved-index.js';

/** The file beside a database that holds its saved search index. */
export function savedIndexFile(databasePath: string): string {
	return `${databasePath}-search`;
}

/**
 * The search index of a command run (docs/search.md, "CLI search"): the index saved beside the
 * database when it holds the catalog's current version — read in a few milliseconds, no parameter
 * rows loaded — else one built from the store (as the explorer builds it) and saved for the next
 * run. The catalog version is read before and after loading, so an index is saved only when no
 * write happened in between.
 */
export function catalogIndex(store: Store): SearchIndex | SavedIndex {
	const file = store.path === ':memory:' ? undefined : savedIndexFile(store.path);
	const before = catalogVersion(store);
	const saved = file ? readSavedIndex(file, before) : undefined;
	if (saved) {
		return saved;
	}

	const index = SearchIndex.build(loadSearchDocuments(store));
	const after = catalogVersion(store);
	if (file && before.version >= 0 && after.version === before.version && after.catalog === before.catalog) {
		writeSavedIndex(file, savedParts(index, before));
	}

	return index;
}
