/** pluginary's own settings in the store's `settings` table (key → text), keys named once here. */
import type {Store} from '../open.js';
import {cachedStatement} from './statements.js';

/** The version of the category rules the stored categories were made with (written by a scan, read by the explorer). */
export const CATEGORY_RULES_VERSION_KEY = 'categoryRulesVersion';

/** The version of the grouping rules the stored display fields (vendor, name, group, category) were made with. */
export const GROUPING_VERSION_KEY = 'groupingVersion';

/** A stored setting, or undefined when it was never written. */
export function readSetting(store: Store, key: string): string | undefined {
	return cachedStatement(store, 'select value from settings where key = ?').pluck().get(key) as string | undefined;
}

/** Stores a setting (replacing its value). */
export function writeSetting(store: Store, key: string, value: string): void {
	cachedStatement(store, 'insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value').run(key, value);
}
