import type {Store} from '../db/open.js';
import {catalogVersion} from '../db/queries/catalog-version.js';
import {loadSearchDocuments} from './catalog-source.js';
import {SearchIndex} from './index.js';
import {SavedIndex} from './saved-index.js';
import {openSavedFile, savedParts, writeSavedFile} from './saved-parts.js';

/** The file beside a database that holds its saved search index. */
export function savedIndexFile(databasePath: string): string {
	return `${databasePath}-search`;
}

/**
 * Runs `use` with the search index of a command run (docs/search.md, "CLI search"): the index
 * saved beside the database when it holds the catalog's current version — read in milliseconds,
 * no parameter rows loaded — else one built from the store (as the explorer builds it) and saved
 * for the next run. The catalog version is read before and after loading, so an index is saved
 * only when no write happened in between.
 */
export function withCatalogIndex<T>(store: Store, use: (index: SearchIndex | SavedIndex) => T): T {
	const file = store.path === ':memory:' ? undefined : savedIndexFile(store.path);
	const before = catalogVersion(store);
	const saved = file ? openSavedFile(file, before) : undefined;
	if (saved) {
		const index = new SavedIndex(saved);
		try {
			return use(index);
		} finally {
			index.close();
		}
	}

	const index = SearchIndex.build(loadSearchDocuments(store));
	const after = catalogVersion(store);
	if (file && before.catalog !== '' && after.version === before.version && after.catalog === before.catalog) {
		writeSavedFile(file, savedParts(index, before));
	}

	return use(index);
}
