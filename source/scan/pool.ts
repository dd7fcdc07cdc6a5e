import {readFileSync} from 'node:fs';
import type {Format, ProbedPlugin} from '../catalog/plugin.js';
import {HostClient} from '../host/client.js';
import {HostCrashedError, HostProbeError, HostStartError} from '../host/errors.js';
import {HOST_ERROR_CODES} from '../host/protocol.js';
import {UserError, messageOf} from '../errors.js';

/** One file or bundle to probe — or one part of a large LV2 bundle (its plugins split by position). */
export type ProbeJob = {
	/** The file as the catalog knows it. */
	path: string;
	format: Format;
	part?: {index: number; count: number};
	/** Where the host should open it, when that differs from `path` (a UTF-8 alias). */
	probePath?: string;
};

/** What probing one file gave. */
export type ProbeOutcome =
	| {status: 'ok'; plugins: ProbedPlugin[]}
	| JobFailure;

/**
 * A job the host could not finish: an error reply, no answer in time, or the host died; or a file
 * that is not a plugin of its format (no entry point: `skipped`, not a failure, docs/groups.md).
 */
export type JobFailure = {status: 'failed' | 'timeout' | 'crashed' | 'skipped'; error: string};

/** What one job of the pool gave: the work's value, or how it failed. */
export type JobOutcome<R> = {status: 'ok'; value: R} | JobFailure;

/** The work a pool does for one job on one host (a probe, a health check). */
export type PoolWork<J, R> = (host: HostClient, job: J) => Promise<R>;

/** Pool settings. */
export type PoolOptions = {
	/** Number of host processes (workers). */
	jobs: number;
	/** Per-probe limit; a host that takes longer is killed and the file recorded as `timeout`. */
	timeoutMs: number;
	/** Environment for the hosts. */
	env?: NodeJS.ProcessEnv;
	/** A host whose resident memory passes this after a probe is replaced (default 768 MiB). */
	recycleBytes?: number;
	binary?: string;
};

/** Callbacks of `HostPool.run`. */
export type PoolHandlers<J, R> = {
	started(worker: number, job: J): void;
	finished(worker: number, job: J, outcome: JobOutcome<R>): void;
};

/** The pool's work for a scan: probe one file (or part of an LV2 bundle). */
export const probeWork: PoolWork<ProbeJob, ProbedPlugin[]> = async (host, job) => {
	const target = {format: job.format, path: job.probePath ?? job.path};
	return host.probe(job.part ? {...target, part: job.part} : target);
};

/** A probe's outcome from the pool's. */
export function toProbeOutcome(outcome: JobOutcome<ProbedPlugin[]>): ProbeOutcome {
	return outcome.status === 'ok' ? {status: 'ok', plugins: outcome.value} : outcome;
}

const killGraceMs = 200;

/**
 * A pool of native host processes working through one queue — probes for a scan, health checks
 * for `check`. Each job has a timeout; a hung host is killed (SIGTERM, SIGKILL after a short
 * grace), a crashed one is replaced, and the pool goes on. Cancelled jobs are not reported at
 * all — a cancel is never the plugin's fault.
 */
export class HostPool {
	private readonly hosts: Array<HostClient | undefined> = [];
	private cancelled = false;

	constructor(private readonly options: PoolOptions) {}

	/** Starts one host and asks it what it supports; throws a readable error if it cannot start. */
	async check(): Promise<Array<{format: Format; available: boolean; reason?: string}>> {
		const host = this.spawn();
		try {
			const info = await withTimeout(host.initialize(), 10_000, () => host.kill());
			await host.shutdown().catch(() => host.kill());
			return info.formats;
		} catch (error) {
			host.kill();
			if (error instanceof HostStartError) {
				throw new UserError(error.message);
			}

			throw new UserError(`The native host does not answer (${messageOf(error)}); rebuild it with 'npm run build:host'.`);
		}
	}

