/**
 * Applies plugin grouping to the store: after a scan, an import, a category override, or when the
 * grouping rules changed (docs/groups.md).
 */
import type {Store} from '../db/open.js';
import {groupingRows, groupingStamp, setGroupingStamp, writeGrouping, type GroupingRow, type GroupingUpdate} from '../db/queries/groups.js';
import {groupCategories} from './group-category.js';
import {groupRecords} from './groups.js';

/** Version of the grouping rules; bump it when groups.ts, vendor.ts or group-category.ts change what they decide. */
export const GROUPING_VERSION = 1;

const placeholderStatuses = new Set(['failed', 'timeout', 'crashed', 'blacklisted']);

/**
 * Recomputes every group, display name and vendor and group category, and writes the rows that
 * changed. Records keep their ids; shadowed copies follow their id's catalogued row.
 * Cost: one read of the plugin rows, pure work linear in them, one write per changed row.
 */
export function regroupCatalog(store: Store): number {
	const rows = groupingRows(store);
	const visible = rows.filter(row => row.shadowed === 0);
	const groups = groupRecords(visible.map(row => ({...row, placeholder: placeholderStatuses.has(row.status)})));
	const decided = new Map<string, Omit<GroupingUpdate, 'key'>>();
	for (const group of groups) {
		const categories = groupCategories(group.members.map(member => ({
			id: member.id, format: member.format, category: member.ownCategory, categorySource: member.ownCategorySource, userCategory: member.userCategory,
		})));
		group.members.forEach((member, index) => {
			decided.set(member.id, {name: group.name, vendor: group.vendor, groupId: group.id, ...categories[index]!});
		});
	}

	const updates: GroupingUpdate[] = [];
	for (const row of rows) {
		const fields = decided.get(row.id) ?? {name: row.rawName, vendor: row.vendor, groupId: row.id, category: row.ownCategory, categorySource: row.ownCategorySource};
		if (changed(row, fields)) {
			updates.push({key: row.key, ...fields});
		}
	}

	writeGrouping(store, updates);
	setGroupingStamp(store, String(GROUPING_VERSION));
	return updates.length;
}

/** Regroups when the stored display fields were made by other grouping rules (or none: a migrated store). */
export function regroupIfRulesChanged(store: Store): number {
	return groupingStamp(store) === String(GROUPING_VERSION) ? 0 : regroupCatalog(store);
}

function changed(row: GroupingRow, fields: Omit<GroupingUpdate, 'key'>): boolean {
	return row.name !== fields.name || row.vendor !== fields.vendor || row.groupId !== fields.groupId
		|| row.category !== fields.category || row.categorySource !== fields.categorySource;
}
