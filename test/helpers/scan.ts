import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {startScan, type ScanOptions} from '../../source/scan/run.js';
import type {ScanEvent, ScanSummary} from '../../source/scan/events.js';
import {FIXTURES_BUILD_DIR} from '../fixtures/plugins/expected.js';

/** Absolute path of a built fixture (relative to test/fixtures/build). */
export function fixture(relative: string): string {
	return path.join(FIXTURES_BUILD_DIR, relative);
}

/** Runs a scan to the end; returns its summary and every event. */
export async function scan(options: ScanOptions): Promise<{summary: ScanSummary; events: ScanEvent[]}> {
	const handle = startScan(options);
	const events: ScanEvent[] = [];
	for await (const event of handle.events) {
		events.push(event);
	}

	return {summary: await handle.done, events};
}

/** Pids of pluginary-host processes whose parent is `parent` (default: this process). */
export function hostChildren(parent = process.pid): number[] {
	const output = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], {encoding: 'utf8'});
	return output.split('\n').map(line => line.trim().split(/\s+/)).filter(([, ppid, comm]) => Number(ppid) === parent && comm?.startsWith('pluginary-host')).map(([pid]) => Number(pid));
}

/** Pids of every pluginary-host process on the machine. */
export function allHosts(): number[] {
	const output = execFileSync('ps', ['-eo', 'pid=,comm='], {encoding: 'utf8'});
	return output.split('\n').map(line => line.trim().split(/\s+/)).filter(([, comm]) => comm?.startsWith('pluginary-host')).map(([pid]) => Number(pid));
}
