import os from 'node:os';
import path from 'node:path';
import {openStore, type Store} from '../db/open.js';
import {storeWriteError} from '../db/store-errors.js';
import {removeFile} from '../db/queries/ingest.js';
import {closeInterruptedRuns, finishRun, startRun} from '../db/queries/scan-runs.js';
import type {Format, ProbedPlugin} from '../catalog/plugin.js';
import {usageError} from '../errors.js';
import {environmentAsText, fsPath, userPathText, utf8Path} from '../path-text.js';
import {existsSync} from 'node:fs';
import {Channel} from './channel.js';
import {discover, type Root} from './discover.js';
import {countOutcomes, type ScanEvent, type ScanFailure, type ScanHandle, type ScanSummary} from './events.js';
import {acquireScanLock} from './lock.js';
import {planScan, type PlannedProbe, type ScanPlan} from './plan.js';
import {HostPool, probeWork, toProbeOutcome, type ProbeJob, type ProbeOutcome} from './pool.js';
import {PathAliases} from './aliases.js';
import {WorkEstimate} from './eta.js';
import {Pacer} from './pacer.js';
import {markInFlight, recordOutcome} from './record.js';
import {recategorizeIfRulesChanged} from './recategorize.js';
import {regroupCatalog, regroupIfRulesChanged} from '../catalog/regroup.js';
import {defaultRoots, expandHome, scannableFormats} from './roots.js';

/** What a scan covers and how it runs (docs/architecture.md, Scanning). */
export type ScanOptions = {
	dbPath: string;
	/** `--rescan`: probe every file but the blacklist. */
	full?: boolean;
	/** `retry`: re-probe failed, timed-out, crashed and blacklisted files. */
	retry?: boolean;
	/** `--path`: only these folders/files (path text, source/path-text.ts); removal detection only inside them. */
	paths?: string[];
	/** `--format`: only these formats. */
	formats?: Format[];
	/** Worker processes (default: the number of cores). */
	jobs?: number;
	/** Per-probe timeout in seconds (default 30). */
	timeoutSeconds?: number;
	/** Folders added to each format's defaults (config `paths`). */
	extraPaths?: Partial<Record<Format, string[]>>;
	/** Crashes/timeouts in that many scans blacklist a file (default 2). */
	blacklistThreshold?: number;
	/** Environment for discovery and hosts (default process.env). */
	env?: NodeJS.ProcessEnv;
	/** Host binary (default PLUGINARY_HOST or the built one). */
	hostBinary?: string;
	/** The caller holds the scan lock already (`cache repair` empties the catalog, then rescans). */
	holdsLock?: boolean;
};

/**
 * Starts a scan: discovers plugin files, compares them with the store, probes what is new or
 * changed with a pool of hosts, commits each file's result as it arrives, and removes what is
 * gone. Events stream on `events`; `done` gives the summary. Only one scan per database runs at a
 * time (a second one fails with a clear message).
 */
export function startScan(options: ScanOptions): ScanHandle {
	const channel = new Channel<ScanEvent>();
	let pool: HostPool | undefined;
	let cancelled = false;
	const done = execute(options, channel, created => {
		pool = created;
		if (cancelled) {
			created.cancel();
		}
	}, () => cancelled).finally(() => channel.close());
	done.catch(() => undefined);
	return {
		events: channel,
		done,
		cancel() {
			cancelled = true;
			pool?.cancel();
		},
	};
}

/**
 * The roots a scan searches, in search order, as path text: `--path` folders are path text
 * already; folders from `*_PATH` variables and the config are read as a person typed them
 * (userPathText), with the real bytes of variables that are not UTF-8.
 */
export function scanRoots(options: Pick<ScanOptions, 'paths' | 'formats' | 'extraPaths' | 'env'>): Root[] {
	if (options.paths?.length) {
		return options.paths.map(folder => ({path: path.resolve(folder)}));
	}

	const formats = options.formats ?? scannableFormats();
	const env = environmentAsText(options.env);
	return formats.flatMap(format => [...defaultRoots(format, env), ...(options.extraPaths?.[format] ?? [])]
		.map(folder => ({path: userPathText(expandHome(folder)), format})));
}

