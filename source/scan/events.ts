import type {Format} from '../catalog/plugin.js';

/** Outcome of probing one file (`skipped`: not a plugin of its format, e.g. a shared library without entry point). */
export type FileOutcome = 'ok' | 'skipped' | 'failed' | 'timeout' | 'crashed' | 'blacklisted';

/** The outcomes of a file that could not be catalogued. */
export const FAILED_OUTCOMES: ReadonlyArray<Exclude<FileOutcome, 'ok'>> = ['failed', 'timeout', 'crashed', 'blacklisted'];

/** Scan counts: format → outcome → count (plugins for `ok`, files for the failure outcomes and `unchanged`). */
export type ScanCounts = Record<string, Record<string, number>>;

/** The total of some outcomes over every format of scan counts (the one reducer of them). */
export function countOutcomes(counts: ScanCounts, outcomes: readonly string[]): number {
	let total = 0;
	for (const byOutcome of Object.values(counts)) {
		for (const outcome of outcomes) {
			total += byOutcome[outcome] ?? 0;
		}
	}

	return total;
}

/** A file that could not be catalogued, with why. */
export type ScanFailure = {path: string; format: Format; status: Exclude<FileOutcome, 'ok' | 'skipped'>; error: string};

/** A file that is not a plugin of its format: neither a catalog row nor a failure. */
export type ScanSkipped = {path: string; format: Format; reason: string};

/** What changed since the previous scan (paths of files or bundles). */
export type ScanDiff = {new: string[]; changed: string[]; removed: string[]; unchanged: number};

/** The result of a scan: the object `scan --json` prints (docs/architecture.md, Command line). */
export type ScanSummary = {
	durationMs: number;
	/** Plugins catalogued by this scan's probes per second of the whole scan. */
	pluginsPerSecond: number;
	/** format → outcome → count: plugins for `ok`, files for the failure outcomes and `unchanged`. */
	counts: ScanCounts;
	diff: ScanDiff;
	failures: ScanFailure[];
	/** Files this scan probed that are not plugins (no entry point of their format). */
	skipped?: ScanSkipped[];
	/** True when the scan was cancelled before it probed everything (results so far are kept). */
	interrupted?: boolean;
};

/**
 * Everything a scan reports while it runs, in order: one `started`, then per file `file-started`
 * (per part, for a bundle split across workers; `at` is Date.now() when it started) and
 * `file-done`, `progress` after each file and each part (`etaSeconds` is undefined until enough
 * work is done to say, see eta.ts), `warning`s for unreadable folders and the like, and
 * one `finished` at the end (also after a cancel).
 */
export type ScanEvent =
	| {
		type: 'started'; total: number; byFormat: Record<string, number>; roots: string[];
		/** Files whose fingerprint did not change (probed again or not). */
		unchanged: number;
		/** Why the `total` files are probed. */
		reasons?: {new: number; changed: number; resumed: number; again: number};
		/** Unchanged files left alone (not probed). */
		skipped?: number;
	}
	| {type: 'file-started'; worker: number; path: string; format: Format; part?: {index: number; count: number}; at?: number}
	/** `worker` is -1 for a file recorded without a probe (it holds a FIFO, socket or device). */
	| {type: 'file-done'; worker: number; path: string; format: Format; plugins: number; status: FileOutcome; error?: string}
	| {type: 'progress'; done: number; total: number; plugins: number; pluginsPerSecond: number; etaSeconds: number | undefined; counts: ScanCounts}
	| {type: 'warning'; message: string}
	| {type: 'finished'; summary: ScanSummary};

/** A scan under way. */
export type ScanHandle = {
	/** Every event of the scan; ends after `finished`. Read it once. */
	events: AsyncIterable<ScanEvent>;
	/** Stops probing new files, kills busy hosts, keeps what finished; `done` still resolves. */
	cancel(): void;
	/** The summary, when the scan ends (rejects only when the scan could not run at all). */
	done: Promise<ScanSummary>;
};
