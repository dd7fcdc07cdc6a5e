import {useCallback, useState} from 'react';
import type {Move} from '../model/navigation.js';

/** A scroll position over text that has no cursor (help, stats). */
export type Scroll = {offset: number; move(move: Move, lines: number, height: number): void; reset(): void};

/** Scrolls `lines` of content in a window of `height`: up/down by one, pages, ends. */
export function useScroll(): Scroll {
	const [offset, setOffset] = useState(0);
	const move = useCallback((step: Move, lines: number, height: number) => {
		const max = Math.max(0, lines - height);
		const delta = {up: -1, down: 1, pageUp: -height, pageDown: height, home: -lines, end: lines}[step];
		setOffset(current => Math.min(max, Math.max(0, current + delta)));
	}, []);
	const reset = useCallback(() => setOffset(0), []);
	return {offset, move, reset};
}
