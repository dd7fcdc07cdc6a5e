import {copyFileSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {CheckReport} from '../../source/check/events.js';
import {cliPath} from '../helpers/cli.js';
import {type Benchmark, type Figure, atLeast, atMost, plain, timeCommand} from './measure.js';

/**
 * Checks the whole Debian corpus on audio with the real CLI (`pluginary check --all`), with 1 and
 * 2 jobs, on one scanned catalog: the wall time of each whole command and the share of ok plugins.
 * Goal (issue 16): the corpus check completes on 2 cores in ≤ 3 minutes with ≥ 95 % ok.
 */
export const checkBenchmark: Benchmark = {
	title: 'Health check (Debian corpus, whole command)',
	async run() {
		const work = mkdtempSync(path.join(os.tmpdir(), 'pluginary-bench-check-'));
		const db = path.join(work, 'catalog.db');
		const figures: Figure[] = [];
		try {
			const scan = await timeCommand(process.execPath, [cliPath, 'scan', '--db', db, '--jobs', '2', '--json']);
			if (scan.code !== 0) {
				throw new Error('the corpus scan failed');
			}

			const check = async (jobs: string, copy: string) => {
				copyFileSync(db, copy);
				return timeCommand(process.execPath, [cliPath, 'check', '--db', copy, '--all', '--jobs', jobs, '--json']);
			};

			const one = await check('1', path.join(work, 'one.db'));
			const two = await check('2', path.join(work, 'two.db'));
			const reports = JSON.parse(two.stdout) as CheckReport[];
			const ok = reports.filter(report => report.health === 'ok').length;
			figures.push(
				plain('check.plugins', reports.length, 'count'),
				plain('check.jobs1', one.ms / 1000, 's'),
				atMost('check.jobs2', two.ms / 1000, 's', 180),
				plain('check.speedup', one.ms / two.ms, 'x', true),
				atLeast('check.ok-share', Math.round(1000 * ok / Math.max(1, reports.length)) / 10, '%', 95),
				plain('check.jobs2.rss', two.peakRssMb, 'MB'),
			);
		} finally {
			rmSync(work, {recursive: true, force: true});
		}

		return figures;
	},
};
