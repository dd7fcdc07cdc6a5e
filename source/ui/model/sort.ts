import type {PluginSummary} from '../../catalog/plugin.js';

/** Sort orders of the explorer: `best` is relevance when the filter has words, else by name. */
export const UI_SORTS = ['best', 'name', 'vendor', 'format', 'params'] as const;
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

const lowerCache = new WeakMap<PluginSummary, {name: string; vendor: string}>();

function lower(item: PluginSummary): {name: string; vendor: string} {
	let keys = lowerCache.get(item);
	if (!keys) {
		keys = {name: item.name.toLowerCase(), vendor: item.vendor.toLowerCase()};
		lowerCache.set(item, keys);
	}

	return keys;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const comparators: Record<Exclude<UiSort, 'best'>, (a: PluginSummary, b: PluginSummary) => number> = {
	name: (a, b) => byText(lower(a).name, lower(b).name) || byText(a.format, b.format) || byText(a.id, b.id),
	vendor: (a, b) => byText(lower(a).vendor, lower(b).vendor) || byText(lower(a).name, lower(b).name) || byText(a.id, b.id),
	format: (a, b) => byText(a.format, b.format) || byText(lower(a).name, lower(b).name) || byText(a.id, b.id),
	params: (a, b) => b.parameterCount - a.parameterCount || byText(lower(a).name, lower(b).name) || byText(a.id, b.id),
};

/**
 * The items in the wanted order; `best` keeps the given order (ranked, or by name). Returns a
 * new array for other sorts. Cost: n log n string comparisons on cached lower-case keys.
 */
export function sortItems(items: readonly PluginSummary[], sort: UiSort): readonly PluginSummary[] {
	if (sort === 'best') {
		return items;
	}

	return [...items].sort(comparators[sort]);
}
