import type {Format, Health, HealthWarning} from '../catalog/plugin.js';

/** One plugin's check as `check --json` prints it (docs/health.md). */
export type CheckReport = {
	id: string;
	name: string;
	format: Format;
	health: Health;
	warnings: HealthWarning[];
	latencySamples: number | null;
	cpuPercent: number | null;
	/** Why it failed, crashed or timed out (absent when it processed). */
	error?: string;
};

/** The result of a check run. */
export type CheckSummary = {
	durationMs: number;
	/** Plugins checked by this run (the others had a current result, or did not match). */
	checked: number;
	/** Current results kept without running again (`--all` runs them too). */
	kept: number;
	/** health value → plugins checked by this run. */
	counts: Partial<Record<Health, number>>;
	reports: CheckReport[];
	/** True when the run was cancelled before it checked everything (results so far are kept). */
	interrupted?: boolean;
};

/**
 * Everything a check run reports, in order: one `started`, per plugin `plugin-started` and
 * `plugin-done` (with the running count), and one `finished` at the end (also after a cancel).
 */
export type CheckEvent =
	| {type: 'started'; total: number; kept: number}
	| {type: 'plugin-started'; worker: number; id: string; name: string}
	| {type: 'plugin-done'; worker: number; report: CheckReport; done: number; total: number; etaSeconds: number | undefined}
	| {type: 'finished'; summary: CheckSummary};

/** A check run under way. */
export type CheckHandle = {
	/** Every event of the run; ends after `finished`. Read it once. */
	events: AsyncIterable<CheckEvent>;
	/** Stops starting checks, kills busy hosts, keeps what finished; `done` still resolves. */
	cancel(): void;
	/** The summary when the run ends (rejects only when it could not run at all, e.g. no host). */
	done: Promise<CheckSummary>;
};
