import {useCallback, useDeferredValue, useMemo, useRef, useState} from 'react';
import type {PluginSummary} from '../../catalog/plugin.js';
import {filterMessage, listHeightFor, runFilter, type FilterResult, type FilterSource} from '../model/filter.js';
import {nextSort, type UiSort} from '../model/sort.js';
import type {Catalog} from './use-catalog.js';
import {useListNavigation, type ListNavigation} from './use-list-navigation.js';

/** The explorer's filter, sort and selection. */
export type ExplorerState = {
	/** The filter as typed (the list follows it a moment later: useDeferredValue). */
	query: string;
	/** The focus and query as of the last key, even before React rendered it (for routing fast keys). */
	focusNow(): {filterFocused: boolean; query: string};
	setQuery(query: string): void;
	focused: boolean;
	setFocused(focused: boolean): void;
	sort: UiSort;
	cycleSort(): void;
	/** The filter's result (on a query error, the last good items with the error). */
	result: FilterResult;
	/** True while the list still shows an older query than the one typed. */
	stale: boolean;
	/** The query the list shows now (the typed one once the list caught up). */
	shownQuery: string;
	nav: ListNavigation;
	selected: PluginSummary | undefined;
	/** The selected plugin as of the last key (see ListNavigation.cursorNow). */
	selectedNow(): PluginSummary | undefined;
};

/** Filter, sort and cursor over the catalog; the list is windowed to fit a terminal of `rows` lines. */
export function useExplorer(catalog: Catalog, rows: number): ExplorerState {
	const [query, setQueryState] = useState('');
	const [focused, setFocusedState] = useState(false);
	const now = useRef({filterFocused: false, query: ''});
	const setQuery = useCallback((value: string) => {
		now.current = {...now.current, query: value};
		setQueryState(value);
	}, []);
	const setFocused = useCallback((value: boolean) => {
		now.current = {...now.current, filterFocused: value};
		setFocusedState(value);
	}, []);
	const [sort, setSort] = useState<UiSort>('best');
	const deferredQuery = useDeferredValue(query);
	const source = useMemo((): FilterSource => (catalog.index ? {kind: 'index', index: catalog.index} : {kind: 'list', items: catalog.items}),
		[catalog.index, catalog.items]);
	const lastGood = useRef<FilterResult | undefined>(undefined);
	const result = useMemo(() => {
		const fresh = runFilter(source, deferredQuery, sort);
		if (fresh.error === undefined) {
			lastGood.current = fresh;
			return fresh;
		}

		return {...fresh, items: lastGood.current?.items ?? [], hasWords: lastGood.current?.hasWords ?? false};
	}, [source, deferredQuery, sort, catalog.revision]);
	const ids = useMemo(() => result.items.map(item => item.id), [result.items]);
	const nav = useListNavigation(ids, listHeightFor(rows, filterMessage(result) !== undefined));
	return {
		query, focusNow: () => ({...now.current}), setQuery, focused, setFocused, sort,
		cycleSort: () => setSort(current => nextSort(current, result.hasWords)),
		result, stale: deferredQuery !== query, shownQuery: deferredQuery, nav, selected: result.items[nav.cursor],
		selectedNow: () => result.items[nav.cursorNow()],
	};
}
