import {closeSync, lstatSync} from 'node:fs';
import type {Store} from '../db/open.js';
import {catalogVersion, type CatalogVersion} from '../db/queries/catalog-version.js';
import {flaggedPlugins} from '../db/queries/curation.js';
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
		const index = new SavedIndex(saved, flaggedPlugins(store));
		try {
			return use(index);
		} finally {
			index.close();
		}
	}

	return use(buildAndSave(store, file, before));
}

/**
 * Brings the saved index beside the database up to date when there is one (a regular file), so
 * the next `search` after a scan, import, retry or check reads it instead of building: the
 * commands that rewrite much of the catalog call this when they finish (command.ts
 * `refreshesSearchIndex`). A database without a saved index is left without one.
 */
export function refreshSavedIndex(store: Store): void {
	const file = store.path === ':memory:' ? undefined : savedIndexFile(store.path);
	if (!file || !lstatSync(file, {throwIfNoEntry: false})?.isFile()) {
		return;
	}

	const before = catalogVersion(store);
	const saved = openSavedFile(file, before);
	if (saved) {
		closeSync(saved.fd);
		return;
	}

	buildAndSave(store, file, before);
}

/** An index built from the store, saved to `file` when no write happened while it was read. */
function buildAndSave(store: Store, file: string | undefined, before: CatalogVersion): SearchIndex {
	const index = SearchIndex.build(loadSearchDocuments(store));
	const after = catalogVersion(store);
	if (file && before.catalog !== '' && after.version === before.version && after.catalog === before.catalog) {
		writeSavedFile(file, savedParts(index, before));
	}

	return index;
}
