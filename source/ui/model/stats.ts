import type {PluginSummary} from '../../catalog/plugin.js';
import type {Store} from '../../db/open.js';
import {catalogStats, lastScans, type CatalogStats, type ScanSummary} from '../../db/queries/stats.js';

/** What the stats screen draws. */
export type StatsData = {
	stats: CatalogStats;
	/** Newest first. */
	scans: ScanSummary[];
	/** The ten vendors with the most plugins, most first. */
	vendors: Array<[vendor: string, plugins: number]>;
};

/** Reads the statistics (a few grouped queries) and counts vendors over the loaded list. */
export function loadStats(store: Store, items: readonly PluginSummary[], scans = 6): StatsData {
	return {stats: catalogStats(store), scans: lastScans(store, scans), vendors: topVendors(items, 10)};
}

/** The `limit` vendors with the most plugins (empty vendor as "unknown"), ties by name. */
export function topVendors(items: readonly PluginSummary[], limit: number): Array<[string, number]> {
	const counts = new Map<string, number>();
	for (const item of items) {
		const vendor = item.vendor.trim() || 'unknown';
		counts.set(vendor, (counts.get(vendor) ?? 0) + 1);
	}

	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
}

/** Lines the stats screen's content takes (to limit scrolling). */
export function statsLines(data: StatsData): number {
	const formats = Math.max(1, Object.keys(data.stats.byFormat).length);
	const categories = Math.max(1, Object.keys(data.stats.byCategory).length);
	const left = 1 + formats + 1 + 1 + Math.max(1, data.vendors.length);
	const right = 1 + categories;
	return 2 + Math.max(left, right) + 2 + (data.scans.length > 0 ? 1 + data.scans.length : 1);
}
