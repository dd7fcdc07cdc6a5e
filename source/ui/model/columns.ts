/** Widths of the explorer list's columns for a given row width. */
export type ListColumns = {mark: number; name: number; vendor: number; format: number; category: number};

/**
 * Splits a row of `width` columns: a favourite mark, name (most of the rest), vendor, format and
 * category, one space between columns. Works from 40 columns up. A `grouped` row lists its
 * formats ("vst3 clap lv2 vst2 ladspa": 25 columns), as far as the width allows.
 */
export function listColumns(width: number, grouped = false): ListColumns {
	const mark = 2;
	const format = grouped ? (width >= 100 ? 25 : width >= 70 ? 14 : 6) : 6;
	const category = width >= 70 ? 11 : 0;
	const gaps = category > 0 ? 3 : 2;
	const rest = Math.max(10, width - mark - format - category - gaps);
	const name = Math.ceil(rest * 0.6);
	return {mark, name, vendor: rest - name, format, category};
}

/** Width of the details pane beside the list, or 0 when the terminal is too narrow for one. */
export function paneWidth(columns: number): number {
	return columns >= 120 ? Math.max(44, Math.floor(columns * 0.38)) : 0;
}
