/**
 * Recovery of a damaged database file: diagnose it, move it aside, and carry the user's own data
 * (user_data, tags, user_presets, blacklist, settings) into a fresh store — row by row, keeping
 * whatever is still readable. The catalog itself is not salvaged: a scan rebuilds it. Only a file
 * that is pluginary's is ever moved (docs/reliability.md).
 */
import {existsSync, renameSync} from 'node:fs';
import type Database from 'better-sqlite3';
import {messageOf} from '../errors.js';
import {identifyDatabase, openReadOnly, type Identity} from './identify.js';
import {openStore} from './open.js';
import {USER_TABLES, insertUserRows, integrityProblems, iterateUserRows, type UserTable} from './queries/salvage.js';
import {refusalMessage} from './store-errors.js';

export {USER_TABLES, clearCatalog, vacuumStore, type UserTable} from './queries/salvage.js';

/** What `diagnose` found. */
export type Diagnosis =
	| {state: 'missing'}
	/** A zero-byte file or a database without tables: nothing to repair. */
	| {state: 'empty'}
	| {state: 'healthy'}
	| {state: 'corrupt'; reason: string}
	/** Not pluginary's to change (a device, a folder, another app's data, a newer pluginary's database). */
	| {state: 'refused'; reason: string};

/**
 * Looks at a database file without changing it. A file that cannot be read as a database counts
 * as pluginary's (so repairable) when its header carries pluginary's mark, or when it sits at
 * pluginary's own default location (`ownPath`). Cost: an integrity_check (reads the whole file).
 */
export function diagnose(file: string, options: {ownPath?: boolean} = {}): Diagnosis {
	const identity = identifyDatabase(file);
	switch (identity.kind) {
		case 'missing':
		case 'empty': {
			return {state: identity.kind};
		}

		case 'pluginary': {
			return integrity(file);
		}

		case 'damaged': {
			return identity.marked || options.ownPath ? {state: 'corrupt', reason: identity.reason} : {state: 'refused', reason: unclaimed(file, identity)};
		}

		case 'not-sqlite':
		case 'unreadable': {
			return options.ownPath ? {state: 'corrupt', reason: identity.kind === 'unreadable' ? identity.reason : 'not an SQLite file'} : {state: 'refused', reason: unclaimed(file, identity)};
		}

		default: {
			return {state: 'refused', reason: refusalMessage(file, identity, 'repair leaves it alone')!};
		}
	}
}

/** The refusal for an unreadable file that nothing marks as pluginary's, at a path the user chose. */
function unclaimed(file: string, identity: Identity): string {
	return refusalMessage(file, identity, 'nothing shows pluginary made it, so repair leaves it alone (move it aside yourself if it is a damaged catalog)')!;
}

function integrity(file: string): Diagnosis {
	let sqlite: Database.Database | undefined;
	try {
		sqlite = openReadOnly(file);
		const problems = integrityProblems(sqlite);
		return problems.length === 0 ? {state: 'healthy'} : {state: 'corrupt', reason: problems.slice(0, 3).join('; ')};
	} catch (error) {
		return {state: 'corrupt', reason: messageOf(error)};
	} finally {
		sqlite?.close();
	}
}

/** Rows read from the old file per table (whatever was readable). */
export type SalvagedRows = Record<UserTable, unknown[][]>;

/** Reads every readable row of the user-data tables; a table that fails part-way keeps the rows read before. */
export function readUserRows(file: string): {rows: SalvagedRows; problems: string[]} {
	const rows = Object.fromEntries(Object.keys(USER_TABLES).map(table => [table, []])) as unknown as SalvagedRows;
	const problems: string[] = [];
	let sqlite: Database.Database;
	try {
		sqlite = openReadOnly(file);
	} catch (error) {
		return {rows, problems: [`cannot open the old file: ${messageOf(error)}`]};
	}

	try {
		for (const table of Object.keys(USER_TABLES) as UserTable[]) {
			try {
				for (const row of iterateUserRows(sqlite, table)) {
					rows[table].push(row);
				}
			} catch (error) {
				problems.push(`${table}: ${messageOf(error)}`);
			}
		}
	} finally {
		sqlite.close();
	}

	return {rows, problems};
}

/** The result of `salvage`. */
export type SalvageResult = {movedTo: string; counts: Record<UserTable, number>; problems: string[]};

/**
 * Moves `file` (and its -wal/-shm) aside as `<file>.corrupt-<timestamp>`, creates a fresh store at
 * `file` and copies the readable user data into it. The old file is kept, never deleted.
 */
export function salvage(file: string, now = new Date()): SalvageResult {
	const {rows, problems} = readUserRows(file);
	const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
	let movedTo = `${file}.corrupt-${stamp}`;
	for (let n = 2; existsSync(movedTo); n++) {
		movedTo = `${file}.corrupt-${stamp}-${n}`;
	}

	renameSync(file, movedTo);
	for (const suffix of ['-wal', '-shm']) {
		if (existsSync(file + suffix)) {
			renameSync(file + suffix, movedTo + suffix);
		}
	}

	const store = openStore(file);
	try {
		return {movedTo, counts: insertUserRows(store, rows), problems};
	} finally {
		store.close();
	}
}
