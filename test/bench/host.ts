/* Benchmark of the native host: probes the whole installed corpus serially in ONE host process and prints
   plugins/s per format, total time and the host's peak RSS; times lilv's own load-all floor beside LV2.
   Run: node --import=tsx test/bench/host.ts */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readdir, readFile, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {fileURLToPath} from 'node:url';
import type {Format} from '../../source/catalog/plugin.js';
import {HostClient} from '../../source/host/client.js';

const exec = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const rounds = 5;

/** Where each format's corpus lives, and which entries are probe targets. */
const corpora: Record<Exclude<Format, 'au'>, {roots: string[]; target: (name: string, isDirectory: boolean) => boolean}> = {
	lv2: {roots: ['/usr/lib/lv2'], target: (name, isDirectory) => isDirectory && name.endsWith('.lv2')},
	ladspa: {roots: ['/usr/lib/ladspa'], target: (name, isDirectory) => !isDirectory && name.endsWith('.so')},
	vst2: {roots: ['/usr/lib/vst', '/usr/lib/lxvst'], target: (name, isDirectory) => !isDirectory && name.endsWith('.so')},
	vst3: {roots: ['/usr/lib/vst3'], target: (name, isDirectory) => isDirectory && name.endsWith('.vst3')},
	clap: {roots: ['/usr/lib/clap'], target: (name, isDirectory) => !isDirectory && name.endsWith('.clap')},
};

async function targets(format: keyof typeof corpora): Promise<string[]> {
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

async function peakRss(pid: number): Promise<number> {
	const status = await readFile(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU time (user + system) the process has used so far, in ms. */
async function cpuMs(pid: number): Promise<number> {
	const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks (100 Hz)
}

type Row = {format: string; files: number; plugins: number; failures: number; ms: number};

/** Probes every target of the given formats in one fresh host; returns rows and the host's peak RSS (MB). */
async function probeAll(formats: Array<keyof typeof corpora>): Promise<{rows: Row[]; rssMb: number; cpuMs: number}> {
	const host = new HostClient({env: {...process.env, LV2_PATH: '/usr/lib/lv2'}});
	const rows: Row[] = [];
	for (const format of formats) {
		const files = await targets(format);
		let plugins = 0;
		let failures = 0;
		const start = performance.now();
		for (const file of files) {
			try {
				plugins += (await host.probe({format, path: file})).length;
			} catch {
				failures++;
			}
		}

		rows.push({format, files: files.length, plugins, failures, ms: performance.now() - start});
	}

	const rssMb = await peakRss(host.pid!);
	const cpu = await cpuMs(host.pid!);
	await host.shutdown();
	return {rows, rssMb, cpuMs: cpu};
}

/** Compiles lilv-floor.c; returns a function that runs it once and gives {wallMs, cpuMs}. */
async function lilvFloor(): Promise<() => Promise<{wallMs: number; cpuMs: number}>> {
	const directory = await mkdtemp(path.join(tmpdir(), 'pluginary-bench-'));
	const binary = path.join(directory, 'lilv-floor');
	const flags = (await exec('pkg-config', ['--cflags', '--libs', 'lilv-0'])).stdout.trim().split(/\s+/);
	await exec('gcc', ['-O2', '-o', binary, path.join(here, 'lilv-floor.c'), ...flags]);
	return async () => {
		const start = performance.now();
		const {stdout} = await exec(binary, [], {env: {...process.env, LV2_PATH: '/usr/lib/lv2'}});
		return {wallMs: performance.now() - start, cpuMs: Number(stdout.trim().split(' ')[3])};
	};
}

const probe = new HostClient();
const available = (await probe.initialize()).formats.filter(f => f.available && f.format !== 'au').map(f => f.format as keyof typeof corpora);
await probe.shutdown();

const all = await probeAll(available);
console.log('format  files  plugins  failed   time ms  plugins/s');
for (const row of all.rows) {
	console.log(`${row.format.padEnd(6)} ${String(row.files).padStart(6)} ${String(row.plugins).padStart(8)} ${String(row.failures).padStart(7)} ${row.ms.toFixed(0).padStart(9)} ${(row.plugins / (row.ms / 1000)).toFixed(0).padStart(10)}`);
}

const total = all.rows.reduce((sum, row) => sum + row.ms, 0);
console.log(`total: ${all.rows.reduce((sum, row) => sum + row.plugins, 0)} plugins in ${total.toFixed(0)} ms; host peak RSS ${all.rssMb.toFixed(1)} MB`);

if (available.includes('lv2') && existsSync('/usr/lib/lv2')) {
	// Rounds alternate between the floor and us so machine load hits both alike; best of each counts.
	const floor = await lilvFloor();
	const best = {oursWall: Number.POSITIVE_INFINITY, oursCpu: Number.POSITIVE_INFINITY, floorWall: Number.POSITIVE_INFINITY, floorCpu: Number.POSITIVE_INFINITY};
	for (let round = 0; round < rounds; round++) {
		const start = performance.now();
		const ours = await probeAll(['lv2']);
		best.oursWall = Math.min(best.oursWall, performance.now() - start);
		best.oursCpu = Math.min(best.oursCpu, ours.cpuMs);
		const theirs = await floor();
		best.floorWall = Math.min(best.floorWall, theirs.wallMs);
		best.floorCpu = Math.min(best.floorCpu, theirs.cpuMs);
	}

	console.log(`LV2, best of ${rounds}: pluginary-host ${best.oursWall.toFixed(0)} ms wall (fresh host, spawn + specs + 89 probes + JSON), ${best.oursCpu.toFixed(0)} ms host CPU`);
	console.log(`        lilv load-all floor ${best.floorWall.toFixed(0)} ms wall, ${best.floorCpu.toFixed(0)} ms CPU`);
	console.log(`        ratio ${(best.oursWall / best.floorWall).toFixed(2)}x wall, ${(best.oursCpu / best.floorCpu).toFixed(2)}x CPU (goal ≤ 1.2x)`);
}
