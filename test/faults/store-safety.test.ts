/**
 * The store never touches what is not pluginary's: device nodes, folders, FIFOs, other
 * applications' SQLite files and databases of a newer pluginary are refused with one line and left
 * byte-for-byte as they were; a read-only database still answers read commands.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import Database from 'better-sqlite3';
import {migrationsFolder} from '../../source/paths.js';
import {writeRandomBytes} from '../helpers/corrupt-db.js';
import {writeSyntheticStore} from '../helpers/synthetic-store.js';
import {isRoot, runWithin, snapshot, writeForeignDb} from '../helpers/store-files.js';
import {tempDir} from '../helpers/temp.js';

/** Asserts exit 1, nothing on stdout and one line on stderr matching `message`. */
function refused(t: ExecutionContext, db: string | undefined, args: string[], message: RegExp, env: NodeJS.ProcessEnv = {}): void {
	const run = runWithin(db, args, env);
	const what = `pluginary ${args.join(' ')}`;
	t.is(run.status, 1, `${what}: ${run.stderr}`);
	t.is(run.stdout, '', `${what}: nothing on stdout`);
	t.is(run.stderr.trimEnd().split('\n').length, 1, `${what}: one line, got ${run.stderr}`);
	t.regex(run.stderr, message, what);
}

const changers = [['cache', 'repair', '--yes'], ['cache', 'clear', '--yes'], ['cache', 'vacuum']];

/** A good export file to import (the synthetic catalog). */
function exportFile(): string {
	const db = path.join(tempDir(), 'source.db');
	writeSyntheticStore(db);
	const file = path.join(tempDir(), 'export.json');
	const run = runWithin(db, ['export', '--out', file]);
	if (run.status !== 0) {
		throw new Error(`export failed: ${run.stderr}`);
	}

	return file;
}

const notOurs = test.macro(async (t, make: (dir: string) => string, message: RegExp) => {
	const dir = tempDir();
	const db = make(dir);
	const before = snapshot(dir);
	for (const args of changers) {
		refused(t, db, args, message);
	}

	t.deepEqual(snapshot(dir), before, 'the folder is exactly as it was');
});

(isRoot ? test : test.skip)('cache repair, clear and vacuum refuse a device node (PLUGINARY_DB and --db) and leave it in place [needs root for mknod]', t => {
	const dir = tempDir();
	const node = path.join(dir, 'null');
	execFileSync('mknod', [node, 'c', '1', '3']);
	const before = snapshot(dir);
	for (const args of changers) {
		refused(t, undefined, args, /is a character device, not a file/, {PLUGINARY_DB: node});
		refused(t, node, args, /is a character device, not a file/);
	}

	refused(t, node, ['list'], /is a character device, not a file/);
	t.deepEqual(snapshot(dir), before);
});

test('cache repair, clear and vacuum refuse a directory', notOurs, (dir: string) => {
	const folder = path.join(dir, 'catalog.db');
	mkdirSync(folder);
	writeFileSync(path.join(folder, 'keep.txt'), 'mine');
	return folder;
}, /is a directory, not a file/);

test('cache repair, clear and vacuum refuse a FIFO without blocking on it', notOurs, (dir: string) => {
	const fifo = path.join(dir, 'catalog.db');
	execFileSync('mkfifo', [fifo]);
	return fifo;
}, /is a FIFO, not a file/);

test('cache repair, clear and vacuum refuse another application\'s SQLite database', notOurs, (dir: string) => {
	const file = path.join(dir, 'notes.db');
	writeForeignDb(file);
	return file;
}, /not a pluginary one/);

test('cache repair, clear and vacuum refuse a file of random bytes that pluginary did not create', notOurs, (dir: string) => {
	const file = path.join(dir, 'catalog.db');
	writeRandomBytes(file);
	return file;
}, /is not a pluginary database \(not SQLite\)/);

