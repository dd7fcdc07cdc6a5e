/**
 * Benchmark of the native host: probes the whole installed corpus serially in ONE host process (issue 3's goal: ≤ 5 s
 * on one worker) and reports plugins/s per format, the total, the host's peak RSS, and LV2 beside lilv's own
 * load-all floor (goal ≤ 1.2×). Corpus passes and LV2 rounds alternate with nothing else; the best of each counts,
 * because the machine may be shared.
 * Run alone: node --import=tsx test/bench/host.ts [--passes N] [--rounds N]
 * As a module: `hostBenchmark` (for test/bench/run.ts).
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readdir, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {promisify} from 'node:util';
import {fileURLToPath} from 'node:url';
import type {Format} from '../../source/catalog/plugin.js';
import {HostClient} from '../../source/host/client.js';
import {atMost, plain, type Benchmark, type Figure} from './measure.js';

const exec = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
export const lv2Env = {...process.env, LV2_PATH: '/usr/lib/lv2'};

export type CorpusFormat = Exclude<Format, 'au'>;

/** Where each format's corpus lives, and which entries are probe targets. */
const corpora: Record<CorpusFormat, {roots: string[]; target: (name: string, isDirectory: boolean) => boolean}> = {
	lv2: {roots: ['/usr/lib/lv2'], target: (name, isDirectory) => isDirectory && name.endsWith('.lv2')},
	ladspa: {roots: ['/usr/lib/ladspa'], target: (name, isDirectory) => !isDirectory && name.endsWith('.so')},
	vst2: {roots: ['/usr/lib/vst', '/usr/lib/lxvst'], target: (name, isDirectory) => !isDirectory && name.endsWith('.so')},
	vst3: {roots: ['/usr/lib/vst3'], target: (name, isDirectory) => isDirectory && name.endsWith('.vst3')},
	clap: {roots: ['/usr/lib/clap'], target: (name, isDirectory) => !isDirectory && name.endsWith('.clap')},
};

/** Every probe target (file or bundle) of `format` in the installed corpus, sorted. */
export async function targets(format: CorpusFormat): Promise<string[]> {
	const found: string[] = [];
	const walk = async (directory: string) => {
		const entries = await readdir(directory, {withFileTypes: true}).catch(() => []);
		for (const entry of entries) {
			const full = path.join(directory, entry.name);
			const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(full).catch(() => undefined))?.isDirectory() === true);
			if (corpora[format].target(entry.name, isDirectory)) {
				found.push(full);
			} else if (isDirectory) {
				await walk(full);
			}
		}
	};

	for (const root of corpora[format].roots) {
		await walk(root);
	}

	return found.sort();
}

