/**
 * The statements of `cache repair` and `cache clear`: reading whatever user-data rows a damaged
 * file still gives, writing them into a fresh store, and emptying the catalog.
 */
import type Database from 'better-sqlite3';
import type {Store} from '../open.js';
import {withWriteTransaction} from '../write.js';

/** The user-data tables salvage carries over, with their columns. */
export const USER_TABLES = {
	user_data: ['plugin_id', 'favorite', 'hidden', 'category'],
	tags: ['plugin_id', 'tag'],
	user_presets: ['plugin_id', 'name', 'values_json', 'created_at'],
	blacklist: ['path', 'reason', 'auto', 'added_at'],
	settings: ['key', 'value'],
} as const;

/** One user-data table's name. */
export type UserTable = keyof typeof USER_TABLES;

const userTables = Object.entries(USER_TABLES) as Array<[UserTable, readonly string[]]>;

/** The rows of one user-data table, one at a time (a damaged page ends the iteration with an error). */
export function iterateUserRows(sqlite: Database.Database, table: UserTable): Iterable<unknown[]> {
	return sqlite.prepare(`select ${USER_TABLES[table].join(', ')} from ${table}`).raw().iterate() as Iterable<unknown[]>;
}

/** Integrity problems SQLite finds in a database (empty when it is sound). Cost: reads the whole file. */
export function integrityProblems(sqlite: Database.Database): string[] {
	const rows = sqlite.pragma('integrity_check') as Array<{integrity_check: string}>;
	return rows.length === 1 && rows[0]!.integrity_check === 'ok' ? [] : rows.map(row => row.integrity_check);
}

/** Writes salvaged rows (one transaction); a row that does not fit the schema is dropped. Returns how many rows each table took. */
export function insertUserRows(store: Store, rows: Record<UserTable, unknown[][]>): Record<UserTable, number> {
	return withWriteTransaction(store, () => {
		const counts = Object.fromEntries(userTables.map(([table]) => [table, 0])) as Record<UserTable, number>;
		for (const [table, columns] of userTables) {
			const insert = store.sqlite.prepare(`insert or ignore into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
			for (const row of rows[table]) {
				try {
					counts[table] += insert.run(...row).changes;
				} catch {
					// NULL in a NOT NULL column after damage, and the like.
				}
			}
		}

		return counts;
	});
}

/**
 * Empties the catalog and the scan state — plugins (with parameters and presets), files, scan runs —
 * and keeps everything the user made: user data, tags, user presets, blacklist, settings.
 */
export function clearCatalog(store: Store): {plugins: number; files: number} {
	return withWriteTransaction(store, () => {
		const plugins = store.sqlite.prepare('delete from plugins').run().changes;
		const files = store.sqlite.prepare('delete from files').run().changes;
		store.sqlite.prepare('delete from scan_runs').run();
		return {plugins, files};
	});
}

/** Compacts the database file (`cache vacuum`): rebuilds it without free pages, then folds the WAL (which holds the rebuilt pages) into it. */
export function vacuumStore(store: Store): void {
	store.sqlite.exec('vacuum');
	store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