test('a damaged file at pluginary\'s own default location is still repaired', t => {
	const data = tempDir();
	const db = path.join(data, 'pluginary', 'pluginary.db');
	mkdirSync(path.dirname(db));
	writeRandomBytes(db);
	const env = {XDG_DATA_HOME: data, PLUGINARY_DB: ''};
	const run = runWithin(undefined, ['cache', 'repair', '--yes'], env);
	t.is(run.status, 0, run.stderr);
	t.regex(run.stdout, /moved the damaged database to .*pluginary\.db\.corrupt-/);
	t.is(runWithin(undefined, ['list', '--json'], env).stdout.trim(), '[]');
});

const everyCommand = (importFile: string, emptyDir: string): string[][] => [
	['list'], ['search', 'comp'], ['show', 'lv2:urn:test:comp'], ['stats'], ['export'], ['cache', 'stats'], ['cache', 'verify'],
	['fav', 'lv2:urn:test:comp'], ['import', importFile], ['scan', '--path', emptyDir], ...changers,
];

for (const [kind, mode, extraSql] of [
	['rollback-journal', 'delete', ''],
	['WAL', 'wal', ''],
	['Drizzle-managed', 'delete', 'create table __drizzle_migrations (id integer primary key, hash text not null, created_at numeric); insert into __drizzle_migrations (hash, created_at) values (\'x\', 1)'],
] as const) {
	test(`a foreign ${kind} SQLite database given as --db is refused by every command and stays byte-for-byte the same, with no -wal/-shm left`, t => {
		const dir = tempDir();
		const file = path.join(dir, 'notes.db');
		writeForeignDb(file, mode, extraSql);
		const before = snapshot(dir);
		for (const args of everyCommand(exportFile(), tempDir())) {
			refused(t, file, args, /is an SQLite database but not a pluginary one/);
		}

		t.deepEqual(snapshot(dir), before);
	});
}

/** The newest migration of this build's journal, and how many it has. */
function journal(): {newest: number; count: number} {
	const {entries} = JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {entries: Array<{when: number}>};
	return {newest: Math.max(...entries.map(entry => entry.when)), count: entries.length};
}

for (const [marker, change] of [
	['a migration row beyond this build\'s journal', (sqlite: Database.Database) => {
		sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('f'.repeat(64), journal().newest + 86_400_000);
	}],
	['a user_version beyond this build\'s schema generation', (sqlite: Database.Database) => {
		sqlite.pragma(`user_version = ${journal().count + 5}`);
	}],
] as const) {
	test(`a database with ${marker} is "made by a newer pluginary": every command refuses, none rewrites it`, t => {
		const dir = tempDir();
		const db = path.join(dir, 'catalog.db');
		writeSyntheticStore(db);
		const sqlite = new Database(db);
		change(sqlite);
		sqlite.close();
		const bytes = readFileSync(db);
		for (const args of everyCommand(exportFile(), tempDir())) {
			refused(t, db, args, /made by a newer pluginary/);
		}

		t.true(readFileSync(db).equals(bytes), 'the database file is unchanged');
		t.true(!existsSync(`${db}-wal`) || statSync(`${db}-wal`).size === 0, 'nothing was written to a WAL');
	});
}

/** How this run can make a file impossible to write: chattr +i as root (root ignores permissions), else chmod 444; or why it cannot. */
function readOnlyMethod(): {lock: (file: string) => () => void} | string {
	if (!isRoot) {
		return {lock(file) {
			execFileSync('chmod', ['444', file]);
			return () => execFileSync('chmod', ['644', file]);
		}};
	}

	const probe = path.join(tempDir(), 'probe');
	writeFileSync(probe, '');
	const set = spawnSync('chattr', ['+i', probe], {encoding: 'utf8'});
	if (set.status !== 0) {
		return `chattr +i fails here (${set.stderr.trim()}), and root ignores file permissions`;
	}

	execFileSync('chattr', ['-i', probe]);
	return {lock(file) {
		execFileSync('chattr', ['+i', file]);
		return () => execFileSync('chattr', ['-i', file]);
	}};
}

const readOnly = readOnlyMethod();

