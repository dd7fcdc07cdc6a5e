/**
 * The explorer's default view: one row per plugin group (the same plugin in several formats),
 * with the group's formats on the row (docs/groups.md). Favourites, tags and hidden stay per
 * plugin id; a group row shows a favourite when any member is one.
 */
import {formatRank, type Format, type PluginSummary} from '../../catalog/plugin.js';

/** One format of a group row: `shown` is false where the filter (or hiding) left that member out. */
export type FormatMark = {format: Format; shown: boolean};

/** A list row: a plugin (format view) or a group standing as its preferred matching member. */
export type ExplorerItem = PluginSummary & {
	/** Group view: every format of the group, in preference order. */
	formats?: FormatMark[];
	/** Group view: ids of the members marked favourite (the `f` key clears them all). */
	favoriteIds?: string[];
};

/** Members of every group, by group id (hidden members too). */
export type GroupIndex = ReadonlyMap<string, readonly PluginSummary[]>;

const groupOf = (summary: PluginSummary): string => summary.group || summary.id;

/** Indexes plugins by group. Cost: linear. */
export function indexGroups(summaries: Iterable<PluginSummary>): GroupIndex {
	const index = new Map<string, PluginSummary[]>();
	for (const summary of summaries) {
		const key = groupOf(summary);
		const list = index.get(key);
		if (list) {
			list.push(summary);
		} else {
			index.set(key, [summary]);
		}
	}

	return index;
}

/**
 * Folds a filtered, ordered list into one row per group, at the place of the group's first
 * matching member; the row is the most preferred matching member, with every format of the group
 * (matched ones `shown`) and the favourite mark of any member. Cost: linear in the items.
 */
export function groupRows(items: readonly PluginSummary[], groups: GroupIndex, preference?: readonly Format[]): ExplorerItem[] {
	const matched = new Map<string, PluginSummary[]>();
	for (const item of items) {
		const key = groupOf(item);
		const list = matched.get(key);
		if (list) {
			list.push(item);
		} else {
			matched.set(key, [item]);
		}
	}

	const rows: ExplorerItem[] = [];
	for (const [key, found] of matched) {
		const best = found.reduce((a, b) => (formatRank(b.format, preference) < formatRank(a.format, preference) ? b : a));
		const members = [...(groups.get(key) ?? found)].sort((a, b) => formatRank(a.format, preference) - formatRank(b.format, preference));
		const shown = new Set(found.map(member => member.id));
		const favoriteIds = members.filter(member => member.favorite).map(member => member.id);
		rows.push({
			...best,
			favorite: favoriteIds.length > 0,
			tags: [...new Set(members.flatMap(member => member.tags))],
			formats: members.map(member => ({format: member.format, shown: shown.has(member.id)})),
			favoriteIds,
		});
	}

	return rows;
}

/** Groups with at least one member not hidden (the group view's total). */
export function visibleGroups(groups: GroupIndex): number {
	let count = 0;
	for (const members of groups.values()) {
		if (members.some(member => !member.hidden)) {
			count++;
		}
	}

	return count;
}

/**
 * The formats of a row cut to `width` columns, one space apart; when they do not all fit, the
 * last shown one is followed by `ellipsis`.
 */
export function formatCells(marks: readonly FormatMark[], width: number, ellipsis = '…'): Array<FormatMark & {text: string}> {
	const cells: Array<FormatMark & {text: string}> = [];
	let used = 0;
	for (const [index, mark] of marks.entries()) {
		const gap = index === 0 ? 0 : 1;
		const room = width - used - gap - (index < marks.length - 1 ? ellipsis.length + 1 : 0);
		if (mark.format.length > room) {
			cells.push({...mark, text: (gap ? ' ' : '') + ellipsis, shown: false});
			break;
		}

		cells.push({...mark, text: (gap ? ' ' : '') + mark.format});
		used += gap + mark.format.length;
	}

	return cells;
}
