import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

/** Columns and rows of the terminal. */
export type TerminalSize = {columns: number; rows: number};

/**
 * Rows the explorer draws on a terminal of `rows` lines: one less. When a frame fills the whole
 * height, Ink clears the terminal and writes every line again on each frame; one line short of
 * it, Ink (with incremental rendering) rewrites only the lines that changed.
 */
export function drawableRows(rows: number): number {
	return Math.max(1, rows - 1);
}

/**
 * The size the explorer draws in, updated on resize: the terminal's columns and drawableRows of
 * its rows. `fixed` overrides it (tests, benchmarks). Falls back to 80×24 when the stream does
 * not say.
 */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
	const {stdout} = useStdout();
	const read = (): TerminalSize => fixed ?? {columns: stdout.columns || 80, rows: drawableRows(stdout.rows || 24)};
	const [size, setSize] = useState(read);
	useEffect(() => {
		if (fixed) {
			return;
		}

		const update = (): void => setSize(read());
		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout, fixed?.columns, fixed?.rows]);
	return fixed ?? size;
}
