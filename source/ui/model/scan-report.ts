import {countOutcomes, type ScanDiff} from '../../scan/events.js';
import {count} from './format.js';
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

/**
 * What the dashboard says about unchanged files, from the events: the files skipped are the
 * `unchanged` outcomes of the counts (none in a full rescan, which probes them again); before the
 * first count arrives, `started` says how many unchanged files there are. Empty when none.
 */
export function unchangedText(view: ScanView): string {
	const counted = Object.values(view.counts).some(counts => Object.keys(counts).length > 0);
	const skipped = counted
		? countOutcomes(view.counts, ['unchanged'])
		: (view.full ? 0 : view.unchanged);
	if (skipped > 0) {
		return `${count(skipped)} unchanged files skipped`;
	}

	return view.full && view.unchanged > 0 ? `${count(view.unchanged)} unchanged files probed again` : '';
}
