import {closeSync, openSync, readFileSync, unlinkSync, writeSync} from 'node:fs';
import process from 'node:process';
import {UserError} from '../errors.js';

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
 * Takes the one-scan-at-a-time lock of a database (a `<db>.scan-lock` file holding the owner's pid).
 * A lock left by a process that no longer runs (pluginary was killed) is taken over.
 * Throws a UserError when another live scan holds it.
 */
export function acquireScanLock(dbPath: string): ScanLock {
	if (dbPath === ':memory:') {
		return {release() {}};
	}

	const file = `${dbPath}.scan-lock`;
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = openSync(file, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			let released = false;
			return {
				release() {
					if (!released) {
						released = true;
						try {
							unlinkSync(file);
						} catch {}
					}
				},
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw new UserError(`Cannot create the scan lock ${file}: ${(error as Error).message}.`);
			}

			const owner = Number.parseInt(readOwner(file), 10);
			if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
				throw new UserError(`Another pluginary scan (pid ${owner}) is running on this database; wait for it to finish, or stop it first.`);
			}

			try {
				unlinkSync(file);
			} catch {}
		}
	}

	throw new UserError(`Cannot take the scan lock ${file}; remove it if no scan is running.`);
}

function readOwner(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}
