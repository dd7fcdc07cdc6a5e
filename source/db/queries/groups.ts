/**
 * The store side of plugin groups (docs/groups.md): the rows grouping reads, the display fields
 * and group categories it writes back, a group's members, and the grouping version stamp.
 */
import type {Store} from '../open.js';
import {formatRank, type Category, type CategorySource, type CollapsedSummary, type Format, type GroupMember, type PluginSummary, type Status} from '../../catalog/plugin.js';
import {GROUPING_VERSION_KEY, readSetting, writeSetting} from './settings.js';
import {cachedStatement} from './statements.js';
import {withWriteTransaction} from '../write.js';

/** One stored plugin row as grouping sees it. */
export type GroupingRow = {
	key: number;
	id: string;
	format: Format;
	rawName: string;
	rawVendor: string;
	uid: string;
	path: string;
	audioInputs: number;
	auxInputs: number;
	audioOutputs: number;
	status: Status;
	shadowed: number;
	ownCategory: Category;
	ownCategorySource: CategorySource;
	userCategory: Category | null;
	/** What the row shows now (written by the last grouping). */
	name: string;
	vendor: string;
	groupId: string;
	category: Category;
	categorySource: CategorySource;
};

/** The display fields grouping decides for one row. */
export type GroupingUpdate = {key: number; name: string; vendor: string; groupId: string; category: Category; categorySource: CategorySource};

/** Every plugin row (shadowed copies too) with the user's category override, ordered by id. Cost: one scan of plugins. */
export function groupingRows(store: Store): GroupingRow[] {
	return cachedStatement(store, `select p.key, p.id, p.format, p.raw_name as rawName, p.raw_vendor as rawVendor, p.uid, p.path,
		p.audio_inputs as audioInputs, p.aux_inputs as auxInputs, p.audio_outputs as audioOutputs, p.status, p.shadowed,
		p.own_category as ownCategory, p.own_category_source as ownCategorySource, u.category as userCategory,
		p.name, p.vendor, p.group_id as groupId, p.category, p.category_source as categorySource
		from plugins p left join user_data u on u.plugin_id = p.id order by p.id, p.shadowed, p.rank, p.path`).all() as GroupingRow[];
}

/** Writes the rows whose display fields changed, in one transaction. */
export function writeGrouping(store: Store, updates: readonly GroupingUpdate[]): void {
	const update = cachedStatement(store, 'update plugins set name = @name, vendor = @vendor, group_id = @groupId, category = @category, category_source = @categorySource where key = @key');
	withWriteTransaction(store, () => {
		for (const row of updates) {
			update.run(row);
		}
	});
}

/** The members of a group (unshadowed), any order. */
export function groupMembers(store: Store, groupId: string): GroupMember[] {
	return cachedStatement(store, 'select id, format, path, status from plugins where group_id = ? and shadowed = 0')
		.all(groupId) as GroupMember[];
}

/**
 * A collapsed item: the summary with its group's formats (in `preference` order) and every
 * member's id. Cost: one indexed query.
 */
export function withGroup(store: Store, summary: PluginSummary, preference?: readonly Format[]): CollapsedSummary {
	const members = groupMembers(store, summary.group).sort((a, b) => formatRank(a.format, preference) - formatRank(b.format, preference) || a.id.localeCompare(b.id));
	const list = members.length > 0 ? members : [{id: summary.id, format: summary.format}];
	return {...summary, formats: [...new Set(list.map(member => member.format))], ids: list.map(member => member.id)};
}

/** The ids of the unshadowed members of the groups of `ids` (for applying a curation to a whole group). */
export function groupMemberIds(store: Store, id: string): string[] {
	return cachedStatement(store, `select id from plugins where shadowed = 0 and group_id in
		(select group_id from plugins where id = ? and group_id != '') union select ? order by 1`).pluck().all(id, id) as string[];
}

/** Groups of the catalog (unshadowed plugins). */
export function countGroups(store: Store): number {
	return cachedStatement(store, 'select count(distinct group_id) from plugins where shadowed = 0').pluck().get() as number;
}

/** The version of the grouping rules the stored display fields were made with. */
export function groupingStamp(store: Store): string | undefined {
	return readSetting(store, GROUPING_VERSION_KEY);
}

/** Records the grouping rules' version. */
export function setGroupingStamp(store: Store, version: string): void {
	writeSetting(store, GROUPING_VERSION_KEY, version);
}

/** One row's display fields for the explorer's after-scan check (id → name, vendor, group, category, source). */
export function displayFields(store: Store): Array<[string, string, string, string, string, string]> {
	return cachedStatement(store, 'select id, name, vendor, group_id, category, category_source from plugins where shadowed = 0').raw().all() as Array<[string, string, string, string, string, string]>;
}
