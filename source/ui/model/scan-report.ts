import type {ScanDiff} from '../../scan/events.js';
import type {ScanView} from './scan-state.js';

const statusOrder = ['ok', 'unchanged', 'failed', 'timeout', 'crashed', 'blacklisted'];

/** The formats (rows) and outcomes (columns) of the dashboard's count table. */
export function countColumns(view: ScanView): {formats: string[]; statuses: string[]} {
	const formats = [...new Set([...Object.keys(view.byFormat), ...Object.keys(view.counts)])].sort();
	const present = new Set(Object.values(view.counts).flatMap(counts => Object.keys(counts)));
	const statuses = [...statusOrder.filter(status => status === 'ok' || present.has(status)), ...[...present].filter(status => !statusOrder.includes(status)).sort()];
	return {formats, statuses};
}

/**
 * The diff as lines for the dashboard: one summary line, then the paths of new, changed and
 * removed files while `room` lines last ("… and 12 more" when cut).
 */
export function diffLines(diff: ScanDiff, room: number, separator = '·', ellipsis = '…'): string[] {
	const lines = [`${diff.new.length} new ${separator} ${diff.changed.length} changed ${separator} ${diff.removed.length} removed ${separator} ${diff.unchanged} unchanged`];
	const entries = [
		...diff.new.map(path => `  + ${path}`),
		...diff.changed.map(path => `  ~ ${path}`),
		...diff.removed.map(path => `  - ${path}`),
	];
	const space = Math.max(0, room - 1);
	if (entries.length <= space) {
		return [...lines, ...entries];
	}

	const shown = entries.slice(0, Math.max(0, space - 1));
	return [...lines, ...shown, `  ${ellipsis} and ${entries.length - shown.length} more`];
}
