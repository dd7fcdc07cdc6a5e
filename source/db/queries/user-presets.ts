/** Presets the user saved, keyed by plugin id (they survive rescans), and the factory presets of a plugin. */
import type {Store} from '../open.js';
import {cachedStatement} from './statements.js';

/** A saved user preset: parameter id → value (the parameter's own units, as stored in the catalog). */
export type UserPreset = {
	pluginId: string;
	name: string;
	values: Record<string, number>;
	/** ISO time it was saved. */
	createdAt: string;
};

type Row = {pluginId: string; name: string; values: string; createdAt: string};

const columns = 'plugin_id as pluginId, name, values_json as "values", created_at as createdAt';
const toPreset = (row: Row): UserPreset => ({pluginId: row.pluginId, name: row.name, values: JSON.parse(row.values) as UserPreset['values'], createdAt: row.createdAt});

/** One user preset by plugin id and name (case-insensitive), or undefined. */
export function getUserPreset(store: Store, pluginId: string, name: string): UserPreset | undefined {
	const row = cachedStatement(store, `select ${columns} from user_presets where plugin_id = ? and name = ? collate nocase order by name = ? desc limit 1`)
		.get(pluginId, name, name) as Row | undefined;
	return row ? toPreset(row) : undefined;
}

/** User presets of one plugin id, or of every plugin when `pluginId` is undefined; by plugin then name. */
export function listUserPresets(store: Store, pluginId?: string): UserPreset[] {
	const rows = pluginId === undefined
		? cachedStatement(store, `select ${columns} from user_presets order by plugin_id, name`).all() as Row[]
		: cachedStatement(store, `select ${columns} from user_presets where plugin_id = ? order by name`).all(pluginId) as Row[];
	return rows.map(row => toPreset(row));
}

/** Streams the user presets of the given plugin ids (all when undefined). */
export function* iterateUserPresets(store: Store, pluginIds?: Set<string>): Generator<UserPreset> {
	for (const preset of listUserPresets(store)) {
		if (!pluginIds || pluginIds.has(preset.pluginId)) {
			yield preset;
		}
	}
}

/** Saves (inserts or replaces) a user preset. Returns 'added', 'updated' or 'unchanged'. */
export function saveUserPreset(store: Store, preset: UserPreset): 'added' | 'updated' | 'unchanged' {
	const existing = cachedStatement(store, 'select values_json as "values", created_at as createdAt from user_presets where plugin_id = ? and name = ?')
		.get(preset.pluginId, preset.name) as {values: string; createdAt: string} | undefined;
	const values = JSON.stringify(preset.values);
	if (existing && existing.values === values && existing.createdAt === preset.createdAt) {
		return 'unchanged';
	}

	cachedStatement(store, `insert into user_presets (plugin_id, name, values_json, created_at) values (?, ?, ?, ?)
		on conflict(plugin_id, name) do update set values_json = excluded.values_json, created_at = excluded.created_at`)
		.run(preset.pluginId, preset.name, values, preset.createdAt);
	return existing ? 'updated' : 'added';
}

/** Deletes a user preset (exact stored name); true when it existed. */
export function deleteUserPreset(store: Store, pluginId: string, name: string): boolean {
	return cachedStatement(store, 'delete from user_presets where plugin_id = ? and name = ?').run(pluginId, name).changes > 0;
}

/** Plugin ids that have user presets (to resolve ids of plugins no longer in the catalog). */
export function hasUserPresets(store: Store, pluginId: string): boolean {
	return cachedStatement(store, 'select 1 from user_presets where plugin_id = ? limit 1').get(pluginId) !== undefined;
}