	/**
	 * Does `work` for every job with `jobs` workers; resolves when the queue is empty or the pool is
	 * cancelled. A handler that throws stops the pool (hosts killed) and the error is rethrown.
	 */
	async run<J, R>(queue: readonly J[], work: PoolWork<J, R>, handlers: PoolHandlers<J, R>): Promise<void> {
		let next = 0;
		const worker = async (index: number): Promise<void> => {
			while (!this.cancelled && next < queue.length) {
				const job = queue[next++]!;
				handlers.started(index, job);
				const outcome = await this.perform(index, job, work);
				if (this.cancelled) {
					return;
				}

				handlers.finished(index, job, outcome);
			}
		};

		let failure: unknown;
		const guarded = async (index: number): Promise<void> => {
			try {
				await worker(index);
			} catch (error) {
				// A handler failed (e.g. the store cannot be written): stop everything, report it once.
				failure ??= error;
				this.cancel();
			}
		};

		const count = Math.max(1, Math.min(this.options.jobs, queue.length));
		await Promise.all(Array.from({length: count}, async (_, index) => guarded(index)));
		await this.shutdown();
		if (failure !== undefined) {
			throw failure;
		}
	}

	/** Stops taking jobs and kills every host now (probes in flight are abandoned, not recorded). */
	cancel(): void {
		this.cancelled = true;
		for (const [index, host] of this.hosts.entries()) {
			host?.kill();
			this.hosts[index] = undefined;
		}
	}

	private spawn(): HostClient {
		return new HostClient({binary: this.options.binary, env: this.options.env});
	}

	private async perform<J, R>(index: number, job: J, work: PoolWork<J, R>): Promise<JobOutcome<R>> {
		let host = this.hosts[index];
		host ??= this.hosts[index] = this.spawn();
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			terminate(host);
		}, this.options.timeoutMs);
		try {
			const value = await work(host, job);
			this.recycleIfLarge(index, host);
			return {status: 'ok', value};
		} catch (error) {
			if (error instanceof HostProbeError) {
				return {status: isNotAPlugin(error) ? 'skipped' : 'failed', error: error.message};
			}

			this.hosts[index] = undefined;
			host.kill();
			if (timedOut) {
				return {status: 'timeout', error: `no answer within ${formatSeconds(this.options.timeoutMs)} (host killed)`};
			}

			if (error instanceof HostCrashedError) {
				return {status: 'crashed', error: crashText(error)};
			}

			if (error instanceof HostStartError || error instanceof UserError) {
				throw error; // the work cannot go on (no host, a host too old for it): stop the pool
			}

			return {status: 'crashed', error: messageOf(error)};
		} finally {
			clearTimeout(timer);
		}
	}

	private recycleIfLarge(index: number, host: HostClient): void {
		const limit = this.options.recycleBytes ?? 768 * 1024 * 1024;
		if (host.pid !== undefined && residentBytes(host.pid) > limit) {
			this.hosts[index] = undefined;
			void host.shutdown().catch(() => host.kill());
		}
	}

	private async shutdown(): Promise<void> {
		await Promise.all(this.hosts.map(async (host, index) => {
			this.hosts[index] = undefined;
			if (host) {
				await withTimeout(host.shutdown(), 2000, () => host.kill()).catch(() => host.kill());
			}
		}));
	}
}

function terminate(host: HostClient): void {
	if (host.pid !== undefined) {
		try {
			process.kill(host.pid, 'SIGTERM');
		} catch {}
	}

	setTimeout(() => host.kill(), killGraceMs).unref();
}

/**
 * A file that exports no entry point of its format (LSP's shared VST2 core library) is not a
 * plugin: the host says "not a plugin" and names the missing entry point. A library whose entry
 * point exists but does not work is a failure.
 */
export function isNotAPlugin(error: HostProbeError): boolean {
	return error.code === HOST_ERROR_CODES.notAPlugin && /\bentry point\b/.test(error.message) && !/incompatible/i.test(error.message);
}

function crashText(error: HostCrashedError): string {
	const lastLine = error.stderr.trim().split('\n').filter(Boolean).at(-1);
	return lastLine ? `${error.message} (last output: ${lastLine.slice(0, 200)})` : error.message;
}

function formatSeconds(ms: number): string {
	return `${Number((ms / 1000).toFixed(2))} s`;
}

/** Resident memory of a process from /proc (0 where /proc does not exist). */
export function residentBytes(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => {
			onTimeout();
			reject(new Error(`no answer within ${ms} ms`));
		}, ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
