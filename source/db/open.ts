import {mkdirSync, existsSync, accessSync, constants, statSync} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {drizzle, type BetterSQLite3Database} from 'drizzle-orm/better-sqlite3';
import {migrate} from 'drizzle-orm/better-sqlite3/migrator';
import {UserError, messageOf} from '../errors.js';
import {migrationsFolder} from '../paths.js';
import * as schema from './schema.js';
import {registerFunctions} from './queries/statements.js';

/** The drizzle database type used across the app. */
export type Db = BetterSQLite3Database<typeof schema>;

/** An open store: the raw better-sqlite3 handle for prepared hot paths, and drizzle for the rest. */
export type Store = {
	/** The file path, or `:memory:`. */
	path: string;
	sqlite: Database.Database;
	db: Db;
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
		const db = drizzle(sqlite, {schema});
		migrate(db, {migrationsFolder: migrationsFolder()});
		return {path: file, sqlite, db, close: () => sqlite.close()};
	} catch (error) {
		sqlite.close();
		if (error instanceof UserError) {
			throw error;
		}

		throw new UserError(describeOpenError(file, error));
	}
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
		mkdirSync(dir, {recursive: true});
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

	if (code === 'SQLITE_FULL' || /disk is full|database or disk is full/i.test(message)) {
		return `Cannot write the database ${file}: the disk is full.`;
	}

	return `Cannot open the database ${file}: ${message}.`;
}
