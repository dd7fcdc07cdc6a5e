/**
 * Runs the host's `check` over every plugin of every file of the installed corpus (LV2, LADSPA, VST2, VST3, CLAP),
 * driving hosts directly: each worker probes a file for its uids, then checks each plugin. A host that dies is
 * `crashed` (with its signal) and replaced; one that does not answer within --timeout is killed, `timeout`, replaced.
 * Prints counts per format, every non-ok plugin with its reason, the warnings, and the wall time.
 * Run: node --import=tsx test/bench/check-corpus.ts [--jobs N] [--timeout S] [--json FILE] [--only FORMAT]
 */
import {writeFile} from 'node:fs/promises';
import {performance} from 'node:perf_hooks';
import type {Format} from '../../source/catalog/plugin.js';
import {HostClient} from '../../source/host/client.js';
import {HostCrashedError} from '../../source/host/errors.js';
import type {CheckResult} from '../../source/host/protocol.js';
import {lv2Env, targets, type CorpusFormat} from './host.js';

type Health = CheckResult['health'] | 'crashed' | 'timeout';
type Row = {format: Format; path: string; uid: string; name: string} & Omit<CheckResult, 'health'> & {health: Health};
type Job = {format: CorpusFormat; path: string};

function option(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : process.argv[index + 1] ?? fallback;
}

const jobs = Number(option('jobs', '1'));
const timeoutMs = Number(option('timeout', '10')) * 1000;
const only = option('only', '');
const formats: CorpusFormat[] = only ? [only as CorpusFormat] : ['lv2', 'ladspa', 'vst2', 'vst3', 'clap'];

/** One worker's host, replaced after a crash or timeout. */
class Worker {
	private host = new HostClient({env: lv2Env});

	/** The request's answer, or the host's end / the timeout as a health value. */
	async call<T>(request: (host: HostClient) => Promise<T>, limitMs = timeoutMs): Promise<T | {health: 'crashed' | 'timeout'; error: string}> {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<'timeout'>(resolve => {
			timer = setTimeout(resolve, limitMs, 'timeout');
		});
		try {
			const answer = await Promise.race([request(this.host), timeout]);
			if (answer !== 'timeout') {
				return answer;
			}

			this.replace();
			return {health: 'timeout', error: `no answer within ${limitMs / 1000} s`};
		} catch (error) {
			if (!(error instanceof HostCrashedError)) {
				throw error;
			}

			this.replace();
			return {health: 'crashed', error: error.message};
		} finally {
			clearTimeout(timer);
		}
	}

	close(): void {
		this.host.kill();
	}

	private replace(): void {
		this.host.kill();
		this.host = new HostClient({env: lv2Env});
	}
}

async function checkFile(worker: Worker, job: Job, rows: Row[], probeFailures: string[]): Promise<void> {
	// Probing is not what is measured here; a big bundle (LSP's LV2: 134 plugins) gets three minutes on a loaded machine.
	const probed = await worker.call(async host => host.probe({format: job.format, path: job.path}), 180_000).catch((error: unknown) => ({health: 'failed' as const, error: String(error)}));
	if (!Array.isArray(probed)) {
		probeFailures.push(`${job.format} ${job.path}: probe ${probed.health}: ${probed.error}`);
		return;
	}

	for (const plugin of probed) {
		const base = {format: job.format, path: job.path, uid: plugin.uid, name: plugin.name};
		const result = await worker.call(async host => host.check({format: job.format, path: job.path, uid: plugin.uid}))
			.catch((error: unknown) => ({health: 'failed' as const, error: `JSON-RPC error: ${String(error)}`}));
		rows.push({warnings: [], latencySamples: null, cpuPercent: null, ...base, ...result});
	}
}

function report(rows: Row[], probeFailures: string[], seconds: number): void {
	console.log(`check over the corpus: ${rows.length} plugins in ${seconds.toFixed(1)} s wall (--jobs ${jobs})`);
	for (const format of formats) {
		const mine = rows.filter(row => row.format === format);
		const counts = new Map<string, number>();
		for (const row of mine) {
			counts.set(row.health, (counts.get(row.health) ?? 0) + 1);
			for (const warning of row.warnings) {
				counts.set(`warn:${warning}`, (counts.get(`warn:${warning}`) ?? 0) + 1);
			}
		}

		console.log(`  ${format.padEnd(6)} ${String(mine.length).padStart(4)} plugins  ${[...counts].map(([key, n]) => `${key} ${n}`).join(', ')}`);
	}

	console.log('non-ok:');
	for (const row of rows.filter(row => row.health !== 'ok')) {
		console.log(`  ${row.health.padEnd(7)} ${row.format} ${row.uid} (${row.path}): ${row.error ?? ''}`);
	}

	console.log('warnings:');
	for (const row of rows.filter(row => row.warnings.length > 0)) {
		console.log(`  ${row.warnings.join(',').padEnd(16)} ${row.format} ${row.uid} cpu ${row.cpuPercent ?? '-'}%`);
	}

	for (const failure of probeFailures) {
		console.log(`probe failure (not checked): ${failure}`);
	}
}

const queue: Job[] = [];
for (const format of formats) {
	for (const target of await targets(format)) {
		queue.push({format, path: target});
	}
}

const rows: Row[] = [];
const probeFailures: string[] = [];
const start = performance.now();
await Promise.all(Array.from({length: jobs}, async () => {
	const worker = new Worker();
	try {
		for (let job = queue.shift(); job; job = queue.shift()) {
			await checkFile(worker, job, rows, probeFailures);
		}
	} finally {
		worker.close();
	}
}));
const seconds = (performance.now() - start) / 1000;
rows.sort((a, b) => a.format.localeCompare(b.format) || a.uid.localeCompare(b.uid));
report(rows, probeFailures, seconds);
const json = option('json', '');
if (json) {
	await writeFile(json, JSON.stringify({seconds, jobs, rows, probeFailures}, null, '\t'));
}
