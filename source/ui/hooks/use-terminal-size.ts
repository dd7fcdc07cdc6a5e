import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

/** Columns and rows of the terminal. */
export type TerminalSize = {columns: number; rows: number};

/**
 * The terminal's size, updated on resize. `fixed` overrides it (tests, benchmarks). Falls back
 * to 80×24 when the stream does not say.
 */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
	const {stdout} = useStdout();
	const read = (): TerminalSize => fixed ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
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
