import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {lstatSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {cliPath} from './cli.js';
import type {CliRun} from './cli-assert.js';

/** Whether this process runs as root (mknod, mount and chattr need it). */
export const isRoot = process.getuid?.() === 0;

/**
 * Runs the built CLI (with `--db` unless `db` is undefined), killed after 60 s so a command that
 * blocks on a FIFO fails the test instead of hanging it.
 */
export function runWithin(db: string | undefined, args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
	const result = spawnSync(process.execPath, [cliPath, ...(db === undefined ? [] : ['--db', db]), ...args], {
		encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env}, input: '', timeout: 60_000,
	});
	return {stdout: result.stdout, stderr: result.stderr + (result.error ? `\n(${result.error.message})` : ''), status: result.status};
}

/** What a folder holds: name → kind, and a hash of the bytes for regular files. */
export function snapshot(dir: string): Record<string, string> {
	const entries: Record<string, string> = {};
	for (const name of readdirSync(dir).sort()) {
		const file = path.join(dir, name);
		const stats = lstatSync(file);
		entries[name] = stats.isFile()
			? `file ${createHash('sha256').update(readFileSync(file)).digest('hex')}`
			: `${stats.isDirectory() ? 'dir' : stats.isFIFO() ? 'fifo' : stats.isCharacterDevice() ? 'char' : 'other'} ${stats.ino} ${stats.rdev}`;
	}

	return entries;
}

/** Another application's SQLite database: a table of notes, in rollback-journal or WAL mode, closed cleanly. */
export function writeForeignDb(file: string, mode: 'delete' | 'wal' = 'delete', extraSql = ''): void {
	const sqlite = new Database(file);
	sqlite.pragma(`journal_mode = ${mode}`);
	sqlite.exec(`create table notes (id integer primary key, text text); insert into notes (text) values ('hello'), ('world'); ${extraSql}`);
	sqlite.close();
}
