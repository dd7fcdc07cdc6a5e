import os from 'node:os';
import type {Store} from '../db/open.js';
import {healthCandidates, pruneHealth, recordHealth, type HealthCandidate} from '../db/queries/health.js';
import type {HostClient} from '../host/client.js';
import {HostProbeError} from '../host/errors.js';
import {HOST_ERROR_CODES, type CheckResult} from '../host/protocol.js';
import {UserError} from '../errors.js';
import {HostPool, type JobOutcome, type PoolWork} from '../scan/pool.js';
import {Channel} from '../scan/channel.js';
import type {CheckEvent, CheckHandle, CheckReport, CheckSummary} from './events.js';

/** Seconds a check may take before its host is killed and the plugin judged `timeout`. */
export const DEFAULT_CHECK_TIMEOUT_SECONDS = 10;

/** What a check run covers and how it runs. */
export type CheckOptions = {
	/** The open catalog; results are committed to it one plugin at a time. */
	store: Store;
	/** Only these plugin ids (a query's matches); every plugin when absent. */
	ids?: readonly string[];
	/** Run plugins whose current result is stored too (`--all`). */
	all?: boolean;
	/** Host processes in parallel (default: the number of cores). */
	jobs?: number;
	/** Per-plugin timeout in seconds (default 10). */
	timeoutSeconds?: number;
	/** Seconds of audio each plugin processes (the host's default, 2, when absent). */
	seconds?: number;
	/** Environment of the hosts (default process.env). */
	env?: NodeJS.ProcessEnv;
	/** Host binary (default PLUGINARY_HOST or the built one). */
	hostBinary?: string;
};

/** What a run does: the plugins to check and how many current results it keeps. */
export type CheckPlan = {queue: HealthCandidate[]; kept: number};

/**
 * The plugins a run checks: scanned, working plugins (of `ids` when given) with no current
 * result — none yet, or one from before their file changed — or all of them with `all`.
 */
export function planCheck(store: Store, options: Pick<CheckOptions, 'ids' | 'all'>): CheckPlan {
	const wanted = options.ids ? new Set(options.ids) : undefined;
	const candidates = healthCandidates(store).filter(candidate => !wanted || wanted.has(candidate.id));
	const queue = options.all ? candidates : candidates.filter(candidate => !candidate.checked);
	return {queue, kept: candidates.length - queue.length};
}

/**
 * Starts a check run: each planned plugin runs on audio in a pool of hosts (the scan's pool, so
 * a crash or hang costs one host, which is replaced); each judgement is committed as it arrives.
 * Nothing here touches the scan's blacklist. Events stream on `events`; `done` gives the summary.
 */
export function startCheck(options: CheckOptions): CheckHandle {
	const channel = new Channel<CheckEvent>();
	const plan = planCheck(options.store, options);
	const pool = new HostPool({
		jobs: options.jobs ?? Math.max(1, os.availableParallelism?.() ?? os.cpus().length),
		timeoutMs: (options.timeoutSeconds ?? DEFAULT_CHECK_TIMEOUT_SECONDS) * 1000,
		env: options.env,
		binary: options.hostBinary,
	});
	let cancelled = false;
	const done = execute(options, plan, pool, channel, () => cancelled).finally(() => channel.close());
	done.catch(() => undefined);
	return {
		events: channel,
		done,
		cancel() {
			cancelled = true;
			pool.cancel();
		},
	};
}

async function execute(options: CheckOptions, plan: CheckPlan, pool: HostPool, channel: Channel<CheckEvent>, isCancelled: () => boolean): Promise<CheckSummary> {
	const started = Date.now();
	const summary: CheckSummary = {durationMs: 0, checked: 0, kept: plan.kept, counts: {}, reports: []};
	pruneHealth(options.store);
	channel.push({type: 'started', total: plan.queue.length, kept: plan.kept});
	if (plan.queue.length > 0 && !isCancelled()) {
		await pool.check();
		const work: PoolWork<HealthCandidate, CheckResult> = async (host, candidate) => checkOn(host, candidate, options.seconds);
		await pool.run(plan.queue, work, {
			started(worker, candidate) {
				channel.push({type: 'plugin-started', worker, id: candidate.id, name: candidate.name});
			},
			finished(worker, candidate, outcome) {
				const report = judge(candidate, outcome);
				recordHealth(options.store, candidate, {...report, checkedAt: new Date().toISOString()});
				summary.reports.push(report);
				summary.counts[report.health] = (summary.counts[report.health] ?? 0) + 1;
				const done = summary.reports.length;
				const elapsed = Date.now() - started;
				const etaSeconds = Math.round(((plan.queue.length - done) * elapsed) / done / 1000);
				channel.push({type: 'plugin-done', worker, report, done, total: plan.queue.length, etaSeconds});
			},
		});
	}

	summary.checked = summary.reports.length;
	summary.durationMs = Date.now() - started;
	if (isCancelled()) {
		summary.interrupted = true;
	}

	channel.push({type: 'finished', summary});
	return summary;
}

/** Asks one host to check one plugin; a host without the method is a user error (rebuild it). */
async function checkOn(host: HostClient, candidate: HealthCandidate, seconds: number | undefined): Promise<CheckResult> {
	try {
		return await host.check({format: candidate.format, path: candidate.path, uid: candidate.uid, ...(seconds ? {seconds} : {})});
	} catch (error) {
		if (error instanceof HostProbeError && error.code === HOST_ERROR_CODES.methodNotFound) {
			throw new UserError("The native host cannot check plugins (it has no 'check' method); rebuild it with 'npm run build:host'.");
		}

		throw error;
	}
}

/**
 * The judgement of one plugin from what its host did: the host's own verdict when it answered;
 * `failed` with the reason for an error reply; `timeout` or `crashed` when the host hung or died.
 */
export function judge(candidate: Pick<HealthCandidate, 'id' | 'name' | 'format'>, outcome: JobOutcome<CheckResult>): CheckReport {
	const base = {id: candidate.id, name: candidate.name, format: candidate.format};
	if (outcome.status !== 'ok') {
		// A file that is no plugin of its format cannot be run: for a check that is a failure.
		const health = outcome.status === 'skipped' ? 'failed' : outcome.status;
		return {...base, health, warnings: [], latencySamples: null, cpuPercent: null, error: outcome.error};
	}

	const result = outcome.value;
	const report: CheckReport = {
		...base,
		health: result.health,
		warnings: [...result.warnings],
		latencySamples: result.latencySamples ?? null,
		cpuPercent: result.cpuPercent === null || result.cpuPercent === undefined ? null : Math.round(result.cpuPercent * 100) / 100,
	};
	if (result.error) {
		report.error = result.error;
	}

	return report;
}
