import path from 'node:path';
import type {Store} from '../db/open.js';
import {blacklistedPaths} from '../db/queries/blacklist.js';
import {knownFiles, type KnownFile} from '../db/queries/ingest.js';
import {messageOf} from '../errors.js';
import type {Format} from '../catalog/plugin.js';
import type {Candidate, Root} from './discover.js';
import {fsPath} from '../path-text.js';
import {fingerprint, type Fingerprint} from './fingerprint.js';
import {FAILED_OUTCOMES, type ScanDiff} from './events.js';
import type {Pacer} from './pacer.js';

/** A file the scan will probe. */
export type PlannedProbe = Candidate & Fingerprint & {failCount: number; resumed: boolean};

/** Why files are probed: new, changed, left unfinished by an interrupted scan, or probed again (`--rescan`, `retry`). */
export type ProbeReasons = {new: number; changed: number; resumed: number; again: number};

/** What a scan has to do, decided before any probe runs. */
export type ScanPlan = {
	probes: PlannedProbe[];
	/** How many probes there are for each reason. */
	reasons: ProbeReasons;
	/** Files that would be probed but hold a FIFO, socket or device (the host would block): recorded as failed with `reason`. */
	refused: Array<{probe: PlannedProbe; reason: string}>;
	/** Files found but not probed because they are blacklisted. */
	blacklisted: Candidate[];
	/** Known files inside the scanned roots that are gone. */
	removed: string[];
	diff: ScanDiff;
	/** Unchanged files per format (not probed). */
	unchangedByFormat: Record<string, number>;
	warnings: string[];
};

/** How the plan decides what to probe. */
export type PlanOptions = {
	/** `--rescan`: probe every file but the blacklist. */
	full: boolean;
	/** `retry`: probe failed, timed-out, crashed and blacklisted files (ignoring the blacklist). */
	retry: boolean;
	/** The run whose finished files must not be probed again (an interrupted previous scan). */
	resumeRunId?: number;
	/** Only these formats. */
	formats?: Format[];
	/** Folders that could not be read: files under them are not "removed". */
	unreadable: string[];
};

const failedStatuses = new Set<string>(FAILED_OUTCOMES);

/**
 * Compares what discovery found with the files table: new, changed, unchanged, removed, and
 * which files to probe (interrupted ones first, then the largest, so workers finish together).
 * Cost: one stat per file (bundles: per file of the bundle), one query for all known files.
 * Yields through `pacer` and stops early (with a partial plan) once the scan is cancelled.
 */
export async function planScan(store: Store, roots: Root[], candidates: Candidate[], options: PlanOptions, pacer: Pacer): Promise<ScanPlan> {
	const known = new Map<string, KnownFile>();
	for (const row of knownFiles(store)) {
		known.set(row.path, row);
	}

	const blacklist = blacklistedPaths(store);
	const plan: ScanPlan = {probes: [], reasons: {new: 0, changed: 0, resumed: 0, again: 0}, refused: [], blacklisted: [], removed: [], diff: {new: [], changed: [], removed: [], unchanged: 0}, unchangedByFormat: {}, warnings: []};
	const found = new Set<string>();
	for (const candidate of candidates) {
		if (!await pacer.step()) {
			return plan;
		}

		found.add(candidate.path);
		let print: ReturnType<typeof fingerprint>;
		try {
			print = fingerprint(fsPath(candidate.path));
		} catch (error) {
			plan.warnings.push(`cannot read ${candidate.path}: ${messageOf(error)}`);
			found.delete(candidate.path);
			continue;
		}

		const previous = known.get(candidate.path);
		const isNew = !previous;
		const changed = Boolean(previous && (previous.size !== print.size || previous.mtimeMs !== print.mtimeMs));
		if (isNew) {
			plan.diff.new.push(candidate.path);
		} else if (changed) {
			plan.diff.changed.push(candidate.path);
		} else {
			plan.diff.unchanged++;
		}

		if (blacklist.has(candidate.path) && !options.retry) {
			plan.blacklisted.push(candidate);
			continue;
		}

		const resumed = previous?.status === 'inflight';
		const finishedEarlier = options.resumeRunId !== undefined && previous?.scanId === options.resumeRunId && !resumed;
		const wanted = isNew || changed || resumed
			|| (!finishedEarlier && options.full)
			|| (options.retry && previous !== undefined && (failedStatuses.has(previous.status) || blacklist.has(candidate.path)));
		if (wanted) {
			const probe = {...candidate, size: print.size, mtimeMs: print.mtimeMs, failCount: previous?.failCount ?? 0, resumed};
			if (print.irregular) {
				plan.refused.push({probe, reason: `${print.irregular}; not probed, reading it could block`});
			} else {
				plan.probes.push(probe);
				plan.reasons[isNew ? 'new' : (changed ? 'changed' : (resumed ? 'resumed' : 'again'))]++;
			}
		} else {
			plan.unchangedByFormat[candidate.format] = (plan.unchangedByFormat[candidate.format] ?? 0) + 1;
		}
	}

	for (const file of known.values()) {
		if (!found.has(file.path) && inScope(file, roots, options)) {
			plan.removed.push(file.path);
		}
	}

	plan.diff.removed = plan.removed;
	plan.probes.sort((a, b) => Number(b.resumed) - Number(a.resumed) || b.size - a.size);
	return plan;
}

/** Whether a known file lies inside the roots this scan covered (a partial scan removes nothing else). */
function inScope(file: KnownFile, roots: Root[], options: PlanOptions): boolean {
	if (options.formats && !options.formats.includes(file.format as Format)) {
		return false;
	}

	if (options.unreadable.some(dir => isInside(file.path, dir))) {
		return false;
	}

	return roots.some(root => (!root.format || root.format === file.format) && isInside(file.path, root.path));
}

function isInside(file: string, dir: string): boolean {
	const relative = path.relative(dir, file);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
