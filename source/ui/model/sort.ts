import {compareByNameKey, compareText, nocaseKey} from '../../catalog/name-order.js';
import type {PluginSummary} from '../../catalog/plugin.js';

/** Sort orders of the explorer: `best` is relevance when the filter has words, else by name. */
export const UI_SORTS = ['best', 'name', 'vendor', 'format', 'params', 'cpu', 'latency'] as const;
/** One explorer sort order. */
export type UiSort = (typeof UI_SORTS)[number];

/** The label the status bar shows for a sort. */
export function sortLabel(sort: UiSort, hasWords: boolean): string {
	return sort === 'best' ? (hasWords ? 'best match' : 'name') : sort === 'params' ? 'parameters' : sort;
}

/** The next sort of the `s` cycle; without words in the filter `best` and `name` are one step. */
export function nextSort(sort: UiSort, hasWords: boolean): UiSort {
	const cycle: readonly UiSort[] = hasWords ? UI_SORTS : UI_SORTS.filter(item => item !== 'name');
	const at = cycle.indexOf(sort === 'name' && !hasWords ? 'best' : sort);
	return cycle[(at + 1) % cycle.length]!;
}

const keyCache = new WeakMap<PluginSummary, {name: string; vendor: string}>();

/** The NOCASE keys of an item's name and vendor (see catalog/name-order.ts), computed once per item. */
function keys(item: PluginSummary): {name: string; vendor: string} {
	let cached = keyCache.get(item);
	if (!cached) {
		cached = {name: nocaseKey(item.name), vendor: nocaseKey(item.vendor)};
		keyCache.set(item, cached);
	}

	return cached;
}

/** Highest first; plugins without the figure (unchecked) after every one with it. */
const byFigure = (a: number | null | undefined, b: number | null | undefined): number => (b ?? -1) - (a ?? -1);

/** The store's orders (db/queries/plugins.ts) in JS. */
const comparators: Record<Exclude<UiSort, 'best'>, (a: PluginSummary, b: PluginSummary) => number> = {
	name: (a, b) => compareByNameKey(keys(a).name, a, keys(b).name, b),
	vendor: (a, b) => compareText(keys(a).vendor, keys(b).vendor) || compareText(keys(a).name, keys(b).name) || compareText(a.id, b.id),
	format: (a, b) => compareText(a.format, b.format) || compareText(keys(a).name, keys(b).name) || compareText(a.id, b.id),
	params: (a, b) => b.parameterCount - a.parameterCount || compareText(keys(a).name, keys(b).name) || compareText(a.id, b.id),
	cpu: (a, b) => byFigure(a.cpuPercent, b.cpuPercent) || compareByNameKey(keys(a).name, a, keys(b).name, b),
	latency: (a, b) => byFigure(a.latencySamples, b.latencySamples) || compareByNameKey(keys(a).name, a, keys(b).name, b),
};

/**
 * The items in the wanted order; `best` keeps the given order (ranked, or by name). Returns a
 * new array for other sorts. Cost: n log n string comparisons on cached NOCASE keys.
 */
export function sortItems(items: readonly PluginSummary[], sort: UiSort): readonly PluginSummary[] {
	if (sort === 'best') {
		return items;
	}

	return [...items].sort(comparators[sort]);
}
