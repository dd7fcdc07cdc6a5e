import type {Store} from '../open.js';
import {cachedStatement} from './statements.js';

/** One blacklisted file. */
export type BlacklistEntry = {path: string; reason: string; auto: boolean; addedAt: string};

/** Every blacklisted file, by path. */
export function listBlacklist(store: Store): BlacklistEntry[] {
	const rows = cachedStatement(store, 'select path, reason, auto, added_at as addedAt from blacklist order by path').all() as Array<Omit<BlacklistEntry, 'auto'> & {auto: number}>;
	return rows.map(row => ({...row, auto: row.auto === 1}));
}

/** Blacklists a file by hand (scans skip it until removed). Returns false when it was already there. */
export function addToBlacklist(store: Store, path: string, reason: string): boolean {
	const result = cachedStatement(store, 'insert into blacklist (path, reason, auto, added_at) values (?, ?, 0, ?) on conflict(path) do nothing')
		.run(path, reason, new Date().toISOString());
	return result.changes > 0;
}

/** Removes a file from the blacklist. Returns false when it was not there. */
export function removeFromBlacklist(store: Store, path: string): boolean {
	const removed = cachedStatement(store, 'delete from blacklist where path = ?').run(path).changes > 0;
	if (removed) {
		cachedStatement(store, "update files set fail_count = 0, status = case when status = 'blacklisted' then 'failed' else status end where path = ?").run(path);
	}

	return removed;
}

/** The blacklisted paths (what a scan skips). */
export function blacklistedPaths(store: Store): Set<string> {
	return new Set(cachedStatement(store, 'select path from blacklist').pluck().all() as string[]);
}

/** Blacklists a file automatically (it crashed or timed out too often), or updates the reason of an entry. */
export function autoBlacklist(store: Store, path: string, reason: string): void {
	cachedStatement(store, 'insert into blacklist (path, reason, auto, added_at) values (?, ?, 1, ?) on conflict(path) do update set reason = excluded.reason')
		.run(path, reason, new Date().toISOString());
}

/** Lifts an automatic blacklisting (the file probed fine); entries made by hand stay. */
export function clearAutoBlacklist(store: Store, path: string): void {
	cachedStatement(store, 'delete from blacklist where path = ? and auto = 1').run(path);
}
