import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {once} from 'node:events';
import {copyFileSync, cpSync, existsSync, mkdirSync, rmSync, unlinkSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import {cliPath, runCliAsync} from '../helpers/cli.js';
import {fixture, scan} from '../helpers/scan.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

const gain = fixture('good/ladspa/PluginaryTestGain.so');
const env = {...process.env, NO_COLOR: '1'};

/** `printf %b` spelling of some bytes (ASCII as is, anything else as \xNN). */
function escaped(bytes: Buffer): string {
	return [...bytes].map(byte => (byte >= 0x20 && byte < 0x7F && byte !== 0x5C ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`)).join('');
}

/**
 * Runs the built CLI with arguments and environment variables that may be raw bytes (Node can only
 * pass UTF-8 strings to a child, so bash puts the bytes in place with printf).
 */
function cliBytes(args: Array<string | Buffer>, variables: Record<string, Buffer> = {}) {
	const scriptEnv: NodeJS.ProcessEnv = {...env, PLUGINARY_NODE: process.execPath, PLUGINARY_CLI: cliPath};
	const exports = Object.entries(variables).map(([name, value], index) => {
		scriptEnv[`V${index}`] = escaped(value);
		return `export ${name}="$(printf '%b' "$V${index}")"; `;
	});
	const words = args.map((arg, index) => {
		scriptEnv[`A${index}`] = escaped(Buffer.from(arg));
		return `"$(printf '%b' "$A${index}")"`;
	});
	return spawnSync('bash', ['-c', `${exports.join('')}exec "$PLUGINARY_NODE" "$PLUGINARY_CLI" ${words.join(' ')}`], {encoding: 'utf8', env: scriptEnv, timeout: 120_000});
}

/** Starts the CLI; resolves with its exit code, or 'hung' when it is still running after `limitMs` (then it is killed). */
async function runWithin(args: string[], limitMs: number, childEnv: NodeJS.ProcessEnv = env) {
	const {status, signal, stdout, stderr} = await runCliAsync(args, childEnv, limitMs);
	return {status: signal === 'SIGKILL' ? 'hung' : status, stdout, stderr};
}

function fifo(file: string): void {
	execFileSync('mkfifo', [file]);
}

test('a FIFO named like a plugin (foo.so, x.clap, a FIFO inside an .lv2 bundle) never hangs a scan', async t => {
	const root = tempDir();
	copyFileSync(gain, path.join(root, 'gain.so'));
	fifo(path.join(root, 'foo.so'));
	fifo(path.join(root, 'x.clap'));
	const bundle = path.join(root, 'bundle.lv2');
	cpSync(fixture('good/lv2/PluginaryTestGain.lv2'), bundle, {recursive: true});
	rmSync(path.join(bundle, 'manifest.ttl'));
	fifo(path.join(bundle, 'manifest.ttl'));

	const result = await runWithin(['--db', tempDbPath(), 'scan', '--path', root, '--json', '--timeout', '20'], 30_000);
	t.is(result.status, 0, result.stderr);
	const summary = JSON.parse(result.stdout) as {counts: Record<string, Record<string, number>>; failures: Array<{path: string; status: string; error: string}>};
	t.is(summary.counts['ladspa']?.['ok'], 1);
	t.regex(result.stderr, /skipped .*foo\.so: a FIFO/);
	t.regex(result.stderr, /skipped .*x\.clap: a FIFO/);
	t.deepEqual(summary.failures.map(failure => [path.basename(failure.path), failure.status]), [['bundle.lv2', 'failed']]);
	t.regex(summary.failures[0]!.error, /manifest\.ttl is a FIFO; not probed/);
});

test('a FIFO named like a plugin in a format folder (LADSPA_PATH) is skipped, never handed to a host', async t => {
	const root = tempDir();
	copyFileSync(gain, path.join(root, 'gain.so'));
	fifo(path.join(root, 'foo.so'));
	const result = await runWithin(['--db', tempDbPath(), 'scan', '--format', 'ladspa', '--json', '--timeout', '5'], 30_000, {...env, LADSPA_PATH: root});
	t.is(result.status, 0, result.stderr);
	const summary = JSON.parse(result.stdout) as {counts: Record<string, Record<string, number>>; failures: unknown[]};
	t.deepEqual(summary.counts['ladspa'], {ok: 1});
	t.deepEqual(summary.failures, []);
	t.regex(result.stderr, /skipped .*foo\.so: a FIFO/);
});

test('a FIFO as the config file is refused without being opened', async t => {
	const config = path.join(tempDir(), 'config.json');
	fifo(config);
	const result = await runWithin(['--db', tempDbPath(), '--config', config, 'scan', '--path', tempDir()], 30_000);
	t.is(result.status, 1, result.stderr);
	t.regex(result.stderr, /^pluginary: The config file .*config\.json is not a regular file/);
});

async function waitFor(ready: () => boolean): Promise<void> {
	while (!ready()) {
		 
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}
}

/**
 * Starts a scan, waits until it holds its lock (its signal handlers are in place) and `probing`
 * asks for the "Scanning N files" line, then `afterMs`, then sends `signal`. Returns how long
 * the scan took to exit, and its exit code.
 */
async function stopScan(args: string[], childEnv: NodeJS.ProcessEnv, signal: NodeJS.Signals, {afterMs, probing}: {afterMs: number; probing: boolean}) {
	const db = tempDbPath();
	// Without c8's coverage dump, which can take longer at exit than the scan takes to stop on a loaded machine.
	const {NODE_V8_COVERAGE: _coverage, ...uncovered} = childEnv;
	const child = spawn(process.execPath, [cliPath, '--db', db, ...args], {env: uncovered, stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
	await waitFor(() => child.exitCode !== null || (existsSync(`${db}.scan-lock`) && (!probing || stderr.includes('Scanning '))));
	await new Promise(resolve => {
		setTimeout(resolve, afterMs);
	});
	const sent = Date.now();
	child.kill(signal);
	const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
	const [code, killedBy] = await exited;
	clearTimeout(hard);
	return {ms: Date.now() - sent, code, how: `exit ${code ?? killedBy ?? '?'} after ${Date.now() - sent} ms: ${stderr.trim().slice(0, 300)}`};
}

// Needs the Debian LV2 plugins (/usr/lib/lv2) for a scan long enough to interrupt.
(existsSync('/usr/lib/lv2') ? test.serial : test.serial.skip)('SIGINT and SIGTERM end a scan within a second while it probes', async t => {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		 
		const probing = await stopScan(['scan', '--format', 'lv2', '--jobs', '2'], {...env, LV2_PATH: '/usr/lib/lv2'}, signal, {afterMs: 500, probing: true});
		t.is(probing.code, 130, `${signal} while probing: ${probing.how}`);
		t.true(probing.ms < 1000, `${signal} while probing: exited after ${probing.ms} ms`);
	}
});

test.serial('SIGINT and SIGTERM end a scan within a second while it walks a large tree', async t => {
	// A tree of 4^7 folders 8 levels deep: walking it takes seconds.
	const root = tempDir();
	execFileSync('bash', ['-c', 'cd "$1" && mkdir -p {a,b,c,d}/{a,b,c,d}/{a,b,c,d}/{a,b,c,d}/{a,b,c,d}/{a,b,c,d}/{a,b,c,d}/x', '--', root]);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		 
		const walking = await stopScan(['scan', '--path', root], env, signal, {afterMs: 200, probing: false});
		t.is(walking.code, 130, `${signal} while walking: ${walking.how}`);
		t.true(walking.ms < 1000, `${signal} while walking: exited after ${walking.ms} ms`);
	}
});

test('export --out into a missing folder is refused (as cp does) and creates no folder', t => {
	const missing = path.join(tempDir(), 'missing', 'dir');
	const result = spawnSync(process.execPath, [cliPath, '--db', tempDbPath(), 'export', '--out', path.join(missing, 'x.json')], {encoding: 'utf8', env});
	t.is(result.status, 1, result.stderr);
	t.regex(result.stderr, /^pluginary: Cannot write .*x\.json: the folder .*missing\/dir does not exist\.\n$/);
	t.false(existsSync(path.dirname(missing)));
});

test('--limit and --offset out of range, and --limit 0, are usage errors found before the database is opened', t => {
	for (const args of [['list', '--limit', '9223372036854775807'], ['list', '--offset', '99999999999999999999'], ['list', '--limit', '0'], ['search', 'gain', '--limit', '0'], ['search', 'gain', '--offset', '1e300']]) {
		const db = tempDbPath();
		const result = spawnSync(process.execPath, [cliPath, '--db', db, ...args], {encoding: 'utf8', env});
		t.is(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
		t.regex(result.stderr, /^pluginary: --(limit|offset) takes a whole number from \d+ to 9007199254740991/);
		t.false(existsSync(db), `${args.join(' ')} opened the database`);
	}
});

test('--db with an empty value or none at all is a usage error, never the default database', t => {
	for (const args of [['--db', '', 'list'], ['list', '--db'], ['--db']]) {
		const result = spawnSync(process.execPath, [cliPath, ...args], {encoding: 'utf8', env: {...env, PLUGINARY_DB: path.join(tempDir(), 'never.db')}});
		t.is(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
		t.is(result.stderr, 'pluginary: --db needs a value; it was given an empty one.\n');
	}
});

test('paths are bytes: a non-UTF-8 folder is found through --path and LADSPA_PATH, and a non-UTF-8 file is stored, shown, blacklisted, retried and removed by its real bytes', t => {
	const root = tempDir();
	const folder = Buffer.concat([Buffer.from(`${root}/bad`), Buffer.from([0xFF, 0xFE]), Buffer.from('bytes')]);
	mkdirSync(folder);
	copyFileSync(gain, Buffer.concat([folder, Buffer.from('/gain.so')]));
	const folderText = `${root}/bad\\xff\\xfebytes`;
	const db = tempDbPath();

	const viaPath = cliBytes(['--db', db, 'scan', '--path', folder, '--json']);
	t.is(viaPath.status, 0, viaPath.stderr);
	t.deepEqual((JSON.parse(viaPath.stdout) as {diff: {new: string[]}}).diff.new, [`${folderText}/gain.so`]);
	const viaEnvironment = cliBytes(['--db', tempDbPath(), 'scan', '--format', 'ladspa', '--json'], {LADSPA_PATH: folder});
	t.is(viaEnvironment.status, 0, viaEnvironment.stderr);
	t.deepEqual((JSON.parse(viaEnvironment.stdout) as {counts: Record<string, unknown>}).counts['ladspa'], {ok: 1});

	const other = tempDir();
	const file = Buffer.concat([Buffer.from(`${other}/x`), Buffer.from([0xFF, 0xFE]), Buffer.from('.so')]);
	const fileText = `${other}/x\\xff\\xfe.so`;
	copyFileSync(gain, file);
	t.is(cliBytes(['--db', db, 'scan', '--path', other]).status, 0);
	const listed = JSON.parse(cliBytes(['--db', db, 'list', '--json']).stdout) as Array<{id: string; path: string}>;
	t.true(listed.some(plugin => plugin.path === fileText && plugin.id === 'ladspa:x\\xff\\xfe.so/PluginaryTestGain'), JSON.stringify(listed));
	t.is(cliBytes(['--db', db, 'show', 'ladspa:x\\xff\\xfe.so/PluginaryTestGain']).status, 0, 'show by the escaped id');
	t.is(cliBytes(['--db', db, 'show', Buffer.concat([Buffer.from('ladspa:x'), Buffer.from([0xFF, 0xFE]), Buffer.from('.so/PluginaryTestGain')])]).status, 0, 'show by the id in raw bytes');

	const added = cliBytes(['--db', db, 'blacklist', 'add', file]);
	t.is(added.stdout, `blacklisted ${fileText}\n`, added.stderr);
	const skipped = JSON.parse(cliBytes(['--db', db, 'scan', '--path', other, '--rescan', '--json']).stdout) as {counts: Record<string, unknown>};
	t.deepEqual(skipped.counts['ladspa'], {blacklisted: 1});
	const retried = JSON.parse(cliBytes(['--db', db, 'retry', '--path', other, '--json']).stdout) as {counts: Record<string, unknown>};
	t.deepEqual(retried.counts['ladspa'], {ok: 1}, 'retry probes the blacklisted file');
	t.is(cliBytes(['--db', db, 'blacklist', 'remove', fileText]).stdout, `removed ${fileText} from the blacklist\n`, 'removed by the text pluginary shows');

	unlinkSync(file);
	const removed = JSON.parse(cliBytes(['--db', db, 'scan', '--path', other, '--json']).stdout) as {diff: {removed: string[]}};
	t.deepEqual(removed.diff.removed, [fileText]);
});

test('plugins 20 folders below a root are found', async t => {
	const root = tempDir();
	const deep = path.join(root, ...Array.from({length: 20}, (_, index) => `level${index + 1}`));
	mkdirSync(deep, {recursive: true});
	copyFileSync(gain, path.join(deep, 'deep.so'));
	const {summary} = await scan({dbPath: tempDbPath(), paths: [root]});
	t.deepEqual(summary.diff.new, [path.join(deep, 'deep.so')]);
	t.deepEqual(summary.counts['ladspa'], {ok: 1});
});

test('after an interrupted scan the resume line counts each file once', t => {
	const db = tempDbPath();
	const folder = fixture('good/ladspa');
	t.is(spawnSync(process.execPath, [cliPath, '--db', db, 'scan', '--path', folder], {env}).status, 0);
	const sqlite = new Database(db);
	const run = Number(sqlite.prepare("insert into scan_runs (started_at, state) values ('2026-01-01T00:00:00Z', 'running')").run().lastInsertRowid);
	sqlite.prepare("update files set status = 'inflight', scan_id = ? where path = ?").run(run, path.join(folder, 'PluginaryTestGain.so'));
	sqlite.close();
	const resumed = spawnSync(process.execPath, [cliPath, '--db', db, 'scan', '--path', folder], {encoding: 'utf8', env});
	t.is(resumed.status, 0, resumed.stderr);
	t.regex(resumed.stderr, /^Scanning 1 file \(1 resumed; 1 unchanged skipped\) with the native host…$/m);
});
