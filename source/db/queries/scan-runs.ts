import type {Store} from '../open.js';
import {cachedStatement} from './statements.js';

/**
 * Marks runs left `running` by a pluginary that was killed as interrupted, and returns the newest
 * one's id (its finished files are not probed again by the next scan).
 */
export function closeInterruptedRuns(store: Store): number | undefined {
	const last = cachedStatement(store, "select id from scan_runs where state = 'running' order by id desc limit 1").pluck().get() as number | undefined;
	cachedStatement(store, "update scan_runs set state = 'interrupted' where state = 'running'").run();
	return last;
}

/** Records a scan that starts now; returns its id. `roots` only for partial (`--path`) scans. */
export function startRun(store: Store, startedAt: Date, roots: string[] | undefined, full: boolean): number {
	return Number(cachedStatement(store, "insert into scan_runs (started_at, state, roots, full) values (?, 'running', ?, ?)")
		.run(startedAt.toISOString(), roots ? JSON.stringify(roots) : null, full ? 1 : 0).lastInsertRowid);
}

/** What a finished (or interrupted) scan leaves in its row. */
export type RunOutcome = {interrupted: boolean; durationMs: number; pluginsPerSecond: number; counts: unknown; diff: unknown};

/** Closes a scan's row with its outcome. */
export function finishRun(store: Store, id: number, outcome: RunOutcome): void {
	cachedStatement(store, 'update scan_runs set finished_at = ?, state = ?, duration_ms = ?, plugins_per_second = ?, counts = ?, diff = ? where id = ?')
		.run(new Date().toISOString(), outcome.interrupted ? 'interrupted' : 'done', outcome.durationMs, outcome.pluginsPerSecond,
			JSON.stringify(outcome.counts), JSON.stringify(outcome.diff), id);
}
