import type {Store} from '../db/open.js';
import {probedPlugins, setRulesCategory} from '../db/queries/categories.js';
import {keyRangeStarts, parameterNamesInRange} from '../db/queries/parameters.js';
import {CATEGORY_RULES_VERSION_KEY, readSetting, writeSetting} from '../db/queries/settings.js';
import {CATEGORY_RULES_VERSION, categorize} from '../catalog/categories.js';
import {withWriteTransaction} from '../db/write.js';
import {regroupCatalog} from '../catalog/regroup.js';

/**
 * Re-runs the category rules over every stored plugin when they changed since the catalog was
 * categorised (each record's own decision; user overrides live in user_data and are untouched),
 * then the group step (catalog/regroup.ts). Cost: nothing when the version
 * matches; else one pass over plugins and their parameter names, in one transaction.
 */
export function recategorizeIfRulesChanged(store: Store): number {
	if (readSetting(store, CATEGORY_RULES_VERSION_KEY) === String(CATEGORY_RULES_VERSION)) {
		return 0;
	}

	return withWriteTransaction(store, () => {
		let changed = 0;
		const names = new Map<number, string[]>();
		for (const start of keyRangeStarts(store)) {
			for (const plugin of parameterNamesInRange(store, start, true)) {
				names.set(plugin.key, plugin.names);
			}
		}

		for (const plugin of probedPlugins(store)) {
			const result = categorize({...plugin, parameterNames: names.get(plugin.key) ?? []});
			if (result.category !== plugin.category || result.categorySource !== plugin.categorySource) {
				setRulesCategory(store, plugin.key, result.category, result.categorySource);
				changed++;
			}
		}

		writeSetting(store, CATEGORY_RULES_VERSION_KEY, String(CATEGORY_RULES_VERSION));
		regroupCatalog(store);
		return changed;
	});
}
