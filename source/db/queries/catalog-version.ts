import type {Store} from '../open.js';
import {cachedStatement} from './statements.js';

/** Which catalog, at which state: a random id of the database and the version its triggers renew on every write search reads. */
export type CatalogVersion = {catalog: string; version: number};

/**
 * The catalog's version (migration 0004: triggers on plugins, files, health, user_data and tags set
 * it to a new random number in the writing transaction; since 0005, a user_data write counts only
 * when it changes the category override, as a saved search index reads the favourite and hidden
 * flags live); catalog '' when there is none. Cost: one row by primary key.
 */
export function catalogVersion(store: Store): CatalogVersion {
	const row = cachedStatement(store, 'select catalog, version from catalog_version where id = 1').get() as CatalogVersion | undefined;
	return row ?? {catalog: '', version: 0};
}
