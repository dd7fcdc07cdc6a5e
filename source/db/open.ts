import {existsSync, accessSync, constants, readFileSync, statSync, statfsSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import {UserError, messageOf} from '../errors.js';
import {makeFolders, migrationsFolder} from '../paths.js';
import {registerFunctions} from './queries/statements.js';

/**
 * An open store. Queries are small named functions over prepared better-sqlite3 statements
 * (source/db/queries/); the schema and its migrations are Drizzle's (schema.ts, drizzle-kit).
 */
export type Store = {
	/** The file path, or `:memory:`. */
	path: string;
	sqlite: Database.Database;
	close(): void;
};

const pluginaryTables = ['plugins', 'files', 'scan_runs'];

/**
 * Opens (creating on first run) and migrates the database at `file`. Throws a UserError with one
 * readable sentence for a file that is not a pluginary database or cannot be written.
 */
export function openStore(file: string): Store {
	const isMemory = file === ':memory:';
	if (!isMemory) {
		prepareLocation(file);
	}

	let sqlite: Database.Database;
	try {
		sqlite = new Database(file, {timeout: 10_000});
	} catch (error) {
		throw new UserError(`Cannot open the database ${file}: ${messageOf(error)}.`);
	}

	try {
		sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('foreign_keys = ON');
		sqlite.pragma('synchronous = NORMAL');
		checkIsPluginary(sqlite, file);
		registerFunctions(sqlite);
		if (!isCurrent(sqlite)) {
			migrateWithDrizzle(sqlite);
		}

		return {path: file, sqlite, close: () => sqlite.close()};
	} catch (error) {
		sqlite.close();
		if (error instanceof UserError) {
			throw error;
		}

		throw new UserError(describeOpenError(file, error));
	}
}

const load = createRequire(import.meta.url);

/** The newest migration's timestamp in drizzle-kit's journal (shipped in source/db/migrations). */
function newestMigration(): number {
	const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {entries: Array<{when: number}>};
	return Math.max(...journal.entries.map(entry => entry.when));
}

/**
 * Whether every migration is applied, read from drizzle's own `__drizzle_migrations` table
 * (drizzle applies the migrations newer than its newest row). Lets an up-to-date store open
 * without loading drizzle at all — most runs are `list` or `show`, and start-up time counts.
 */
function isCurrent(sqlite: Database.Database): boolean {
	const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
	if (!table) {
		return false;
	}

	const applied = sqlite.prepare('select max(created_at) from __drizzle_migrations').pluck().get() as number | null;
	return applied !== null && Number(applied) >= newestMigration();
}

/** Applies pending migrations with drizzle's migrator (loaded only when needed). */
function migrateWithDrizzle(sqlite: Database.Database): void {
	const driver = 'drizzle-orm/better-sqlite3';
	const {drizzle} = load(driver) as typeof import('drizzle-orm/better-sqlite3');
	const {migrate} = load(`${driver}/migrator`) as typeof import('drizzle-orm/better-sqlite3/migrator');
	migrate(drizzle(sqlite), {migrationsFolder: migrationsFolder()});
}

function prepareLocation(file: string): void {
	const dir = path.dirname(file);
	if (existsSync(file)) {
		if (statSync(file).isDirectory()) {
			throw new UserError(`The database path ${file} is a directory; give a file path with --db.`);
		}

		return;
	}

	try {
		makeFolders(dir);
		accessSync(dir, constants.W_OK);
	} catch {
		throw new UserError(`Cannot create the database in ${dir}: the folder is not writable. Choose another place with --db or PLUGINARY_DB.`);
	}
}

function checkIsPluginary(sqlite: Database.Database, file: string): void {
	const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
	if (tables.length === 0 || tables.includes('__drizzle_migrations')) {
		return;
	}

	if (!pluginaryTables.every(name => tables.includes(name))) {
		throw new UserError(`${file} is an SQLite database but not a pluginary one; give another path with --db.`);
	}
}

/**
 * Turns an SQLite error met while writing into a UserError saying what to do (disk full,
 * read-only, corrupt…); other errors are returned unchanged.
 */
export function storeWriteError(file: string, error: unknown): unknown {
	const code = (error as {code?: string}).code ?? '';
	return code.startsWith('SQLITE_') && !(error instanceof UserError) ? new UserError(describeOpenError(file, error)) : error;
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

function describeOpenError(file: string, error: unknown): string {
	const message = messageOf(error);
	const code = (error as {code?: string}).code ?? '';
	if (code === 'SQLITE_NOTADB' || /not a database|file is encrypted/i.test(message)) {
		return `${file} is not a pluginary database (not SQLite); move it aside or give another path with --db.`;
	}

	if (code === 'SQLITE_CORRUPT' || /malformed/i.test(message)) {
		return `The database ${file} is corrupt; run 'pluginary cache repair' or move it aside.`;
	}

	if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
		return `Cannot write the database ${file}: ${message}. Check its permissions or choose another place with --db.`;
	}

	if (code === 'SQLITE_FULL' || /disk is full|database or disk is full/i.test(message) || (code.startsWith('SQLITE_IOERR') && diskIsFull(file))) {
		return `Cannot write the database ${file}: the disk is full. Everything stored before is kept; free some space and run the command again.`;
	}

	if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_')) {
		return `Cannot write the database ${file}: ${message}. Everything committed before is kept; check the disk and run the command again.`;
	}

	return `Cannot open the database ${file}: ${message}.`;
}