(typeof readOnly === 'string' ? test.skip : test)(`a read-only database file: read commands work; writes say "read-only" and do not suggest cache verify${typeof readOnly === 'string' ? ` [skipped: ${readOnly}]` : ''}`, t => {
	const dir = tempDir();
	const db = path.join(dir, 'catalog.db');
	writeSyntheticStore(db);
	t.teardown((readOnly as Exclude<typeof readOnly, string>).lock(db));
	for (const args of [['list'], ['search', 'comp'], ['show', 'lv2:urn:test:comp'], ['stats'], ['cache', 'stats'], ['cache', 'verify'], ['export', '--out', path.join(tempDir(), 'out.json')]]) {
		const run = runWithin(db, args);
		t.is(run.status, 0, `pluginary ${args.join(' ')}: ${run.stderr}`);
	}

	for (const args of [['fav', 'lv2:urn:test:comp'], ['tag', 'lv2:urn:test:comp', 'bus'], ['cache', 'clear', '--yes'], ['import', exportFile()]]) {
		const run = runWithin(db, args);
		t.is(run.status, 1, `pluginary ${args.join(' ')}`);
		t.regex(run.stderr, /read-only/, `pluginary ${args.join(' ')}`);
		t.notRegex(run.stderr, /cache verify/, `pluginary ${args.join(' ')}`);
	}
});

/** A small tmpfs mounted on a fresh folder (root only); undefined when mounting is not possible. */
function mountTmpfs(t: ExecutionContext, size: string): string | undefined {
	const mountPoint = tempDir();
	const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint], {encoding: 'utf8'});
	if (mounted.status !== 0) {
		return undefined;
	}

	t.teardown(() => {
		execFileSync('umount', ['-l', mountPoint]);
	});
	return mountPoint;
}

(isRoot ? test : test.skip)('a database on a read-only file system: read commands work, repair and writes explain instead of an unexpected EROFS [needs root to mount]', t => {
	const mountPoint = mountTmpfs(t, '4m');
	if (!mountPoint) {
		t.fail('mount failed although running as root');
		return;
	}

	const db = path.join(mountPoint, 'catalog.db');
	writeSyntheticStore(db);
	execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
	for (const args of [['list'], ['stats'], ['cache', 'verify']]) {
		const run = runWithin(db, args);
		t.is(run.status, 0, `pluginary ${args.join(' ')}: ${run.stderr}`);
	}

	refused(t, db, ['cache', 'repair', '--yes'], /read-only/);
	refused(t, db, ['fav', 'lv2:urn:test:comp'], /read-only/);
});

(isRoot ? test : test.skip)('a full disk: a write command says "disk full", not "cache verify" [needs root to mount]', t => {
	const mountPoint = mountTmpfs(t, '600k');
	if (!mountPoint) {
		t.fail('mount failed although running as root');
		return;
	}

	const db = path.join(mountPoint, 'catalog.db');
	writeSyntheticStore(db);
	const big = path.join(tempDir(), 'big.json');
	copyFileSync(exportFile(), big);
	const exported = JSON.parse(readFileSync(big, 'utf8')) as {pluginary: {count: number}; plugins: Array<{id: string; uid: string; name: string; parameters: unknown[]}>};
	const template = exported.plugins.sort((a, b) => b.parameters.length - a.parameters.length)[0]!;
	exported.plugins = Array.from({length: 400}, (_, i) => ({...template, id: `${template.id}-${i}`, uid: `${template.uid}-${i}`, name: `${template.name} ${i}`}));
	exported.pluginary.count = exported.plugins.length;
	writeFileSync(big, JSON.stringify(exported));
	try {
		writeFileSync(path.join(mountPoint, 'fill'), Buffer.alloc(1024 * 1024));
	} catch {}

	for (const args of [['import', big], ['tag', 'lv2:urn:test:comp', 'bus']]) {
		const run = runWithin(db, args);
		t.is(run.status, 1, `pluginary ${args.join(' ')}`);
		t.regex(run.stderr, /disk is full/, `pluginary ${args.join(' ')}`);
		t.notRegex(run.stderr, /cache verify/, `pluginary ${args.join(' ')}`);
	}
});
