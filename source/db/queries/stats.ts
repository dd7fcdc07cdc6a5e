import {statSync} from 'node:fs';
import type {Store} from '../open.js';
import {cachedStatement} from './statements.js';
import {countGroups} from './groups.js';

/** Counts of the catalog for `cache stats` and `stats`. */
export type CatalogStats = {
	plugins: number;
	/** Plugin groups: the same plugin in several formats counts once. */
	groups: number;
	parameters: number;
	byFormat: Record<string, number>;
	byStatus: Record<string, number>;
	byCategory: Record<string, number>;
	/** category → format → count */
	byCategoryFormat: Record<string, Record<string, number>>;
	files: Record<string, number>;
	blacklisted: number;
	databaseBytes: number;
	lastScan?: ScanSummary;
};

/** One scan run as stored. */
export type ScanSummary = {
	id: number;
	startedAt: string;
	finishedAt: string | null;
	state: string;
	durationMs: number | null;
	pluginsPerSecond: number | null;
	counts: unknown;
	diff: {new: number; changed: number; removed: number; unchanged: number} | null;
};

function grouped(store: Store, sql: string): Record<string, number> {
	const result: Record<string, number> = {};
	for (const [key, count] of cachedStatement(store, sql).raw().all() as Array<[string, number]>) {
		result[key] = count;
	}

	return result;
}

/** Gathers the catalog statistics. Cost: a few grouped queries. */
export function catalogStats(store: Store): CatalogStats {
	const categoryColumn = 'p.category';
	const from = 'from plugins p left join user_data u on u.plugin_id = p.id where p.shadowed = 0';
	const byCategoryFormat: Record<string, Record<string, number>> = {};
	for (const [category, format, count] of cachedStatement(store, `select ${categoryColumn}, p.format, count(*) ${from} group by 1, 2`).raw().all() as Array<[string, string, number]>) {
		(byCategoryFormat[category] ??= {})[format] = count;
	}

	const stats: CatalogStats = {
		plugins: cachedStatement(store, 'select count(*) from plugins where shadowed = 0').pluck().get() as number,
		groups: countGroups(store),
		parameters: cachedStatement(store, 'select coalesce(sum(parameter_count), 0) from plugins where shadowed = 0').pluck().get() as number,
		byFormat: grouped(store, 'select format, count(*) from plugins where shadowed = 0 group by 1 order by 2 desc'),
		byStatus: grouped(store, 'select status, count(*) from plugins where shadowed = 0 group by 1 order by 2 desc'),
		byCategory: grouped(store, `select ${categoryColumn}, count(*) ${from} group by 1 order by 2 desc`),
		byCategoryFormat,
		files: grouped(store, 'select status, count(*) from files group by 1 order by 2 desc'),
		blacklisted: cachedStatement(store, 'select count(*) from blacklist').pluck().get() as number,
		databaseBytes: databaseBytes(store),
	};
	const last = lastScans(store, 1)[0];
	if (last) {
		stats.lastScan = last;
	}

	return stats;
}

/** The vendors with the most catalogued plugins (an empty vendor as "(unknown)"), most first, then by vendor. */
export function topVendors(store: Store, limit: number): Array<[string, number]> {
	return cachedStatement(store, `select case when vendor = '' then '(unknown)' else vendor end, count(*) from plugins
		where shadowed = 0 group by 1 order by 2 desc, 1 limit ?`).raw().all(limit) as Array<[string, number]>;
}

/** The most recent scan runs, newest first. */
export function lastScans(store: Store, limit: number): ScanSummary[] {
	const rows = cachedStatement(store, `select id, started_at as startedAt, finished_at as finishedAt, state, duration_ms as durationMs,
		plugins_per_second as pluginsPerSecond, counts, diff from scan_runs order by id desc limit ?`).all(limit) as Array<ScanSummary & {counts: string | null; diff: string | null}>;
	return rows.map(row => {
		const diff = row.diff ? JSON.parse(row.diff) as {new: unknown[] | number; changed: unknown[] | number; removed: unknown[] | number; unchanged: number} : null;
		const size = (value: unknown[] | number): number => Array.isArray(value) ? value.length : value;
		return {
			...row,
			counts: row.counts ? JSON.parse(row.counts) as unknown : null,
			diff: diff ? {new: size(diff.new), changed: size(diff.changed), removed: size(diff.removed), unchanged: diff.unchanged} : null,
		};
	});
}

function databaseBytes(store: Store): number {
	if (store.path === ':memory:') {
		return 0;
	}

	let total = 0;
	for (const suffix of ['', '-wal']) {
		try {
			total += statSync(store.path + suffix).size;
		} catch {}
	}

	return total;
}

/** One finding of `cache verify`. */
export type VerifyFinding = {level: 'ok' | 'warn' | 'fail'; check: string; detail: string};

/** Checks the store: SQLite integrity, foreign keys, orphan rows and stale journal entries. */
export function verifyStore(store: Store): VerifyFinding[] {
	const findings: VerifyFinding[] = [];
	const integrity = store.sqlite.pragma('integrity_check') as Array<{integrity_check: string}>;
	const integrityOk = integrity.length === 1 && integrity[0]!.integrity_check === 'ok';
	findings.push({level: integrityOk ? 'ok' : 'fail', check: 'integrity', detail: integrityOk ? 'integrity_check ok' : integrity.slice(0, 5).map(row => row.integrity_check).join('; ')});
	const foreign = store.sqlite.pragma('foreign_key_check') as unknown[];
	findings.push({level: foreign.length === 0 ? 'ok' : 'fail', check: 'foreign keys', detail: foreign.length === 0 ? 'no violations' : `${foreign.length} rows violate foreign keys`});
	const orphans = cachedStatement(store, `select count(*) from plugins p where p.file_path is not null and not exists (select 1 from files f where f.path = p.file_path)`).pluck().get() as number;
	findings.push({level: orphans === 0 ? 'ok' : 'warn', check: 'orphan plugins', detail: orphans === 0 ? 'every plugin has its file' : `${orphans} plugins whose file row is missing (run 'pluginary scan')`});
	const inflight = cachedStatement(store, "select count(*) from files where status = 'inflight'").pluck().get() as number;
	findings.push({level: inflight === 0 ? 'ok' : 'warn', check: 'interrupted probes', detail: inflight === 0 ? 'none' : `${inflight} files were being probed when a scan stopped; the next scan resumes them`});
	const stale = cachedStatement(store, "select count(*) from plugins where status = 'stale'").pluck().get() as number;
	findings.push({level: stale === 0 ? 'ok' : 'warn', check: 'stale plugins', detail: stale === 0 ? 'none' : `${stale} plugins are stale; run 'pluginary scan'`});
	return findings;
}