async function execute(options: ScanOptions, channel: Channel<ScanEvent>, onPool: (pool: HostPool) => void, isCancelled: () => boolean): Promise<ScanSummary> {
	const started = Date.now();
	const store = openStore(options.dbPath);
	let lock;
	try {
		lock = options.holdsLock ? {release() {}} : acquireScanLock(options.dbPath);
	} catch (error) {
		store.close();
		throw error;
	}

	try {
		const roots = scanRoots(options);
		for (const root of roots) {
			if (!root.format && !existsSync(fsPath(root.path))) {
				throw usageError(`--path ${root.path} does not exist.`);
			}
		}

		const jobs = options.jobs ?? Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
		const pool = new HostPool({
			jobs,
			timeoutMs: (options.timeoutSeconds ?? 30) * 1000,
			env: options.env,
			binary: options.hostBinary,
		});
		await pool.check();
		onPool(pool);
		recategorizeIfRulesChanged(store);
		regroupIfRulesChanged(store);
		const resumeRunId = closeInterruptedRuns(store);
		const scanId = startRun(store, new Date(started), options.paths ? roots.map(root => root.path) : undefined, Boolean(options.full));
		const pacer = new Pacer(isCancelled);
		const discovery = await discover(roots, pacer, options.formats);
		const plan = await planScan(store, roots, discovery.candidates, {
			full: Boolean(options.full), retry: Boolean(options.retry), resumeRunId, formats: options.formats, unreadable: discovery.unreadable,
		}, pacer);
		const summary = initialSummary(plan);
		const byFormat: Record<string, number> = {};
		for (const probe of plan.probes) {
			byFormat[probe.format] = (byFormat[probe.format] ?? 0) + 1;
		}

		const skipped = Object.values(plan.unchangedByFormat).reduce((sum, count) => sum + count, 0);
		channel.push({type: 'started', total: plan.probes.length, byFormat, roots: roots.map(root => root.path), unchanged: plan.diff.unchanged, reasons: plan.reasons, skipped});
		for (const message of [...discovery.warnings, ...plan.warnings]) {
			channel.push({type: 'warning', message});
		}

		recordRefused(store, plan, {scanId, threshold: options.blacklistThreshold ?? 2, summary, channel});

		await probeAll(store, pool, plan.probes, {scanId, threshold: options.blacklistThreshold ?? 2, summary, channel, started, jobs});
		const interrupted = isCancelled();
		if (!interrupted) {
			// A cancel during discovery or planning leaves them partial: nothing is removed then.
			for (const file of plan.removed) {
				removeFile(store, file);
			}
		}

		regroupCatalog(store);
		summary.durationMs = Date.now() - started;
		summary.pluginsPerSecond = rate(countOk(summary), summary.durationMs);
		if (interrupted) {
			summary.interrupted = true;
		}

		finishRun(store, scanId, {interrupted, durationMs: summary.durationMs, pluginsPerSecond: summary.pluginsPerSecond, counts: summary.counts, diff: summary.diff});
		channel.push({type: 'finished', summary});
		return summary;
	} catch (error) {
		throw storeWriteError(options.dbPath, error);
	} finally {
		lock.release();
		store.close();
	}
}

/** Records the files that were not probed because they hold a FIFO, socket or device. */
function recordRefused(store: Store, plan: ScanPlan, context: Pick<ProbeContext, 'scanId' | 'threshold' | 'summary' | 'channel'>): void {
	for (const {probe, reason} of plan.refused) {
		recordOutcome(store, probe, {status: 'failed', error: reason}, context.scanId, context.threshold);
		bump(context.summary, probe.format, 'failed', 1);
		context.summary.failures.push({path: probe.path, format: probe.format, status: 'failed', error: reason});
		context.channel.push({type: 'file-done', worker: -1, path: probe.path, format: probe.format, plugins: 0, status: 'failed', error: reason});
	}
}

type ProbeContext = {scanId: number; threshold: number; summary: ScanSummary; channel: Channel<ScanEvent>; started: number; jobs: number};

/** LV2 bundles with more Turtle than this are split across workers (lilv parses only the plugins asked for). */
const splitBytes = 4 * 1024 * 1024;

/** One file's probe jobs: the whole file, or parts of a large LV2 bundle spread across workers. */
function jobsFor(probe: PlannedProbe, workers: number, aliases: PathAliases): ProbeJob[] {
	const readable = utf8Path(probe.path);
	const job: ProbeJob = readable === probe.path ? {path: probe.path, format: probe.format}
		: {path: probe.path, format: probe.format, probePath: readable ?? aliases.aliasFor(probe.path)};
	if (probe.format !== 'lv2' || workers < 2 || probe.size < splitBytes) {
		return [job];
	}

	const count = Math.min(workers, Math.ceil(probe.size / splitBytes));
	return Array.from({length: count}, (_, index) => ({...job, part: {index, count}}));
}

/** Collects the parts of one file until all have answered. */
type Assembly = {remaining: number; plugins: ProbedPlugin[]; failure?: ProbeOutcome; answered?: boolean; started: boolean};