async function peakRssMb(pid: number): Promise<number> {
	const status = await readFile(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU time (user + system) the process has used so far, in ms. */
async function cpuMs(pid: number): Promise<number> {
	const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks (100 Hz)
}

export type Row = {format: CorpusFormat; files: number; plugins: number; failures: number; ms: number};
/** One pass: rows per format; `wallMs` from spawning the host to its last reply; the host's CPU and peak RSS. */
export type Pass = {rows: Row[]; wallMs: number; cpuMs: number; rssMb: number};

/** Probes every target of the given formats in one fresh host. */
export async function probeAll(formats: CorpusFormat[], files?: Map<CorpusFormat, string[]>): Promise<Pass> {
	const lists = new Map<CorpusFormat, string[]>();
	for (const format of formats) {
		lists.set(format, files?.get(format) ?? await targets(format));
	}

	const start = performance.now();
	const host = new HostClient({env: lv2Env});
	const rows: Row[] = [];
	for (const format of formats) {
		let plugins = 0;
		let failures = 0;
		const formatStart = performance.now();
		for (const file of lists.get(format)!) {
			try {
				plugins += (await host.probe({format, path: file})).length;
			} catch {
				failures++;
			}
		}

		rows.push({format, files: lists.get(format)!.length, plugins, failures, ms: performance.now() - formatStart});
	}

	const wallMs = performance.now() - start;
	const rssMb = await peakRssMb(host.pid!);
	const cpu = await cpuMs(host.pid!);
	await host.shutdown();
	return {rows, wallMs, cpuMs: cpu, rssMb};
}

/** Compiles lilv-floor.c; returns a function that runs it once and gives {wallMs, cpuMs}, and a cleanup. */
async function lilvFloor(): Promise<{run: () => Promise<{wallMs: number; cpuMs: number}>; dispose: () => Promise<void>}> {
	const directory = await mkdtemp(path.join(tmpdir(), 'pluginary-bench-'));
	const binary = path.join(directory, 'lilv-floor');
	const flags = (await exec('pkg-config', ['--cflags', '--libs', 'lilv-0'])).stdout.trim().split(/\s+/);
	await exec('gcc', ['-O2', '-o', binary, path.join(here, 'lilv-floor.c'), ...flags]);
	return {
		async run() {
			const start = performance.now();
			const {stdout} = await exec(binary, [], {env: lv2Env});
			return {wallMs: performance.now() - start, cpuMs: Number(stdout.trim().split(' ')[3])};
		},
		dispose: async () => rm(directory, {recursive: true, force: true}),
	};
}

/** Formats the built host can probe here (AU never: macOS only). */
async function availableFormats(): Promise<CorpusFormat[]> {
	const host = new HostClient();
	const formats = (await host.initialize()).formats.filter(f => f.available && f.format !== 'au').map(f => f.format as CorpusFormat);
	await host.shutdown();
	return formats;
}

export type HostMeasurement = {
	/** The fastest whole-corpus pass. */
	best: Pass;
	/** Per-format best of all passes (each format's own fastest). */
	formatBest: Row[];
	lv2?: {oursWall: number; oursCpu: number; floorWall: number; floorCpu: number; rounds: number};
};

export async function measureHost(options: {passes?: number; rounds?: number; log?: (line: string) => void} = {}): Promise<HostMeasurement> {
	const passes = options.passes ?? 3;
	const rounds = options.rounds ?? 5;
	const log = options.log ?? (() => undefined);
	const formats = await availableFormats();
	const files = new Map<CorpusFormat, string[]>();
	for (const format of formats) {
		files.set(format, await targets(format));
	}

	let best: Pass | undefined;
	const formatBest = new Map<CorpusFormat, Row>();
	for (let pass = 0; pass < passes; pass++) {
		const result = await probeAll(formats, files);
		log(`pass ${pass + 1}/${passes}: ${(result.wallMs / 1000).toFixed(2)} s wall, ${(result.cpuMs / 1000).toFixed(2)} s host CPU`);
		if (!best || result.wallMs < best.wallMs) {
			best = result;
		}

		for (const row of result.rows) {
			if ((formatBest.get(row.format)?.ms ?? Number.POSITIVE_INFINITY) > row.ms) {
				formatBest.set(row.format, row);
			}
		}
	}

	const measurement: HostMeasurement = {best: best!, formatBest: formats.map(format => formatBest.get(format)!)};
	if (formats.includes('lv2') && existsSync('/usr/lib/lv2')) {
		// Rounds alternate between the floor and us so machine load hits both alike; best of each counts.
		const floor = await lilvFloor();
		const lv2 = {oursWall: Number.POSITIVE_INFINITY, oursCpu: Number.POSITIVE_INFINITY, floorWall: Number.POSITIVE_INFINITY, floorCpu: Number.POSITIVE_INFINITY, rounds};
		try {
			for (let round = 0; round < rounds; round++) {
				const ours = await probeAll(['lv2'], files);
				lv2.oursWall = Math.min(lv2.oursWall, ours.wallMs);
				lv2.oursCpu = Math.min(lv2.oursCpu, ours.cpuMs);
				const theirs = await floor.run();
				lv2.floorWall = Math.min(lv2.floorWall, theirs.wallMs);
				lv2.floorCpu = Math.min(lv2.floorCpu, theirs.cpuMs);
			}
		} finally {
			await floor.dispose();
		}

		measurement.lv2 = lv2;
	}

	return measurement;
}

export function hostFigures(measurement: HostMeasurement): Figure[] {
	const figures: Figure[] = measurement.formatBest.map(row => plain(`host.${row.format}.pluginsPerSecond`, row.plugins / (row.ms / 1000), 'plugins/s', true));
	const plugins = measurement.best.rows.reduce((sum, row) => sum + row.plugins, 0);
	figures.push(
		plain('host.total.pluginsPerSecond', plugins / (measurement.best.wallMs / 1000), 'plugins/s', true),
		atMost('host.total', measurement.best.wallMs / 1000, 's', 5),
		plain('host.total.cpu', measurement.best.cpuMs / 1000, 's'),
		plain('host.peakRss', measurement.best.rssMb, 'MB'),
	);
	if (measurement.lv2) {
		figures.push(atMost('host.lv2.lilvRatio', measurement.lv2.oursWall / measurement.lv2.floorWall, 'x', 1.2));
	}

	return figures;
}

/** The benchmark for test/bench/run.ts (`--only host`). */
export const hostBenchmark: Benchmark = {
	title: 'native host (whole corpus serially in one host; LV2 beside lilv\'s load-all floor)',
	async run() {
		return hostFigures(await measureHost());
	},
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const option = (name: string): number | undefined => {
		const at = process.argv.indexOf(`--${name}`);
		return at === -1 ? undefined : Number(process.argv[at + 1]);
	};

	const measurement = await measureHost({passes: option('passes'), rounds: option('rounds'), log: line => console.log(line)});
	console.log('\nbest pass:\nformat  files  plugins  failed   time ms  plugins/s');
	for (const row of measurement.best.rows) {
		console.log(`${row.format.padEnd(6)} ${String(row.files).padStart(6)} ${String(row.plugins).padStart(8)} ${String(row.failures).padStart(7)} ${row.ms.toFixed(0).padStart(9)} ${(row.plugins / (row.ms / 1000)).toFixed(0).padStart(10)}`);
	}

	const plugins = measurement.best.rows.reduce((sum, row) => sum + row.plugins, 0);
	console.log(`total: ${plugins} plugins in ${measurement.best.wallMs.toFixed(0)} ms (host start to last reply), ${measurement.best.cpuMs.toFixed(0)} ms host CPU; host peak RSS ${measurement.best.rssMb.toFixed(1)} MB`);
	if (measurement.lv2) {
		const lv2 = measurement.lv2;
		console.log(`LV2, best of ${lv2.rounds}: pluginary-host ${lv2.oursWall.toFixed(0)} ms wall (fresh host, spawn + specs + probes + JSON), ${lv2.oursCpu.toFixed(0)} ms host CPU`);
		console.log(`        lilv load-all floor ${lv2.floorWall.toFixed(0)} ms wall, ${lv2.floorCpu.toFixed(0)} ms CPU`);
		console.log(`        ratio ${(lv2.oursWall / lv2.floorWall).toFixed(2)}x wall, ${(lv2.oursCpu / lv2.floorCpu).toFixed(2)}x CPU (goal ≤ 1.2x)`);
	}

	console.log('');
	for (const figure of hostFigures(measurement)) {
		console.log(`${figure.name.padEnd(30)} ${String(figure.value).padStart(9)} ${figure.unit} ${figure.goal ?? ''} ${figure.met === false ? 'MISSED' : ''}`);
	}
}
