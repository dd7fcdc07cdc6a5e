/** The stored categories the category rules made (user overrides live in user_data: see curation.ts). */
import type {Format} from '../../catalog/plugin.js';
import type {Store} from '../open.js';
import {cachedStatement} from './statements.js';

/** What the category rules read of a stored plugin, and what they decided last time. */
export type CategorizedPlugin = {key: number; format: Format; name: string; rawCategory: string; isInstrument: boolean; category: string; categorySource: string};

/** Every stored plugin that was probed (placeholders of failed files keep `other`). */
export function probedPlugins(store: Store): CategorizedPlugin[] {
	const rows = cachedStatement(store, "select key, format, name, raw_category, is_instrument, category, category_source from plugins where status not in ('failed', 'timeout', 'crashed', 'blacklisted')")
		.raw().all() as Array<[number, Format, string, string, number, string, string]>;
	return rows.map(([key, format, name, rawCategory, isInstrument, category, categorySource]) => ({key, format, name, rawCategory, isInstrument: isInstrument === 1, category, categorySource}));
}

/** Stores the rules' category of one plugin. */
export function setRulesCategory(store: Store, key: number, category: string, categorySource: string): void {
	cachedStatement(store, 'update plugins set category = ?, category_source = ? where key = ?').run(category, categorySource, key);
}
