/** Health check results (docs/health.md): what `check` runs, what it stores, what it counts. */
import type {Store} from '../open.js';
import type {Format, Health, HealthWarning} from '../../catalog/plugin.js';
import {cachedStatement} from './statements.js';

/**
 * The health columns of a plugin row `p` for summary queries: the stored result counts only while
 * its fingerprint is the one `files` holds for the plugin's file (a changed file drops it).
 */
export const healthColumns = `h.health as health, h.warnings as warnings, h.latency_samples as latencySamples,
	h.cpu_percent as cpuPercent, h.error as healthError, h.checked_at as checkedAt`;

/** The joins `healthColumns` read (after `from plugins p`). */
export const healthJoin = `left join files hf on hf.path = p.file_path
	left join health h on h.plugin_id = p.id and h.file_path = p.file_path and h.size = hf.size and h.mtime_ms = hf.mtime_ms`;

/** The health columns as SQLite returns them. */
export type HealthRow = {
	health: string | null;
	warnings: string | null;
	latencySamples: number | null;
	cpuPercent: number | null;
	healthError: string | null;
	checkedAt: string | null;
};

/** One plugin `check` can run: a scanned, working plugin and its file's fingerprint. */
export type HealthCandidate = {
	id: string;
	name: string;
	format: Format;
	/** File or bundle the host opens. */
	path: string;
	uid: string;
	/** The scanned file (`files.path`) and its fingerprint, stored with the result. */
	filePath: string;
	size: number;
	mtimeMs: number;
	/** True when a current (same fingerprint) result is stored. */
	checked: boolean;
};

/**
 * Plugins `check` can run, by path then id (so consecutive checks share a file): catalogued, not
 * shadowed, scanned with status ok. Cost: one scan over plugins with two primary-key lookups each.
 */
export function healthCandidates(store: Store): HealthCandidate[] {
	const rows = cachedStatement(store, `select p.id as id, p.name as name, p.format as format, p.path as path, p.uid as uid,
		p.file_path as filePath, hf.size as size, hf.mtime_ms as mtimeMs, h.health is not null as checked
		from plugins p ${healthJoin}
		where p.shadowed = 0 and p.status = 'ok' and p.file_path is not null and hf.path is not null
		order by p.path, p.id`).all() as Array<Omit<HealthCandidate, 'checked'> & {checked: number}>;
	return rows.map(row => ({...row, checked: row.checked === 1}));
}

/** What one check found, as stored. */
export type StoredHealth = {
	health: Health;
	warnings: HealthWarning[];
	latencySamples: number | null;
	cpuPercent: number | null;
	error?: string;
	checkedAt: string;
};

/** Stores (replacing) the result of checking one plugin, with the fingerprint its file had. */
export function recordHealth(store: Store, candidate: HealthCandidate, result: StoredHealth): void {
	cachedStatement(store, `insert into health (plugin_id, file_path, size, mtime_ms, health, warnings, latency_samples, cpu_percent, error, checked_at)
		values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		on conflict(plugin_id, file_path) do update set size = excluded.size, mtime_ms = excluded.mtime_ms, health = excluded.health,
			warnings = excluded.warnings, latency_samples = excluded.latency_samples, cpu_percent = excluded.cpu_percent,
			error = excluded.error, checked_at = excluded.checked_at`)
		.run(candidate.id, candidate.filePath, candidate.size, candidate.mtimeMs, result.health, JSON.stringify(result.warnings),
			result.latencySamples, result.cpuPercent, result.error ?? null, result.checkedAt);
}

/** Results whose plugin or file left the catalog, or whose file changed; removes them. Returns how many. */
export function pruneHealth(store: Store): number {
	return cachedStatement(store, `delete from health where not exists (
		select 1 from plugins p join files f on f.path = p.file_path
		where p.id = health.plugin_id and p.file_path = health.file_path and f.size = health.size and f.mtime_ms = health.mtime_ms)`).run().changes;
}

/** Counts of current results per health value plus `unchecked`, over catalogued scanned plugins. */
export function healthCounts(store: Store): Record<string, number> {
	const counts: Record<string, number> = {};
	const rows = cachedStatement(store, `select coalesce(h.health, 'unchecked'), count(*) from plugins p ${healthJoin}
		where p.shadowed = 0 group by 1 order by 2 desc, 1`).raw().all() as Array<[string, number]>;
	for (const [health, count] of rows) {
		counts[health] = count;
	}

	return counts;
}

/** Counts of current results per warning. */
export function warningCounts(store: Store): Record<string, number> {
	const counts: Record<string, number> = {};
	const rows = cachedStatement(store, `select w.value, count(*) from plugins p ${healthJoin}, json_each(h.warnings) w
		where p.shadowed = 0 group by 1 order by 2 desc, 1`).raw().all() as Array<[string, number]>;
	for (const [warning, count] of rows) {
		counts[warning] = count;
	}

	return counts;
}
