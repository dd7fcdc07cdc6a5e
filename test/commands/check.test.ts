/* `pluginary check` against the real host and the fixtures that misbehave while processing (docs/health.md). */
import {cpSync, existsSync, utimesSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import type {CheckReport} from '../../source/check/events.js';
import type {PluginRecord} from '../../source/catalog/plugin.js';
import {cli, cliFails, cliPasses} from '../helpers/cli-assert.js';
import {fixture} from '../helpers/scan.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

const built = existsSync(fixture('health/ladspa/health_ok.so')) && existsSync(fixture('health/clap')) ? test.serial : test.serial.skip;

const kinds = ['ok', 'nan', 'silent', 'denormals', 'slow', 'latency', 'crash', 'hang'] as const;
type Kind = (typeof kinds)[number];

/** What check must say about each fixture behaviour, in every format. */
const expected: Record<Kind, {health: CheckReport['health']; warnings: string[]; latency?: number; error?: RegExp}> = {
	ok: {health: 'ok', warnings: []},
	nan: {health: 'nan', warnings: []},
	silent: {health: 'ok', warnings: ['silent']},
	denormals: {health: 'ok', warnings: ['denormals']},
	slow: {health: 'ok', warnings: ['heavy']},
	latency: {health: 'ok', warnings: [], latency: 256},
	crash: {health: 'crashed', warnings: [], error: /host crashed with SIG/},
	hang: {health: 'timeout', warnings: [], error: /no answer within 8 s \(host killed\)/},
};

function kindOf(report: {id: string; name: string}): Kind {
	const match = /health[ _-]?(ok|nan|silent|denormals|slow|latency|crash|hang)/i.exec(`${report.id} ${report.name}`);
	if (!match) {
		throw new Error(`not a health fixture: ${report.id}`);
	}

	return match[1]!.toLowerCase() as Kind;
}

let db: string | undefined;
let reports: CheckReport[] = [];

/** A catalog of every health fixture (8 behaviours × 5 formats), checked once. */
function checkedCatalog(t: ExecutionContext): string {
	if (!db) {
		db = tempDbPath();
		cliPasses(t, db, ['scan', '--path', fixture('health'), '--json']);
		const run = cliPasses(t, db, ['check', '--json', '--jobs', '2', '--timeout', '8']);
		reports = JSON.parse(run.stdout) as CheckReport[];
	}

	return db;
}

built('every misbehaving fixture is judged right in all five formats; crashes and hangs cost only their host', t => {
	checkedCatalog(t);
	t.is(reports.length, kinds.length * 5, reports.map(report => report.id).join('\n'));
	for (const report of reports) {
		const kind = kindOf(report);
		const want = expected[kind];
		const label = `${report.format} ${kind}: ${JSON.stringify(report)}`;
		t.deepEqual(Object.keys(report).filter(key => key !== 'error').sort(), ['cpuPercent', 'format', 'health', 'id', 'latencySamples', 'name', 'warnings'], label);
		t.is(report.health, want.health, label);
		t.deepEqual(report.warnings, want.warnings, label);
		if (want.latency !== undefined) {
			t.is(report.latencySamples, want.latency, label);
		}

		if (want.error) {
			t.regex(report.error ?? '', want.error, label);
			t.is(report.cpuPercent, null, label);
		} else if (report.health === 'ok') {
			t.is(typeof report.cpuPercent, 'number', label);
		}

		if (kind === 'slow') {
			t.true(report.cpuPercent! >= 50, label);
		}
	}
});

built('a plugin that crashes or hangs in check is not blacklisted and keeps its scan status', t => {
	const catalog = checkedCatalog(t);
	t.notRegex(cliPasses(t, catalog, ['blacklist', 'list']).stdout, /health/i);
	const crashed = reports.find(report => report.health === 'crashed')!;
	const record = JSON.parse(cliPasses(t, catalog, ['show', crashed.id, '--json']).stdout) as PluginRecord;
	t.is(record.status, 'ok');
	t.is(record.health, 'crashed');
	t.regex(record.healthError ?? '', /host crashed with SIG/);
	t.truthy(record.checkedAt);
	const scan = JSON.parse(cliPasses(t, catalog, ['scan', '--path', fixture('health'), '--rescan', '--json']).stdout) as {failures: unknown[]};
	t.deepEqual(scan.failures, []);
	t.is((JSON.parse(cliPasses(t, catalog, ['show', crashed.id, '--json']).stdout) as PluginRecord).health, 'crashed', 'a rescan of an unchanged file keeps the result');
});

built('without --all nothing with a current result runs again; QUERY narrows, --all runs them again', t => {
	const catalog = checkedCatalog(t);
	const again = cliPasses(t, catalog, ['check', '--json']);
	t.is(again.stdout, '[]\n');
	t.regex(again.stderr, /Nothing to check: 40 plugins have a current result/);
	const narrowed = JSON.parse(cliPasses(t, catalog, ['check', '--all', '--json', '--timeout', '8', 'format:clap is:broken']).stdout) as CheckReport[];
	t.deepEqual(narrowed.map(report => `${report.format} ${kindOf(report)} ${report.health}`).sort(), ['clap crash crashed', 'clap hang timeout', 'clap nan nan']);
});

built('show, list, search, export and stats carry the health fields; filters and sorts use them', t => {
	const catalog = checkedCatalog(t);
	const search = (query: string): string[] => (JSON.parse(cliPasses(t, catalog, ['search', query, '--json', '--limit', '100']).stdout) as CheckReport[]).map(item => kindOf(item)).sort();
	t.deepEqual(search('health:timeout'), Array.from({length: 5}, () => 'hang'));
	t.deepEqual(search('is:broken'), [...Array.from({length: 5}, () => 'crash'), ...Array.from({length: 5}, () => 'hang'), ...Array.from({length: 5}, () => 'nan')]);
	t.deepEqual(search('warn:silent'), Array.from({length: 5}, () => 'silent'));
	t.deepEqual(search('latency>100'), Array.from({length: 5}, () => 'latency'));
	t.deepEqual(search('cpu>=50 format:lv2'), ['slow']);
	t.is(search('is:checked').length, 40);
	const byLatency = JSON.parse(cliPasses(t, catalog, ['list', '--sort', 'latency', '--json']).stdout) as PluginRecord[];
	t.deepEqual(byLatency.slice(0, 5).map(item => item.latencySamples), [256, 256, 256, 256, 256]);
	const byCpu = JSON.parse(cliPasses(t, catalog, ['list', '--sort', 'cpu', '--json', '--limit', '5']).stdout) as PluginRecord[];
	t.deepEqual(byCpu.map(item => kindOf(item)), Array.from({length: 5}, () => 'slow'));
	t.regex(cliPasses(t, catalog, ['list', '--sort', 'cpu', '--limit', '1']).stdout, /CPU%/);
	const csv = cliPasses(t, catalog, ['export', '--as', 'csv', 'health:nan format:ladspa']).stdout.trim().split('\r\n');
	t.regex(csv[0]!, /,health,warnings,latencySamples,cpuPercent,healthError,checkedAt$/);
	t.regex(csv[1]!, /,nan,,\d*,[\d.]+,,20\d\d-/);
	const ndjson = cliPasses(t, catalog, ['export', '--as', 'ndjson', 'warn:denormals format:vst3']).stdout.trim().split('\n').map(line => JSON.parse(line) as PluginRecord);
	t.deepEqual(ndjson.map(record => record.warnings), [['denormals']]);
	const stats = JSON.parse(cliPasses(t, catalog, ['stats', '--json']).stdout) as {byHealth: Record<string, number>; byWarning: Record<string, number>};
	t.deepEqual(stats.byHealth, {ok: 25, nan: 5, crashed: 5, timeout: 5});
	t.deepEqual(stats.byWarning, {silent: 5, denormals: 5, heavy: 5});
	t.regex(cliPasses(t, catalog, ['stats']).stdout, /Health\n {2}25 ok, 5 crashed, 5 nan, 5 timeout/);
});

built('a result is kept until its file changes; then check runs that plugin again', t => {
	const folder = tempDir();
	for (const kind of ['ok', 'nan']) {
		cpSync(fixture(`health/ladspa/health_${kind}.so`), path.join(folder, `health_${kind}.so`));
	}

	const catalog = tempDbPath();
	cliPasses(t, catalog, ['scan', '--path', folder, '--json']);
	t.is((JSON.parse(cliPasses(t, catalog, ['check', '--json']).stdout) as CheckReport[]).length, 2);
	const later = new Date(Date.now() + 60_000);
	utimesSync(path.join(folder, 'health_nan.so'), later, later);
	cliPasses(t, catalog, ['scan', '--path', folder, '--json']);
	const nan = (JSON.parse(cliPasses(t, catalog, ['search', 'health:unchecked', '--json']).stdout) as PluginRecord[]);
	t.deepEqual(nan.map(item => kindOf(item)), ['nan']);
	t.is(nan[0]!.health, undefined, 'no health fields once the file changed');
	const rerun = JSON.parse(cliPasses(t, catalog, ['check', '--json']).stdout) as CheckReport[];
	t.deepEqual(rerun.map(report => `${kindOf(report)} ${report.health}`), ['nan nan']);
});

test('bad flags and queries are one line and exit 2', t => {
	const catalog = tempDbPath();
	cliFails(t, catalog, ['check', '--jobs', '0'], 2, /--jobs takes a whole number from 1 to 1024, not '0'/);
	cliFails(t, catalog, ['check', '--timeout', 'soon'], 2, /--timeout takes a number of seconds greater than 0/);
	cliFails(t, catalog, ['check', '--rescan'], 2, /'pluginary check' does not take --rescan/);
	cliFails(t, catalog, ['check', 'health:bad'], 2, /unknown health 'bad'/);
	cliFails(t, catalog, ['list', '--sort', 'cpux'], 2, /--sort takes one of name, vendor, format, params, cpu, latency/);
	const empty = cli(catalog, ['check']);
	t.is(empty.status, 0);
	t.regex(empty.stderr, /No plugins to check; run 'pluginary scan' first/);
});
