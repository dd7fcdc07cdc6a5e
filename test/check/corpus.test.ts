/* The whole Debian corpus checked on audio (docs/health.md): how many are ok, and each one that is not, with its reason. */
import test from 'ava';
import type {CheckReport} from '../../source/check/events.js';
import {cliPasses} from '../helpers/cli-assert.js';
import {startCli} from '../helpers/cli.js';
import {corpusAvailable} from '../helpers/debian-corpus.js';
import {tempDbPath} from '../helpers/temp.js';

const corpusTest = corpusAvailable() ? test : test.skip;

/** Runs the CLI without blocking the test worker (a corpus check takes minutes). */
async function runAsync(args: string[]): Promise<{status: number | null; stdout: string; stderr: string}> {
	const child = startCli(args, {...process.env, NO_COLOR: '1'});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const status = await new Promise<number | null>(resolve => child.on('close', resolve));
	return {status, stdout, stderr};
}

corpusTest('every plugin of the corpus is checked; at least 95 % are ok, and the rest are listed with their reasons', async t => {
	t.timeout(20 * 60_000);
	const db = tempDbPath();
	cliPasses(t, db, ['scan', '--jobs', '2', '--json']);
	const plugins = (JSON.parse(cliPasses(t, db, ['list', '--json']).stdout) as Array<{status: string}>).filter(plugin => plugin.status === 'ok').length;
	const started = Date.now();
	const run = await runAsync(['check', '--db', db, '--jobs', '2', '--json']);
	const seconds = (Date.now() - started) / 1000;
	t.is(run.status, 0, run.stderr);
	const reports = JSON.parse(run.stdout) as CheckReport[];
	t.is(reports.length, plugins, 'every catalogued plugin was checked once');
	const ok = reports.filter(report => report.health === 'ok');
	t.log(`${reports.length} plugins checked in ${seconds.toFixed(1)} s with --jobs 2: ${ok.length} ok (${(100 * ok.length / reports.length).toFixed(1)} %)`);
	const counts: Record<string, number> = {};
	for (const report of reports) {
		counts[report.health] = (counts[report.health] ?? 0) + 1;
		for (const warning of report.warnings) {
			counts[`warn ${warning}`] = (counts[`warn ${warning}`] ?? 0) + 1;
		}
	}

	t.log(JSON.stringify(counts));
	for (const report of reports.filter(report => report.health !== 'ok')) {
		t.log(`${report.health.padEnd(8)} ${report.format.padEnd(6)} ${report.name} (${report.id}): ${report.error ?? ''}`);
	}

	t.true(ok.length >= 0.95 * reports.length, `${ok.length} of ${reports.length} ok`);
});
