/**
 * Recovery of a damaged database file: diagnose it, move it aside, and carry the user's own data
 * (user_data, tags, user_presets, blacklist, settings) into a fresh store — row by row, keeping
 * whatever is still readable. The catalog itself is not salvaged: a scan rebuilds it.
 */
import {existsSync, renameSync} from 'node:fs';
import Database from 'better-sqlite3';
import {messageOf} from '../errors.js';
import {openStore, type Store} from './open.js';

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

/** What `diagnose` found. */
export type Diagnosis =
	| {state: 'missing'}
	| {state: 'healthy'}
	/** Not a pluginary database at all (another app's SQLite file): repair leaves it alone. */
	| {state: 'foreign'}
	| {state: 'corrupt'; reason: string};

const catalogTables = ['plugins', 'files', 'scan_runs'];

/** Looks at a database file without changing it. Cost: an integrity_check (reads the whole file). */
export function diagnose(file: string): Diagnosis {
	if (!existsSync(file)) {
		return {state: 'missing'};
	}

	let sqlite: Database.Database | undefined;
	try {
		sqlite = new Database(file, {readonly: true, fileMustExist: true});
		const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
		if (tables.length > 0 && !tables.includes('__drizzle_migrations') && !catalogTables.every(name => tables.includes(name))) {
			return {state: 'foreign'};
		}

		const rows = sqlite.pragma('integrity_check') as Array<{integrity_check: string}>;
		if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') {
			return {state: 'corrupt', reason: rows.slice(0, 3).map(row => row.integrity_check).join('; ')};
		}
	} catch (error) {
		return {state: 'corrupt', reason: messageOf(error)};
	} finally {
		sqlite?.close();
	}

	try {
		openStore(file).close();
		return {state: 'healthy'};
	} catch (error) {
		return {state: 'corrupt', reason: messageOf(error)};
	}
}

/** Rows read from the old file per table (whatever was readable). */
export type SalvagedRows = Record<UserTable, unknown[][]>;

/** Reads every readable row of the user-data tables; a table that fails part-way keeps the rows read before. */
export function readUserRows(file: string): {rows: SalvagedRows; problems: string[]} {
	const rows = Object.fromEntries(Object.keys(USER_TABLES).map(table => [table, []])) as unknown as SalvagedRows;
	const problems: string[] = [];
	let sqlite: Database.Database;
	try {
		sqlite = new Database(file, {readonly: true, fileMustExist: true});
	} catch (error) {
		return {rows, problems: [`cannot open the old file: ${messageOf(error)}`]};
	}

	try {
		for (const [table, columns] of Object.entries(USER_TABLES) as Array<[UserTable, readonly string[]]>) {
			try {
				for (const row of sqlite.prepare(`select ${columns.join(', ')} from ${table}`).raw().iterate() as Iterable<unknown[]>) {
					rows[table].push(row);
				}
			} catch (error) {
				problems.push(`${table}: ${messageOf(error)}`);
			}
		}
	} finally {
		sqlite.close();
	}

	return {rows, problems};
}

/** Writes salvaged rows into a fresh store (one transaction); returns how many rows each table took. */
export function writeUserRows(store: Store, rows: SalvagedRows): Record<UserTable, number> {
	const counts = Object.fromEntries(Object.keys(USER_TABLES).map(table => [table, 0])) as Record<UserTable, number>;
	store.sqlite.transaction(() => {
		for (const [table, columns] of Object.entries(USER_TABLES) as Array<[UserTable, readonly string[]]>) {
			const insert = store.sqlite.prepare(`insert or ignore into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
			for (const row of rows[table]) {
				try {
					counts[table] += insert.run(...row).changes;
				} catch {
					// A row that does not fit the schema (NULL in a NOT NULL column after damage) is dropped.
				}
			}
		}
	})();
	return counts;
}

/** The result of `salvage`. */
export type SalvageResult = {movedTo: string; counts: Record<UserTable, number>; problems: string[]};

/**
 * Moves `file` (and its -wal/-shm) aside as `<file>.corrupt-<timestamp>`, creates a fresh store at
 * `file` and copies the readable user data into it. The old file is kept, never deleted.
 */
export function salvage(file: string, now = new Date()): SalvageResult {
	const {rows, problems} = readUserRows(file);
	const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
	let movedTo = `${file}.corrupt-${stamp}`;
	for (let n = 2; existsSync(movedTo); n++) {
		movedTo = `${file}.corrupt-${stamp}-${n}`;
	}

	renameSync(file, movedTo);
	for (const suffix of ['-wal', '-shm']) {
		if (existsSync(file + suffix)) {
			renameSync(file + suffix, movedTo + suffix);
		}
	}

	const store = openStore(file);
	try {
		return {movedTo, counts: writeUserRows(store, rows), problems};
	} finally {
		store.close();
	}
}

/**
 * Empties the catalog and the scan state — plugins (with parameters and presets), files, scan runs —
 * and keeps everything the user made: user data, tags, user presets, blacklist, settings.
 */
export function clearCatalog(store: Store): {plugins: number; files: number} {
	return store.sqlite.transaction(() => {
		const plugins = store.sqlite.prepare('delete from plugins').run().changes;
		const files = store.sqlite.prepare('delete from files').run().changes;
		store.sqlite.prepare('delete from scan_runs').run();
		return {plugins, files};
	})();
}

/** Folds the write-ahead log into the database file and rebuilds it without free pages (`cache vacuum`). */
export function vacuumStore(store: Store): void {
	store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
	store.sqlite.exec('vacuum');
}
