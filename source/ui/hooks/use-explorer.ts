import {useCallback, useDeferredValue, useMemo, useRef, useState} from 'react';
import {filterMessage, listHeightFor, runFilter, type FilterResult, type FilterSource} from '../model/filter.js';
import {groupRows, indexGroups, visibleGroups, type ExplorerItem} from '../model/grouped-rows.js';
import {nextSort, type UiSort} from '../model/sort.js';
import {FieldLink} from '../keys/field-link.js';
import {typeText} from '../keys/text-edit.js';
import type {Catalog} from './use-catalog.js';
import {useListNavigation, type ListNavigation} from './use-list-navigation.js';

/** The explorer's filter, sort and selection. */
export type ExplorerState = {
	/** The filter as typed (the list follows it a moment later: useDeferredValue). */
	query: string;
	/** The focus and query as of the last key, even before React rendered it (for routing fast keys). */
	focusNow(): {filterFocused: boolean; query: string};
	setQuery(query: string): void;
	/** Text typed by the key router, not the text field (which it then mounts afresh, its cursor at the end). */
	typeQuery(query: string): void;
	/** Changes whenever the text field must mount afresh (see typeQuery). */
	fieldKey: number;
	/** The text field's change (ink-text-input): taken when the key router let the key edit (gateEdits). Stable. */
	editQuery(value: string): void;
	/** The text field's Enter: keeps the filter and leaves it. Stable. */
	submitQuery(): void;
	/** The key router's link to the text field (stable). */
	field: FieldLink;
	focused: boolean;
	setFocused(focused: boolean): void;
	sort: UiSort;
	cycleSort(): void;
	/** The filter's result (on a query error, the last good items with the error). */
	result: FilterResult;
	/** True for one row per plugin group (the default), false for one row per format. */
	grouped: boolean;
	toggleGrouped(): void;
	/** The rows the list shows: the result's items, folded by group when `grouped`. */
	rows: readonly ExplorerItem[];
	/** What the status bar counts against: plugin groups (grouped) or plugins, hidden ones left out. */
	total: number;
	/** True while the list still shows an older query than the one typed. */
	stale: boolean;
	/** The query the list shows now (the typed one once the list caught up). */
	shownQuery: string;
	nav: ListNavigation;
	selected: ExplorerItem | undefined;
	/** The selected row as of the last key (see ListNavigation.cursorNow). */
	selectedNow(): ExplorerItem | undefined;
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
	const [field] = useState(() => new FieldLink());
	const editQuery = useCallback((value: string) => {
		if (field.edits) {
			// A chunk the field inserted whole may hold Enter or Backspace (see typeText).
			const typed = typeText('', value);
			setQuery(typed.value);
			if (typed.done) {
				setFocused(false);
			}
		}
	}, [setQuery, setFocused]);
	const [fieldKey, setFieldKey] = useState(0);
	const typeQuery = useCallback((value: string) => {
		setQuery(value);
		setFieldKey(key => key + 1);
	}, [setQuery]);
	const submitQuery = useCallback(() => setFocused(false), [setFocused]);
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
	const [grouped, setGrouped] = useState(true);
	const groups = useMemo(() => indexGroups(catalog.index ? catalog.index.documents().map(document => document.summary) : catalog.items),
		[catalog.index, catalog.items, catalog.revision]);
	const shown = useMemo(() => (grouped ? groupRows(result.items, groups) : result.items), [grouped, result.items, groups]);
	const ids = useMemo(() => shown.map(item => item.id), [shown]);
	const nav = useListNavigation(ids, listHeightFor(rows, filterMessage(result) !== undefined));
	return {
		query, focusNow: () => ({...now.current}), setQuery, typeQuery, fieldKey, editQuery, submitQuery, field, focused, setFocused, sort,
		cycleSort: () => setSort(current => nextSort(current, result.hasWords)),
		result, grouped, toggleGrouped: () => setGrouped(current => !current), rows: shown,
		total: grouped ? visibleGroups(groups) : catalog.total,
		stale: deferredQuery !== query, shownQuery: deferredQuery, nav, selected: shown[nav.cursor],
		selectedNow: () => shown[nav.cursorNow()],
	};
}
