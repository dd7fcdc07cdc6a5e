import type {Store} from '../db/open.js';
import {cachedStatement} from '../db/queries/statements.js';
import {CATEGORY_RULES_VERSION, categorize} from '../catalog/categories.js';
import type {Format} from '../catalog/plugin.js';

const settingKey = 'categoryRulesVersion';

/**
 * Re-runs the category rules over every stored plugin when they changed since the catalog was
 * categorised (user overrides live in user_data and are untouched). Cost: nothing when the version
 * matches; else one pass over plugins and their parameter names, in one transaction.
 */
export function recategorizeIfRulesChanged(store: Store): number {
	const stored = cachedStatement(store, 'select value from settings where key = ?').pluck().get(settingKey) as string | undefined;
	if (stored === String(CATEGORY_RULES_VERSION)) {
		return 0;
	}

	let changed = 0;
	store.sqlite.transaction(() => {
		const names = new Map<number, string[]>();
		for (const [key, name] of cachedStatement(store, 'select plugin_key, name from parameters').raw().iterate() as Iterable<[number, string]>) {
			const list = names.get(key);
			if (list) {
				list.push(name);
			} else {
				names.set(key, [name]);
			}
		}

		const plugins = cachedStatement(store, "select key, format, name, raw_category, is_instrument, category, category_source from plugins where status not in ('failed', 'timeout', 'crashed', 'blacklisted')")
			.raw().all() as Array<[number, Format, string, string, number, string, string]>;
		const update = cachedStatement(store, 'update plugins set category = ?, category_source = ? where key = ?');
		for (const [key, format, name, rawCategory, isInstrument, category, source] of plugins) {
			const result = categorize({format, name, rawCategory, isInstrument: isInstrument === 1, parameterNames: names.get(key) ?? []});
			if (result.category !== category || result.categorySource !== source) {
				update.run(result.category, result.categorySource, key);
				changed++;
			}
		}

		cachedStatement(store, 'insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value')
			.run(settingKey, String(CATEGORY_RULES_VERSION));
	})();
	return changed;
}
