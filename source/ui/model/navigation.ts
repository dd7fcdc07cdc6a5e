/** The cursor and the first visible row of a windowed list. */
export type ListView = {
	/** Index of the selected row (0 when the list is empty). */
	cursor: number;
	/** Index of the first row on screen. */
	offset: number;
};

/** Cursor moves a list understands. */
export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

/** The empty view: top of the list. */
export const TOP: ListView = {cursor: 0, offset: 0};

/**
 * Keeps a view valid for a list of `count` rows shown `height` at a time: the cursor inside the
 * list, the window inside the list and around the cursor (scrolling as little as possible).
 */
export function clampView(view: ListView, count: number, height: number): ListView {
	const rows = Math.max(1, height);
	if (count <= 0) {
		return TOP;
	}

	const cursor = Math.min(Math.max(0, view.cursor), count - 1);
	let offset = Math.min(Math.max(0, view.offset), Math.max(0, count - rows));
	if (cursor < offset) {
		offset = cursor;
	} else if (cursor >= offset + rows) {
		offset = cursor - rows + 1;
	}

	return cursor === view.cursor && offset === view.offset ? view : {cursor, offset};
}

/** Applies a cursor move. PgUp/PgDn move cursor and window by a page together, like less. */
export function moveView(view: ListView, move: Move, count: number, height: number): ListView {
	const rows = Math.max(1, height);
	switch (move) {
		case 'up': {
			return clampView({...view, cursor: view.cursor - 1}, count, rows);
		}

		case 'down': {
			return clampView({...view, cursor: view.cursor + 1}, count, rows);
		}

		case 'pageUp': {
			return clampView({cursor: view.cursor - rows, offset: view.offset - rows}, count, rows);
		}

		case 'pageDown': {
			const last = Math.max(0, count - 1);
			return clampView({cursor: Math.min(view.cursor + rows, last), offset: view.offset + rows}, count, rows);
		}

		case 'home': {
			return clampView(TOP, count, rows);
		}

		case 'end': {
			return clampView({cursor: count - 1, offset: count - rows}, count, rows);
		}
	}
}

/**
 * The view after the list changed: the cursor follows the selected item to its new index when it
 * is still there (keeping its distance from the top of the window), else stays at the same
 * position. `index` is the selected item's new index, or -1.
 */
export function followSelection(previous: ListView, index: number, count: number, height: number): ListView {
	if (index < 0) {
		return clampView(previous, count, height);
	}

	const distance = previous.cursor - previous.offset;
	return clampView({cursor: index, offset: index - distance}, count, height);
}

/** The rows of the window: [start, end) indexes into the list. */
export function visibleRange(view: ListView, count: number, height: number): [number, number] {
	const start = Math.min(view.offset, Math.max(0, count - 1));
	return [Math.max(0, start), Math.min(count, Math.max(0, start) + Math.max(1, height))];
}

/** The move a command stands for, if it is a cursor command. */
export function moveOf(command: string): Move | undefined {
	const moves: Record<string, Move> = {
		'cursor.up': 'up', 'cursor.down': 'down', 'cursor.pageUp': 'pageUp',
		'cursor.pageDown': 'pageDown', 'cursor.home': 'home', 'cursor.end': 'end',
	};
	return moves[command];
}
