/**
 * The user's curation of the catalog — favourites, hidden plugins, category overrides and tags —
 * keyed by plugin id in `user_data` and `tags`, so it survives rescans and removals.
 */
import type {Store} from '../open.js';
import type {Category} from '../../catalog/plugin.js';
import {cachedStatement} from './statements.js';
import {withWriteTransaction} from '../write.js';

/** A curation flag of `user_data`. */
export type CurationFlag = 'favorite' | 'hidden';

/** Sets or clears a flag; returns true when the stored value changed. */
export function setFlag(store: Store, pluginId: string, flag: CurationFlag, value: boolean): boolean {
	const before = cachedStatement(store, `select coalesce((select ${flag} from user_data where plugin_id = ?), 0)`).pluck().get(pluginId) as number;
	if (before === (value ? 1 : 0)) {
		return false;
	}

	cachedStatement(store, `insert into user_data (plugin_id, ${flag}) values (?, ?)
		on conflict(plugin_id) do update set ${flag} = excluded.${flag}`).run(pluginId, value ? 1 : 0);
	return true;
}

/** Flips a flag (kept per id across rescans) and returns its new state. Cost: one upsert and one lookup. */
export function toggleFlag(store: Store, pluginId: string, flag: CurationFlag): boolean {
	cachedStatement(store, `insert into user_data (plugin_id, ${flag}) values (?, 1)
		on conflict(plugin_id) do update set ${flag} = not ${flag}`).run(pluginId);
	return cachedStatement(store, `select ${flag} from user_data where plugin_id = ?`).pluck().get(pluginId) === 1;
}

/** Every plugin id that is a favourite or hidden, with both flags (what a saved search index reads live: docs/search.md). */
export function flaggedPlugins(store: Store): Map<string, {favorite: boolean; hidden: boolean}> {
	const rows = cachedStatement(store, 'select plugin_id, favorite, hidden from user_data where favorite = 1 or hidden = 1').raw().all() as Array<[string, number, number]>;
	return new Map(rows.map(([id, favorite, hidden]) => [id, {favorite: favorite === 1, hidden: hidden === 1}]));
}

/** Sets the user's category of a plugin, or removes the override with `undefined`. */
export function setCategoryOverride(store: Store, pluginId: string, category: Category | undefined): void {
	cachedStatement(store, `insert into user_data (plugin_id, category) values (?, ?)
		on conflict(plugin_id) do update set category = excluded.category`).run(pluginId, category ?? null);
}

/** Adds tags; returns the ones that were new. */
export function addTags(store: Store, pluginId: string, tags: string[]): string[] {
	const insert = cachedStatement(store, 'insert or ignore into tags (plugin_id, tag) values (?, ?)');
	return withWriteTransaction(store, () => tags.filter(tag => insert.run(pluginId, tag).changes > 0));
}

/** Removes tags (case-insensitively); returns the ones that were there. */
export function removeTags(store: Store, pluginId: string, tags: string[]): string[] {
	const remove = cachedStatement(store, 'delete from tags where plugin_id = ? and tag = ? collate nocase');
	return withWriteTransaction(store, () => tags.filter(tag => remove.run(pluginId, tag).changes > 0));
}

/** The stored user data of one plugin id (defaults when none). */
export type UserData = {favorite: boolean; hidden: boolean; category: Category | null; tags: string[]};

/** Reads the user data of one plugin id. */
export function getUserData(store: Store, pluginId: string): UserData {
	const row = cachedStatement(store, 'select favorite, hidden, category from user_data where plugin_id = ?').get(pluginId) as
		{favorite: number; hidden: number; category: string | null} | undefined;
	const tags = cachedStatement(store, 'select tag from tags where plugin_id = ? order by tag').pluck().all(pluginId) as string[];
	return {favorite: row?.favorite === 1, hidden: row?.hidden === 1, category: (row?.category ?? null) as Category | null, tags};
}

/**
 * Merges imported user data into one plugin id's (used by import): the favourite and hidden flags
 * and the category override are the file's, tags are the union of both (a tag added here since the
 * export stays). Returns what changed, in words ("favourite", "tags +bus"), empty when nothing did.
 */
export function mergeUserData(store: Store, pluginId: string, data: UserData): string[] {
	const before = getUserData(store, pluginId);
	const added = [...new Set(data.tags)].filter(tag => !before.tags.some(have => have.toLowerCase() === tag.toLowerCase())).sort();
	const changes = [
		...(before.favorite === data.favorite ? [] : [data.favorite ? 'favourite' : 'not favourite']),
		...(before.hidden === data.hidden ? [] : [data.hidden ? 'hidden' : 'not hidden']),
		...(before.category === data.category ? [] : [data.category === null ? 'category override removed' : `category ${data.category}`]),
		...(added.length === 0 ? [] : [`tags ${added.map(tag => `+${tag}`).join(' ')}`]),
	];
	if (changes.length === 0) {
		return changes;
	}

	if (!data.favorite && !data.hidden && data.category === null) {
		cachedStatement(store, 'delete from user_data where plugin_id = ?').run(pluginId);
	} else {
		cachedStatement(store, `insert into user_data (plugin_id, favorite, hidden, category) values (?, ?, ?, ?)
			on conflict(plugin_id) do update set favorite = excluded.favorite, hidden = excluded.hidden, category = excluded.category`)
			.run(pluginId, data.favorite ? 1 : 0, data.hidden ? 1 : 0, data.category);
	}

	const insert = cachedStatement(store, 'insert or ignore into tags (plugin_id, tag) values (?, ?)');
	for (const tag of added) {
		insert.run(pluginId, tag);
	}

	return changes;
}
