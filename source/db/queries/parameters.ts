/**
 * Parameter names per plugin, for the search index and the category rules. One loader: SQLite
 * groups a range of plugin keys into one JSON array per plugin (`json_group_array`), so JS never
 * builds a row object per parameter; callers read the whole range at once or a slice between yields.
 */
import type {Store} from '../open.js';
import {cachedStatement} from './statements.js';

/** Plugin keys per query when reading names in ranges. */
export const KEYS_PER_QUERY = 500;

/** The lowest and highest plugin key (low > high when there are no plugins). */
export function pluginKeyRange(store: Store): {low: number; high: number} {
	const [low, high] = cachedStatement(store, 'select coalesce(min(key), 0), coalesce(max(key), -1) from plugins').raw().get() as [number, number];
	return {low, high};
}

/** The start keys of the ranges covering every plugin key, KEYS_PER_QUERY wide. */
export function* keyRangeStarts(store: Store): Generator<number> {
	const {low, high} = pluginKeyRange(store);
	for (let start = low; start <= high; start += KEYS_PER_QUERY) {
		yield start;
	}
}

/** One plugin's parameter names, in stored order with repeats kept. */
export type PluginNames = {key: number; id: string; names: string[]};

/**
 * The parameter names of the plugins whose key is in [start, start + KEYS_PER_QUERY): unshadowed
 * ones (what the catalog shows), or every stored plugin with `includeShadowed` (for the category
 * rules). Plugins without parameters are left out. Cost: one aggregate over a primary-key range.
 */
export function parameterNamesInRange(store: Store, start: number, includeShadowed = false): PluginNames[] {
	const rows = cachedStatement(store, `select p.key, p.id, json_group_array(pa.name) from parameters pa join plugins p on p.key = pa.plugin_key
		where ${includeShadowed ? '' : 'p.shadowed = 0 and '}pa.plugin_key >= ? and pa.plugin_key < ? group by pa.plugin_key`)
		.raw().all(start, start + KEYS_PER_QUERY) as Array<[number, string, string]>;
	return rows.map(([key, id, json]) => ({key, id, names: JSON.parse(json) as string[]}));
}

/** Parameter names (in stored order, repeats kept) of some unshadowed plugins, by id. Cost: one indexed aggregate. */
export function parameterNamesOf(store: Store, ids: readonly string[]): Array<[string, string[]]> {
	const rows = cachedStatement(store, `select p.id, json_group_array(pa.name) from plugins p join parameters pa on pa.plugin_key = p.key
		where p.shadowed = 0 and p.id in (select value from json_each(?)) group by p.key`).raw().all(JSON.stringify(ids)) as Array<[string, string]>;
	return rows.map(([id, json]) => [id, JSON.parse(json) as string[]]);
}
