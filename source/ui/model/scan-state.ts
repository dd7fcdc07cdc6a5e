import type {Format} from '../../catalog/plugin.js';
import type {ScanEvent, ScanFailure, ScanSummary} from '../../scan/events.js';

/** What one worker is probing now: the file, the part of a split bundle, and since when (Date.now()). */
export type WorkerState = {path: string; format: Format; part?: {index: number; count: number}; since?: number};

/** Everything the scan dashboard shows, folded from the scan's events. */
export type ScanView = {
	/** starting → running → finished; `failed` when the scan could not run at all. */
	phase: 'starting' | 'running' | 'finished' | 'failed';
	/** True for `R` (full rescan). */
	full: boolean;
	/** Date.now() when the scan was started. */
	startedAt: number;
	/** Files to probe. */
	total: number;
	/** Files probed so far. */
	done: number;
	/** Plugins catalogued so far. */
	plugins: number;
	pluginsPerSecond: number;
	etaSeconds: number | undefined;
	/** Files to probe per format (from `started`). */
	byFormat: Record<string, number>;
	/** format → outcome → count. */
	counts: Record<string, Record<string, number>>;
	/** Unchanged files skipped (from `started`). */
	unchanged: number;
	roots: string[];
	/** Worker number → its current file; a worker between files is absent. */
	workers: Record<number, WorkerState>;
	/** Failures in the order they happened. */
	failures: ScanFailure[];
	warnings: string[];
	/** The final summary, when finished. */
	summary: ScanSummary | undefined;
	/** Why the scan could not run (phase `failed`). */
	error: string | undefined;
};

/** The view of a scan that was just asked for. */
export function startingScan(full: boolean, now: number): ScanView {
	return {
		phase: 'starting', full, startedAt: now, total: 0, done: 0, plugins: 0, pluginsPerSecond: 0, etaSeconds: undefined,
		byFormat: {}, counts: {}, unchanged: 0, roots: [], workers: {}, failures: [], warnings: [], summary: undefined, error: undefined,
	};
}

const keptWarnings = 50;

/**
 * Folds one scan event into the view (a new object; the old one is not changed). Failures are
 * kept in full (they are what a user reads afterwards); warnings keep the latest 50.
 */
export function reduceScan(view: ScanView, event: ScanEvent): ScanView {
	switch (event.type) {
		case 'started': {
			return {...view, phase: 'running', total: event.total, byFormat: event.byFormat, roots: event.roots, unchanged: event.unchanged ?? 0};
		}

		case 'file-started': {
			const worker: WorkerState = {path: event.path, format: event.format, ...(event.part && {part: event.part}), ...(event.at !== undefined && {since: event.at})};
			return {...view, phase: 'running', workers: {...view.workers, [event.worker]: worker}};
		}

		case 'file-done': {
			const {[event.worker]: _finished, ...workers} = view.workers;
			const failures = event.status === 'ok' || event.status === 'skipped'
				? view.failures
				: [...view.failures, {path: event.path, format: event.format, status: event.status, error: event.error ?? ''}];
			return {...view, workers, failures};
		}

		case 'progress': {
			return {
				...view, phase: 'running', done: event.done, total: event.total, plugins: event.plugins,
				pluginsPerSecond: event.pluginsPerSecond, etaSeconds: event.etaSeconds, counts: event.counts,
			};
		}

		case 'warning': {
			return {...view, warnings: [...view.warnings, event.message].slice(-keptWarnings)};
		}

		case 'finished': {
			return finishScan(view, event.summary);
		}
	}
}

/** The view once the summary is known. */
export function finishScan(view: ScanView, summary: ScanSummary): ScanView {
	return {
		...view, phase: 'finished', summary, workers: {}, counts: summary.counts, pluginsPerSecond: summary.pluginsPerSecond,
		failures: summary.failures.length >= view.failures.length ? summary.failures : view.failures, etaSeconds: 0,
		done: view.total > 0 ? Math.max(view.done, summary.interrupted ? view.done : view.total) : view.done,
	};
}

/** The view of a scan that could not run. */
export function failScan(view: ScanView, message: string): ScanView {
	return {...view, phase: 'failed', error: message, workers: {}};
}

/** True while the scan is under way. */
export function isRunning(view: ScanView | undefined): boolean {
	return view !== undefined && (view.phase === 'starting' || view.phase === 'running');
}

/** What a worker's line says after the path: the part of a split bundle and how long it has run. */
export function workerNote(worker: WorkerState, now: number, separator: string): string {
	const part = worker.part ? ` (part ${worker.part.index + 1}/${worker.part.count})` : '';
	const since = worker.since === undefined ? '' : ` ${separator} ${((Math.max(0, now - worker.since)) / 1000).toFixed(1)} s`;
	return part + since;
}

/** Share of files probed, 0..1 (1 when there was nothing to probe). */
export function progressRatio(view: ScanView): number {
	if (view.phase === 'finished') {
		return 1;
	}

	return view.total > 0 ? Math.min(1, view.done / view.total) : 0;
}
