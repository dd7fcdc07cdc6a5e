import {useCallback, useMemo, useRef, useState} from 'react';
import {clampView, followSelection, moveView, TOP, type ListView, type Move} from '../model/navigation.js';

/** A windowed list's cursor, kept on the same item (by id) when the list changes. */
export type ListNavigation = ListView & {
	/** Applies a cursor move. */
	move(move: Move): void;
	/** The cursor as of the last move, even before React rendered it (for keys that arrive together). */
	cursorNow(): number;
};

/**
 * Cursor and window over `ids` (shown `height` rows at a time). The selection is remembered by
 * id, so filtering, sorting or reloading keeps the same plugin selected when it is still listed.
 * The logic is model/navigation.ts; this hook only holds the state.
 */
export function useListNavigation(ids: readonly string[], height: number): ListNavigation {
	const [state, setState] = useState<{view: ListView; selected: string | undefined}>({view: TOP, selected: undefined});
	const index = useMemo(() => (state.selected === undefined ? -1 : ids.indexOf(state.selected)), [ids, state.selected]);
	const view = followSelection(state.view, index, ids.length, height);
	const latest = useRef({view, ids, height});
	latest.current = {view, ids, height};
	const move = useCallback((step: Move) => {
		const {view: from, ids: list, height: rows} = latest.current;
		const next = moveView(from, step, list.length, rows);
		// Several keys can arrive before the next render: the next move starts from this one.
		latest.current = {view: next, ids: list, height: rows};
		setState({view: next, selected: list[next.cursor]});
	}, []);
	const cursorNow = useCallback(() => latest.current.view.cursor, []);
	return {...clampView(view, ids.length, height), move, cursorNow};
}
