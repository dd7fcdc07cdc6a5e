import {closeSync, openSync, readFileSync, unlinkSync, writeSync} from 'node:fs';
import process from 'node:process';
import {UserError, messageOf} from '../errors.js';
import {diskFullMessage, isReadOnlyError, readOnlyMessage} from '../db/store-errors.js';

/** A held scan lock; `release` is idempotent. */
export type ScanLock = {release(): void};

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes the lock every command that rewrites the catalog holds — scan, retry, import, cache clear,
 * cache repair, cache vacuum — so only one of them changes a database at a time. It is a
 * `<db>.scan-lock` file holding the owner's pid and what it runs. A lock left by a process that no
 * longer runs (pluginary was killed) is taken over. Throws a UserError naming the other process
 * when a live one holds it (this process included: two scans of one database in one process are
 * refused too).
 */
export function acquireScanLock(dbPath: string, holder = 'scan'): ScanLock {
	if (dbPath === ':memory:') {
		return {release() {}};
	}

	const file = `${dbPath}.scan-lock`;
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			createLockFile(file, `${process.pid}\n${holder}\n`);
			return releaser(file);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw lockError(dbPath, file, error);
			}

			const [pid, owner] = readOwner(file);
			if (pid > 0 && alive(pid)) {
				throw new UserError(`Another pluginary ${owner} (pid ${pid}) is running on this database; wait for it to finish, or stop it first.`);
			}

			try {
				unlinkSync(file);
			} catch {}
		}
	}

	throw new UserError(`Cannot take the scan lock ${file}; remove it if no scan is running.`);
}

/** Creates the lock file with its content, or leaves none. */
function createLockFile(file: string, content: string): void {
	const fd = openSync(file, 'wx');
	try {
		writeSync(fd, content);
	} catch (error) {
		closeSync(fd);
		try {
			unlinkSync(file);
		} catch {}

		throw error;
	}

	closeSync(fd);
}

function lockError(dbPath: string, file: string, error: unknown): UserError {
	if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
		return new UserError(diskFullMessage(dbPath));
	}

	return new UserError(isReadOnlyError(error)
		? readOnlyMessage(dbPath, `its folder does not let pluginary create ${file}: ${messageOf(error)}`)
		: `Cannot create the scan lock ${file}: ${messageOf(error)}.`);
}

/** Runs `work` holding the scan lock (released however `work` ends). */
export async function withScanLock<T>(dbPath: string, holder: string, work: () => T | Promise<T>): Promise<T> {
	const lock = acquireScanLock(dbPath, holder);
	try {
		return await work();
	} finally {
		lock.release();
	}
}

function releaser(file: string): ScanLock {
	let released = false;
	return {
		release() {
			if (released) {
				return;
			}

			released = true;
			try {
				unlinkSync(file);
			} catch {}
		},
	};
}

/** The owner's pid and what it runs ("scan" for locks written before the second line existed). */
function readOwner(file: string): [number, string] {
	try {
		const [pid = '', holder = ''] = readFileSync(file, 'utf8').split('\n');
		return [Number.parseInt(pid, 10) || 0, holder.trim() || 'scan'];
	} catch {
		return [0, 'scan'];
	}
}
