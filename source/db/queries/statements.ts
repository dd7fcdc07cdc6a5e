import type Database from 'better-sqlite3';
import type {Store} from '../open.js';
import {matchesWordPrefix} from '../../catalog/text.js';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement for `sql`, prepared once per connection. */
export function cachedStatement(store: Store, sql: string): Database.Statement {
	let cache = caches.get(store.sqlite);
	if (!cache) {
		cache = new Map();
		caches.set(store.sqlite, cache);
	}

	let statement = cache.get(sql);
	if (!statement) {
		statement = store.sqlite.prepare(sql);
		cache.set(sql, statement);
	}

	return statement;
}

/** Registers the SQL functions pluginary's queries use (`word_prefix(text, prefix)`). */
export function registerFunctions(sqlite: Database.Database): void {
	sqlite.function('word_prefix', {deterministic: true}, (text: unknown, prefix: unknown) =>
		matchesWordPrefix(String(text ?? ''), String(prefix ?? '')) ? 1 : 0);
}
