/**
 * The explorer's speed on synthetic catalogs (10k and 100k plugins): the real built binary runs
 * in a pseudo-terminal (util-linux `script`, 100×30) and the figures are read off its output:
 * first frame (spawn → first full screen), keystroke → next frame, and RSS once the search index
 * is built. Run alone: `node --import=tsx test/bench/explorer.ts [10000 100000]`.
 */
import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {openStore} from '../../source/db/open.js';
import {recordFileResult} from '../../source/db/queries/ingest.js';
import {atMost, percentile, plain, type Benchmark, type Figure} from './measure.js';
import {syntheticPlugins} from './synthetic.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli.js');
/** Where Ink starts a frame: a full clear, or (frames shorter than the terminal) a synchronized update. */
const frameStarts = ['\u001B[2J', '\u001B[?2026h'];

/** A synthetic catalog database of `n` plugins, built once and kept in the temp folder. */
export function catalogDb(n: number, seed = 7): string {
	const file = path.join(os.tmpdir(), `pluginary-bench-explorer-${n}-${seed}.db`);
	if (existsSync(file)) {
		return file;
	}

	const store = openStore(file);
	// 100k plugins with all their parameters would be ~10M rows; the explorer never reads them
	// in bulk (only names, for the index), so large catalogs keep a handful per plugin.
	const keep = n > 20_000 ? 8 : Number.POSITIVE_INFINITY;
	store.sqlite.transaction(() => {
		for (const entry of syntheticPlugins(n, seed)) {
			recordFileResult(store, {path: entry.path, format: entry.format, size: 1, mtimeMs: 1, status: 'ok'}, [{...entry, parameters: entry.parameters.slice(0, keep)}]);
		}
	})();
	store.close();
	return file;
}

/** The explorer running in a pty, with its screen output as a stream of frames. */
class Session {
	private readonly child: ChildProcess;
	private buffer = '';
	private waiters: Array<() => void> = [];
	readonly started = performance.now();

	constructor(db: string) {
		// Ink draws nothing live when CI is set (even empty), so the variable goes.
		const {CI: _ci, NO_COLOR: _noColor, ...env} = process.env;
		this.child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec node ${cli} --db ${db}`, '/dev/null'], {
			env: {...env, LANG: 'C.UTF-8'},
			stdio: ['pipe', 'pipe', 'ignore'],
		});
		this.child.stdout!.setEncoding('utf8');
		this.child.stdout!.on('data', (chunk: string) => {
			this.buffer += chunk;
			const waiters = this.waiters;
			this.waiters = [];
			for (const wake of waiters) {
				wake();
			}
		});
	}

	/** Everything since the last frame started (the screen as last drawn: every frame is drawn whole). */
	get screen(): string {
		const at = Math.max(...frameStarts.map(start => this.buffer.lastIndexOf(start)));
		return at === -1 ? this.buffer : this.buffer.slice(at);
	}

	/** Resolves at the next output chunk. */
	async next(timeoutMs = 10_000): Promise<number> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no output for ${timeoutMs} ms`)), timeoutMs);
			this.waiters.push(() => {
				clearTimeout(timer);
				resolve(performance.now());
			});
		});
	}

	/** Resolves when the screen satisfies `test`; returns the time. */
	async until(test: (screen: string) => boolean, timeoutMs = 60_000): Promise<number> {
		const deadline = performance.now() + timeoutMs;
		while (!test(this.screen)) {
			await this.next(Math.max(1, deadline - performance.now()));
		}

		return performance.now();
	}

	/** Writes a key and returns the time from the write to the next frame. */
	async key(bytes: string): Promise<number> {
		const frame = this.next();
		const sent = performance.now();
		this.child.stdin!.write(bytes);
		return (await frame) - sent;
	}

	/** RSS and peak RSS of the node process (MB). */
	memory(): {rss: number; peak: number} {
		const pid = execFileSync('pgrep', ['-P', String(this.child.pid)], {encoding: 'utf8'}).trim().split('\n')[0];
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const field = (name: string): number => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
		return {rss: field('VmRSS'), peak: field('VmHWM')};
	}

	async quit(): Promise<void> {
		const closed = new Promise(resolve => this.child.on('close', resolve));
		this.child.stdin!.write('\u0003');
		await closed;
	}
}

