/** What exports read: full records one at a time, the blacklist. */
import type {Store} from '../open.js';
import type {PluginRecord} from '../../catalog/plugin.js';
import {getRecord, listSummaries} from './plugins.js';
import {cachedStatement} from './statements.js';

/** A blacklist entry as exported (docs/architecture.md, Configuration and exports). */
export type BlacklistEntry = {path: string; reason: string; auto: boolean; addedAt: string};

/** Every catalogued plugin id (hidden ones too), by name. Cost: one indexed scan; ids only. */
export function allPluginIds(store: Store): string[] {
	return [...listSummaries(store, {includeHidden: true})].map(summary => summary.id);
}

/**
 * Streams the full records of `ids` (in that order), one query set per plugin, so an export of
 * 10k plugins never holds more than one record. Shadowed duplicates are machine-local scan facts
 * and are left out of exports.
 */
export function* exportRecords(store: Store, ids: Iterable<string>): Generator<PluginRecord> {
	for (const id of ids) {
		const record = getRecord(store, id);
		if (record) {
			const {duplicates: _duplicates, ...rest} = record;
			yield rest;
		}
	}
}

/** The whole blacklist, by path. */
export function listBlacklist(store: Store): BlacklistEntry[] {
	const rows = cachedStatement(store, 'select path, reason, auto, added_at as addedAt from blacklist order by path').all() as Array<Omit<BlacklistEntry, 'auto'> & {auto: number}>;
	return rows.map(row => ({...row, auto: row.auto === 1}));
}