/**
 * One file's outcome from its parts: a crash or timeout of any part stands for the file; an error
 * reply of a part whose plugins were all unreadable does not, when other parts gave plugins
 * (the whole bundle would have been read with those plugins skipped).
 */
function wholeOutcome(assembly: Assembly): ProbeOutcome {
	const {failure} = assembly;
	if (failure && (failure.status !== 'failed' || !assembly.answered)) {
		return failure;
	}

	return {status: 'ok', plugins: assembly.plugins};
}

async function probeAll(store: Store, pool: HostPool, probes: PlannedProbe[], context: ProbeContext): Promise<void> {
	const {summary, channel} = context;
	const byPath = new Map(probes.map(probe => [probe.path, probe]));
	const indexOf = new Map(probes.map((probe, index) => [probe.path, index]));
	const work = new WorkEstimate(probes.map(probe => probe.size));
	const aliases = new PathAliases();
	const queue = probes.flatMap(probe => jobsFor(probe, context.jobs, aliases));
	const assemblies = new Map<string, Assembly>();
	for (const job of queue) {
		const assembly = assemblies.get(job.path) ?? {remaining: 0, plugins: [], started: false};
		assembly.remaining++;
		assemblies.set(job.path, assembly);
	}

	let doneCount = 0;
	const progress = (): ScanEvent => {
		const elapsed = Date.now() - context.started;
		const plugins = countOk(summary);
		return {
			type: 'progress', done: doneCount, total: probes.length, plugins, pluginsPerSecond: rate(plugins, elapsed),
			etaSeconds: work.etaSeconds(elapsed), counts: summary.counts,
		};
	};

	await pool.run(queue, probeWork, {
		started(worker, job) {
			const assembly = assemblies.get(job.path)!;
			if (!assembly.started) {
				assembly.started = true;
				markInFlight(store, byPath.get(job.path)!, context.scanId);
			}

			channel.push({type: 'file-started', worker, path: job.path, format: job.format, part: job.part, at: Date.now()});
		},
		finished(worker, job, poolOutcome) {
			const outcome = toProbeOutcome(poolOutcome);
			const assembly = assemblies.get(job.path)!;
			assembly.remaining--;
			work.complete(indexOf.get(job.path)!, job.part ? 1 / job.part.count : 1);
			if (outcome.status === 'ok') {
				assembly.plugins.push(...outcome.plugins);
				assembly.answered = true;
			} else if (!assembly.failure || assembly.failure.status === 'failed') {
				assembly.failure = outcome;
			}

			if (assembly.remaining > 0) {
				channel.push(progress());
				return;
			}

			const probe = byPath.get(job.path)!;
			const whole = wholeOutcome(assembly);
			const recorded = recordOutcome(store, probe, whole, context.scanId, context.threshold);
			doneCount++;
			if (recorded.status === 'ok') {
				bump(summary, job.format, 'ok', recorded.plugins);
			} else if (recorded.status === 'skipped') {
				bump(summary, job.format, 'skipped', 1);
				(summary.skipped ??= []).push({path: job.path, format: job.format, reason: recorded.error ?? ''});
			} else {
				bump(summary, job.format, recorded.status, 1);
				const failure: ScanFailure = {path: job.path, format: job.format, status: recorded.status, error: recorded.error ?? ''};
				summary.failures.push(failure);
			}

			channel.push({type: 'file-done', worker, path: job.path, format: job.format, plugins: recorded.plugins, status: recorded.status, error: recorded.error});
			channel.push(progress());
		},
	}).finally(() => {
		aliases.dispose();
	});
}

/** The summary before any probe: the diff, and the files left alone (unchanged, blacklisted) per format. */
function initialSummary(plan: ScanPlan): ScanSummary {
	const summary: ScanSummary = {durationMs: 0, pluginsPerSecond: 0, counts: {}, diff: plan.diff, failures: [], skipped: []};
	for (const [format, count] of Object.entries(plan.unchangedByFormat)) {
		bump(summary, format, 'unchanged', count);
	}

	for (const candidate of plan.blacklisted) {
		bump(summary, candidate.format, 'blacklisted', 1);
	}

	return summary;
}

function bump(summary: ScanSummary, format: string, status: string, count: number): void {
	const counts = summary.counts[format] ??= {};
	counts[status] = (counts[status] ?? 0) + count;
}

function countOk(summary: ScanSummary): number {
	return countOutcomes(summary.counts, ['ok']);
}

function rate(count: number, ms: number): number {
	return ms > 0 ? Math.round((count * 1000 / ms) * 10) / 10 : 0;
}
