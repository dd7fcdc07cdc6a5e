import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';

/** One benchmark figure. */
export type Figure = {
	/** Stable name, e.g. "scan.cold.jobs2" — the key `--compare` matches on. */
	name: string;
	value: number;
	unit: 'ms' | 's' | 'MB' | 'plugins/s' | 'x' | 'count' | '%';
	/** Whether a larger value is better (rates, ratios). */
	higherIsBetter?: boolean;
	/** The goal, as text, e.g. "≤ 300 ms". */
	goal?: string;
	/** Whether the goal is met (undefined when there is no goal). */
	met?: boolean;
	/** Why the figure could not be measured in this run (value is then NaN). */
	unavailable?: string;
};

/** A benchmark module: gives its figures. */
export type Benchmark = {title: string; run(): Promise<Figure[]>};

/** What running a command cost. */
export type CommandCost = {ms: number; peakRssMb: number; code: number | null; stdout: string};

/**
 * Runs a command to its end and measures wall time (here) and peak RSS (GNU time's %M, from the
 * Debian package `time`).
 */
export async function timeCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CommandCost> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'pluginary-bench-'));
	const report = path.join(dir, 'time.txt');
	const start = performance.now();
	const child = spawn('/usr/bin/time', ['-f', '%M', '-o', report, command, ...args], {env, stdio: ['ignore', 'pipe', 'ignore']});
	let stdout = '';
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		stdout += chunk;
	});
	const code = await new Promise<number | null>(resolve => {
		child.on('close', resolve);
	});
	const ms = performance.now() - start;
	const kb = Number(readFileSync(report, 'utf8').trim().split('\n').at(-1));
	rmSync(dir, {recursive: true, force: true});
	return {ms, peakRssMb: kb / 1024, code, stdout};
}

/** Runs `times` times and keeps the run with the median wall time. */
export async function medianRun(times: number, run: () => Promise<CommandCost>): Promise<CommandCost> {
	const runs: CommandCost[] = [];
	for (let i = 0; i < times; i++) {
		runs.push(await run());
	}

	runs.sort((a, b) => a.ms - b.ms);
	return runs[Math.floor(runs.length / 2)]!;
}

/** Percentile (0..100) of numbers. */
export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A figure with a "≤ goal" check. */
export function atMost(name: string, value: number, unit: Figure['unit'], goal: number): Figure {
	return {name, value: round(value), unit, goal: `≤ ${round(goal)} ${unit}`, met: value <= goal};
}

/** A figure with a "≥ goal" check (higher is better). */
export function atLeast(name: string, value: number, unit: Figure['unit'], goal: number): Figure {
	return {name, value: round(value), unit, higherIsBetter: true, goal: `≥ ${round(goal)} ${unit}`, met: value >= goal};
}

/** A figure this run could not measure, with the reason (never a number from elsewhere). */
export function unavailable(name: string, unit: Figure['unit'], reason: string): Figure {
	return {name, value: Number.NaN, unit, unavailable: reason};
}

/** A figure without a goal. */
export function plain(name: string, value: number, unit: Figure['unit'], higherIsBetter = false): Figure {
	return {name, value: round(value), unit, higherIsBetter};
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}
