import {DEFAULT_FORMAT_PREFERENCE, type Format, type PluginSummary} from '../catalog/plugin.js';
import {nameKey, vendorKey} from '../catalog/vendor.js';

/** The fields that identify a plugin across formats. */
export type DuplicateKeyInput = Pick<PluginSummary, 'name' | 'vendor'> & {group?: string};

/** The vendor as it identifies a maker across formats (see catalog/vendor.ts). */
export const normaliseVendor = vendorKey;

/** The name as it identifies a plugin across formats (see catalog/vendor.ts). */
export const normaliseName = nameKey;

/**
 * The key shared by the same plugin in different formats: its group id (docs/groups.md), or for
 * a summary not from the store, normalised name + normalised vendor.
 */
export function duplicateKey(plugin: DuplicateKeyInput): string {
	return plugin.group ? `group:${plugin.group}` : `${nameKey(plugin.name, plugin.vendor)}|${vendorKey(plugin.vendor)}`;
}

/**
 * Groups plugins by duplicate key, keeping first-seen order of groups and members. A group of one
 * is a plugin found in one format only. Cost: linear.
 */
export function groupDuplicates<T extends DuplicateKeyInput>(plugins: Iterable<T>): T[][] {
	const groups = new Map<string, T[]>();
	for (const plugin of plugins) {
		const key = duplicateKey(plugin);
		const group = groups.get(key);
		if (group) {
			group.push(plugin);
		} else {
			groups.set(key, [plugin]);
		}
	}

	return [...groups.values()];
}

/** An item kept by collapsing, with the same plugin's entries in other formats. */
export type Collapsed<T> = {item: T; others: T[]};

/**
 * Collapses the same plugin across formats to one entry, keeping the most preferred format
 * present (several entries of that one format are all kept — they are different plugins). Kept
 * entries take the position of their group's first member, so a ranked list stays ranked.
 * `keyOf` gives the duplicate key (see duplicateKey; callers may cache it). Cost: linear.
 */
export function collapseBy<T>(items: readonly T[], keyOf: (item: T) => string, formatOf: (item: T) => Format,
	preference: readonly Format[] = DEFAULT_FORMAT_PREFERENCE): Array<Collapsed<T>> {
	const rank = (item: T): number => {
		const position = preference.indexOf(formatOf(item));
		return position === -1 ? preference.length : position;
	};

	const groups = new Map<string, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		const group = groups.get(key);
		if (group) {
			group.push(item);
		} else {
			groups.set(key, [item]);
		}
	}

	const result: Array<Collapsed<T>> = [];
	for (const group of groups.values()) {
		const best = Math.min(...group.map(item => rank(item)));
		const kept = group.filter(item => rank(item) === best);
		const others = group.filter(item => rank(item) !== best);
		kept.forEach((item, i) => result.push({item, others: i === 0 ? others : []}));
	}

	return result;
}

/** Collapses a list of summaries to one per plugin, keeping the preferred format (see collapseBy). */
export function collapse(summaries: readonly PluginSummary[], preference: readonly Format[] = DEFAULT_FORMAT_PREFERENCE): PluginSummary[] {
	return collapseBy(summaries, duplicateKey, summary => summary.format, preference).map(entry => entry.item);
}
