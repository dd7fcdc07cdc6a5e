import type {PluginSummary} from '../../catalog/plugin.js';
import type {Store} from '../../db/open.js';
import {countPlugins, listSummaries} from '../../db/queries/plugins.js';
import {toggleFlag} from '../../db/queries/curation.js';
import {lastScans} from '../../db/queries/stats.js';

/** The first rows by name, for the first frame (before the whole catalog is read). Cost: one indexed query. */
export function firstRows(store: Store, rows: number): PluginSummary[] {
	return [...listSummaries(store, {limit: rows})];
}

/** Plugins the explorer lists by default (not hidden). */
export function visibleTotal(store: Store): number {
	return countPlugins(store, false);
}

/** When the last scan finished (ISO), if any. */
export function lastScanTime(store: Store): string | undefined {
	const last = lastScans(store, 1)[0];
	return last?.finishedAt ?? last?.startedAt;
}

/**
 * Toggles a plugin's favourite mark in `user_data` (kept per id across rescans) and returns the
 * new state.
 */
export function toggleFavorite(store: Store, id: string): boolean {
	return toggleFlag(store, id, 'favorite');
}
