import {accessSync, constants, existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import {UserError, messageOf} from '../errors.js';
import {makeFolders, migrationsFolder} from '../paths.js';
import {identifyDatabase, newerDetail, openReadOnly, schemaGeneration} from './identify.js';
import {registerFunctions} from './queries/statements.js';
import {regroupIfRulesChanged} from '../catalog/regroup.js';
import {PLUGINARY_APPLICATION_ID, appliedMigrations, configureReader, configureWriter, headerMarkers, writeHeaderMarkers} from './queries/store-meta.js';
import {describeStoreError, isReadOnlyError, refusalMessage} from './store-errors.js';
import {retryWhenBusy} from './write.js';

/**
 * An open store. Queries are small named functions over prepared better-sqlite3 statements
 * (source/db/queries/); the schema and its migrations are Drizzle's (schema.ts, drizzle-kit).
 */
export type Store = {
	/** The file path, or `:memory:`. */
	path: string;
	sqlite: Database.Database;
	/** The file cannot be written (permissions, immutable, read-only file system): reads work, writes fail with SQLITE_READONLY. */
	readOnly: boolean;
	close(): void;
};

/** How long a connection waits for another process's write lock before SQLite reports busy. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (creating on first run) and migrates the database at `file`. First decides, without
 * writing, whether the path is pluginary's (identify.ts): anything else — a device, a folder,
 * another application's database, one from a newer pluginary — is refused with a UserError and
 * left as it was. A file that cannot be written opens read-only.
 */
export function openStore(file: string): Store {
	if (file === ':memory:') {
		return openWriter(file);
	}

	const identity = identifyDatabase(file);
	const refusal = refusalMessage(file, identity);
	if (refusal) {
		throw new UserError(refusal);
	}

	if (identity.kind === 'missing') {
		prepareLocation(file);
	}

	try {
		return canWrite(file) ? openWriter(file) : openReader(file);
	} catch (error) {
		if (error instanceof UserError) {
			throw error;
		}

		if (isReadOnlyError(error) && existsSync(file)) {
			return openReader(file);
		}

		throw new UserError(describeStoreError(file, error));
	}
}

function openWriter(file: string): Store {
	const sqlite = new Database(file, {timeout: BUSY_TIMEOUT_MS});
	let migrated = false;
	try {
		retryWhenBusy(() => {
			const newer = newerDetail(sqlite);
			if (newer) {
				throw new UserError(refusalMessage(file, {kind: 'newer', detail: newer})!);
			}

			configureWriter(sqlite, BUSY_TIMEOUT_MS);
			migrated = !isCurrent(sqlite);
			if (migrated) {
				migrateWithDrizzle(sqlite);
			}

			const markers = headerMarkers(sqlite);
			if (markers.applicationId !== PLUGINARY_APPLICATION_ID || markers.userVersion !== schemaGeneration().count) {
				writeHeaderMarkers(sqlite, schemaGeneration().count);
			}
		});
		registerFunctions(sqlite);
		const store: Store = {path: file, sqlite, readOnly: false, close: () => sqlite.close()};
		if (migrated) {
			// A migrated store's display fields (vendor, name, group, category) come from the grouping step.
			regroupIfRulesChanged(store);
		}

		return store;
	} catch (error) {
		sqlite.close();
		throw error;
	}
}

function openReader(file: string): Store {
	const sqlite = openReadOnly(file);
	try {
		const newer = newerDetail(sqlite);
		if (newer) {
			throw new UserError(refusalMessage(file, {kind: 'newer', detail: newer})!);
		}

		configureReader(sqlite, BUSY_TIMEOUT_MS);
		registerFunctions(sqlite);
		if (!isCurrent(sqlite)) {
			throw new UserError(`Cannot use the database ${file}: it is read-only, and this pluginary has to upgrade it first; make it writable once, or give another path with --db.`);
		}

		return {path: file, sqlite, readOnly: true, close: () => sqlite.close()};
	} catch (error) {
		sqlite.close();
		throw error;
	}
}

/** Whether this process may write the file, and create its `-wal`/`-shm` beside it. */
function canWrite(file: string): boolean {
	try {
		accessSync(path.dirname(file), constants.W_OK);
		if (existsSync(file)) {
			accessSync(file, constants.W_OK);
		}

		return true;
	} catch {
		return false;
	}
}

const load = createRequire(import.meta.url);

/**
 * Whether every migration is applied, read from drizzle's own `__drizzle_migrations` table
 * (drizzle applies the migrations newer than its newest row). Lets an up-to-date store open
 * without loading drizzle at all — most runs are `list` or `show`, and start-up time counts.
 */
function isCurrent(sqlite: Database.Database): boolean {
	const applied = appliedMigrations(sqlite);
	return applied !== undefined && applied.newest !== null && applied.newest >= schemaGeneration().newest;
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
	try {
		makeFolders(dir);
		accessSync(dir, constants.W_OK);
	} catch (error) {
		throw new UserError(`Cannot create the database in ${dir}: the folder is not writable (${messageOf(error)}). Choose another place with --db or PLUGINARY_DB.`);
	}
}
