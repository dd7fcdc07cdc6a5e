/**
 * What a database file says about itself — its tables, its header markers (application_id,
 * user_version) and Drizzle's record of applied migrations — read on a bare connection, before a
 * Store exists. Used to decide whether a file is pluginary's before anything is written
 * (docs/reliability.md).
 */
import type Database from 'better-sqlite3';

/** `application_id` of every pluginary database (ASCII "plgy"), so the file says whose it is. */
export const PLUGINARY_APPLICATION_ID = 0x70_6C_67_79;

/** The tables every pluginary catalog has. */
export const CATALOG_TABLES = ['plugins', 'files', 'scan_runs'] as const;

/** Names of the tables of a database. */
export function tableNames(sqlite: Database.Database): string[] {
	return sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
}

/** The two header markers. */
export function headerMarkers(sqlite: Database.Database): {applicationId: number; userVersion: number} {
	return {
		applicationId: sqlite.pragma('application_id', {simple: true}) as number,
		userVersion: sqlite.pragma('user_version', {simple: true}) as number,
	};
}

/** Writes the header markers (a pluginary database, of this schema generation). */
export function writeHeaderMarkers(sqlite: Database.Database, userVersion: number): void {
	sqlite.pragma(`application_id = ${PLUGINARY_APPLICATION_ID}`);
	sqlite.pragma(`user_version = ${Math.trunc(userVersion)}`);
}

/** How many migrations Drizzle recorded, and the newest one's time; undefined without its table. */
export function appliedMigrations(sqlite: Database.Database): {count: number; newest: number | null} | undefined {
	const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
	if (!table) {
		return undefined;
	}

	const row = sqlite.prepare('select count(*) as count, max(created_at) as newest from __drizzle_migrations').get() as {count: number; newest: number | string | null};
	return {count: row.count, newest: row.newest === null ? null : Number(row.newest)};
}

/** Sets the pragmas of a connection that writes: WAL, foreign keys, NORMAL sync, and how long to wait for another writer. */
export function configureWriter(sqlite: Database.Database, busyTimeoutMs: number): void {
	sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
	if (sqlite.pragma('journal_mode', {simple: true}) !== 'wal') {
		sqlite.pragma('journal_mode = WAL');
	}

	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('synchronous = NORMAL');
}

/** Sets the pragmas of a connection that only reads (writes fail with SQLITE_READONLY). */
export function configureReader(sqlite: Database.Database, busyTimeoutMs: number): void {
	sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('query_only = 1');
}