const pause = async (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** Keys typed into the filter, each with the query it leaves: words, Backspace, a space. */
const filterKeys: Array<[string, string]> = [
	...[...'compressor'].map((char, i): [string, string] => [char, 'compressor'.slice(0, i + 1)]),
	['\u007F', 'compresso'], ['\u007F', 'compress'], [' ', 'compress '], ...[...'mono'].map((char, i): [string, string] => [char, 'compress ' + 'mono'.slice(0, i + 1)]),
];

/** Measures one catalog size. */
export async function measureExplorer(n: number): Promise<Figure[]> {
	const db = catalogDb(n);
	const session = new Session(db);
	const firstFrame = (await session.until(screen => /plugins/.test(screen))) - session.started;
	const indexed = (await session.until(screen => /plugins/.test(screen) && !screen.includes('indexing'))) - session.started;
	await pause(200);
	const moves: number[] = [];
	for (let i = 0; i < 30; i++) {
		moves.push(await session.key('j'));
		await pause(40);
	}

	await session.key('/');
	await pause(40);
	// Typing and a correction (Backspace): each key to its frame, and to the list that follows it (the status
	// bar shows the filter the list is for, trimmed).
	const typed: number[] = [];
	const settled: number[] = [];
	let query = '';
	for (const [bytes, next] of filterKeys) {
		const sent = performance.now();
		typed.push(await session.key(bytes));
		if (next.trim() !== query) {
			query = next.trim();
			await session.until(screen => screen.includes(`filter: ${query}`), 10_000);
			settled.push(performance.now() - sent);
		}

		await pause(60);
	}

	const memory = session.memory();
	await session.quit();
	const k = n >= 1000 ? `${n / 1000}k` : String(n);
	const rssGoal = n <= 10_000 ? 150 : 400;
	return [
		...(n <= 10_000 ? [atMost(`explorer.${k}.firstFrame`, firstFrame, 'ms', 400)] : [plain(`explorer.${k}.firstFrame`, firstFrame, 'ms')]),
		plain(`explorer.${k}.indexReady`, indexed, 'ms'),
		...(n <= 10_000 ? [atMost(`explorer.${k}.keyToFrame.p95`, percentile(moves, 95), 'ms', 16)] : [plain(`explorer.${k}.keyToFrame.p95`, percentile(moves, 95), 'ms')]),
		plain(`explorer.${k}.keyToFrame.median`, percentile(moves, 50), 'ms'),
		plain(`explorer.${k}.filterKeyToFrame.median`, percentile(typed, 50), 'ms'),
		plain(`explorer.${k}.filterKeyToFrame.p95`, percentile(typed, 95), 'ms'),
		plain(`explorer.${k}.filterKeyToFrame.max`, Math.max(...typed), 'ms'),
		plain(`explorer.${k}.filterKeyToList.max`, Math.max(...settled), 'ms'),
		atMost(`explorer.${k}.rss`, memory.rss, 'MB', rssGoal),
		plain(`explorer.${k}.peakRss`, memory.peak, 'MB'),
	];
}

/** The benchmark for test/bench/run.ts (`--only explorer`). */
export const explorerBenchmark: Benchmark = {
	title: 'explorer (first frame, key latency, RSS at 10k and 100k plugins)',
	async run() {
		return [...await measureExplorer(10_000), ...await measureExplorer(100_000)];
	},
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const sizes = process.argv.slice(2).map(Number).filter(Boolean);
	for (const n of sizes.length > 0 ? sizes : [10_000]) {
		for (const figure of await measureExplorer(n)) {
			console.log(`${figure.name.padEnd(36)} ${String(figure.value).padStart(9)} ${figure.unit} ${figure.goal ?? ''} ${figure.met === false ? 'MISSED' : ''}`);
		}
	}
}
