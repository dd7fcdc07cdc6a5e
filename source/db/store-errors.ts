/**
 * One sentence per way the store can fail, saying what to do: a path that is not pluginary's,
 * a database of a newer pluginary, a read-only or full disk, a busy or damaged database.
 */
import {statfsSync} from 'node:fs';
import path from 'node:path';
import {UserError, messageOf} from '../errors.js';
import type {Identity} from './identify.js';

/**
 * Why a path that is not pluginary's database is refused, ending with `advice` (by default what to
 * do instead); undefined for the paths pluginary may use.
 */
export function refusalMessage(file: string, identity: Identity, advice?: string): string | undefined {
	const what = refusalReason(file, identity);
	return what && `${what[0]}; ${advice ?? what[1]}.`;
}

function refusalReason(file: string, identity: Identity): [string, string] | undefined {
	const elsewhere = 'give another path with --db';
	switch (identity.kind) {
		case 'not-a-file': {
			return [`The database path ${file} is ${identity.what}, not a file`, 'give a file path with --db'];
		}

		case 'foreign': {
			return [`${file} is an SQLite database but not a pluginary one`, elsewhere];
		}

		case 'newer': {
			return [`${file} was made by a newer pluginary (${identity.detail})`, `use that version, or ${elsewhere}`];
		}

		case 'not-sqlite': {
			return [`${file} is not a pluginary database (not SQLite)`, `move it aside or ${elsewhere}`];
		}

		case 'damaged': {
			return [`The database ${file} is corrupt (${identity.reason})`, "run 'pluginary cache repair' or move it aside"];
		}

		case 'unreadable': {
			return [`Cannot read the database ${file} (${identity.reason})`, `check its permissions or ${elsewhere}`];
		}

		default: {
			return undefined;
		}
	}
}

/** Whether an error is SQLite's "busy" (another connection holds the lock, or a snapshot went stale). */
export function isBusy(error: unknown): boolean {
	const code = (error as {code?: string}).code ?? '';
	return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED';
}

/** Whether an error says the database or its folder cannot be written. */
export function isReadOnlyError(error: unknown): boolean {
	const code = (error as {code?: string}).code ?? '';
	return code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
}

/**
 * Turns an SQLite error met while using the store into a UserError saying what to do (disk full,
 * read-only, busy, corrupt…); other errors are returned unchanged.
 */
export function storeWriteError(file: string, error: unknown): unknown {
	const code = (error as {code?: string}).code ?? '';
	return code.startsWith('SQLITE_') && !(error instanceof UserError) ? new UserError(describeStoreError(file, error)) : error;
}

/** Whether the file system holding `file` has no free blocks left (SQLite reports a full WAL write as an I/O error). */
function diskIsFull(file: string): boolean {
	try {
		const stats = statfsSync(path.dirname(file));
		return stats.bavail * stats.bsize < 64 * 1024;
	} catch {
		return false;
	}
}

/** The sentence for an SQLite error on the store at `file`. */
export function describeStoreError(file: string, error: unknown): string {
	const message = messageOf(error);
	const code = (error as {code?: string}).code ?? '';
	if (code === 'SQLITE_NOTADB' || /not a database|file is encrypted/i.test(message)) {
		return `${file} is not a pluginary database (not SQLite); move it aside or give another path with --db.`;
	}

	if (code.startsWith('SQLITE_CORRUPT') || /malformed/i.test(message)) {
		return `The database ${file} is corrupt; run 'pluginary cache repair' or move it aside.`;
	}

	if (code.startsWith('SQLITE_READONLY')) {
		return readOnlyMessage(file, message);
	}

	if (code === 'SQLITE_FULL' || /disk is full|database or disk is full/i.test(message) || (code.startsWith('SQLITE_IOERR') && diskIsFull(file))) {
		return diskFullMessage(file);
	}

	if (isBusy(error)) {
		return `The database ${file} is busy: another pluginary process kept it locked too long (${message}). Nothing was changed by this command; run it again.`;
	}

	if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
		return `Cannot open the database ${file}: ${message}. Check its permissions or choose another place with --db.`;
	}

	if (code.startsWith('SQLITE_IOERR')) {
		return `Cannot write the database ${file}: ${message}. Everything committed before is kept; check the disk and run the command again.`;
	}

	return `The database ${file} could not be used (${code || 'error'}: ${message}).`;
}

/** The sentence for a write refused because the database (or its folder) is read-only. */
export function readOnlyMessage(file: string, reason: string): string {
	return `Cannot change the database ${file}: it is read-only (${reason.replace(/\.$/, '')}). Read commands still work; make it writable, or copy it and give the copy with --db.`;
}

/** The sentence for a write that found the disk full. */
export function diskFullMessage(file: string): string {
	return `Cannot write the database ${file}: the disk is full. Everything stored before is kept; free some space and run the command again.`;
}
