/* The whole Debian corpus checked on audio (docs/health.md): how many are ok, and each one that is not, with its reason. */
import test from 'ava';
import type {CheckReport} from '../../source/check/events.js';
import {cliPasses} from '../helpers/cli-assert.js';
import {runCliAsync} from '../helpers/cli.js';
import {corpusAvailable} from '../helpers/debian-corpus.js';
import {tempDbPath} from '../helpers/temp.js';

const corpusTest = corpusAvailable() ? test : test.skip;

corpusTest('every plugin of the corpus is checked; at least 95 % are ok, and the rest are listed with their reasons', async t => {
	t.timeout(20 * 60_000);
	const db = tempDbPath();
	cliPasses(t, db, ['scan', '--jobs', '2', '--json']);
	const plugins = (JSON.parse(cliPasses(t, db, ['list', '--json']).stdout) as Array<{status: string}>).filter(plugin => plugin.status === 'ok').length;
	const started = Date.now();
	const run = await runCliAsync(['check', '--db', db, '--jobs', '2', '--json'], {...process.env, NO_COLOR: '1'});
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
