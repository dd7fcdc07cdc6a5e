/**
 * Decides what a database path holds before anything is written to it: nothing, something that is
 * not a file, another application's data, a database of a newer pluginary, or pluginary's own
 * database. Reads only: the header bytes, then a read-only connection — or, for a WAL-mode file
 * with no `-wal` beside it that pluginary did not mark, an in-memory copy, since even a read-only
 * connection would leave `-wal`/`-shm` files next to it (docs/reliability.md).
 */
import {closeSync, constants, existsSync, openSync, readFileSync, readSync, statSync, type Stats} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {messageOf} from '../errors.js';
import {migrationsFolder} from '../paths.js';
import {CATALOG_TABLES, PLUGINARY_APPLICATION_ID, appliedMigrations, headerMarkers, tableNames} from './queries/store-meta.js';

/** What a database path holds. */
export type Identity =
	| {kind: 'missing'}
	/** A directory, device node, FIFO or socket. */
	| {kind: 'not-a-file'; what: string}
	/** A zero-byte file, or an SQLite file without tables: pluginary may create its schema there. */
	| {kind: 'empty'}
	| {kind: 'pluginary'}
	/** A pluginary database whose schema is newer than this build knows. */
	| {kind: 'newer'; detail: string}
	/** Another application's SQLite database. */
	| {kind: 'foreign'}
	| {kind: 'not-sqlite'}
	/** An SQLite file whose schema cannot be read; `marked` when its header says it is pluginary's. */
	| {kind: 'damaged'; reason: string; marked: boolean}
	/** A file that cannot be read at all (permissions). */
	| {kind: 'unreadable'; reason: string};

/** This build's migrations: how many (the schema generation written to `user_version`) and the newest one's time. */
export type SchemaGeneration = {count: number; newest: number};

let generation: SchemaGeneration | undefined;

/** The schema generation of this build, read once from drizzle-kit's journal (shipped in source/db/migrations). */
export function schemaGeneration(): SchemaGeneration {
	if (!generation) {
		const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {entries: Array<{when: number}>};
		generation = {count: journal.entries.length, newest: Math.max(...journal.entries.map(entry => entry.when))};
	}

	return generation;
}

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

/** Above this size an unmarked WAL-mode file is not copied into memory to be looked at. */
const copyLimitBytes = 256 * 1024 * 1024;

/** Looks at `file` without changing it or leaving anything beside it. */
export function identifyDatabase(file: string): Identity {
	let stats: Stats;
	try {
		stats = statSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOENT' || code === 'ENOTDIR' ? {kind: 'missing'} : {kind: 'unreadable', reason: messageOf(error)};
	}

	if (!stats.isFile()) {
		return {kind: 'not-a-file', what: kindOf(stats)};
	}

	if (stats.size === 0) {
		return {kind: 'empty'};
	}

	let header: Buffer;
	try {
		header = readHeader(file);
	} catch (error) {
		return {kind: 'unreadable', reason: messageOf(error)};
	}

	if (header.length < 100 || !header.subarray(0, 16).equals(sqliteMagic)) {
		return {kind: 'not-sqlite'};
	}

	const applicationId = header.readInt32BE(68);
	if (applicationId !== 0 && applicationId !== PLUGINARY_APPLICATION_ID) {
		return {kind: 'foreign'};
	}

	const marked = applicationId === PLUGINARY_APPLICATION_ID;
	const walMode = header[18] === 2 && header[19] === 2;
	const headerIsCurrent = !existsSync(`${file}-wal`);
	if (marked && walMode && headerIsCurrent) {
		// The header is the whole truth (no WAL beside it): no connection needed. The writer checks
		// the migration rows before it writes anything (newerDetail).
		const detail = generationDetail(header.readInt32BE(60));
		return detail ? {kind: 'newer', detail} : {kind: 'pluginary'};
	}

	return inspect(file, stats, {marked, copy: walMode && headerIsCurrent && !marked});
}

function generationDetail(userVersion: number): string | undefined {
	const known = schemaGeneration().count;
	return userVersion > known ? `schema generation ${userVersion}; this pluginary knows ${known}` : undefined;
}

/** Why a pluginary database is newer than this build (its user_version or Drizzle's migration rows), or undefined. */
export function newerDetail(sqlite: Database.Database): string | undefined {
	const byVersion = generationDetail(headerMarkers(sqlite).userVersion);
	if (byVersion) {
		return byVersion;
	}

	const known = schemaGeneration();
	const applied = appliedMigrations(sqlite);
	if (applied && (applied.count > known.count || (applied.newest ?? 0) > known.newest)) {
		return `${applied.count} migrations, the newest from ${new Date(applied.newest ?? 0).toISOString().slice(0, 10)}; this pluginary knows ${known.count}`;
	}

	return undefined;
}

/** Describes what kind of file system object a path is, for messages. */
export function kindOf(stats: Stats): string {
	if (stats.isDirectory()) {
		return 'a directory';
	}

	if (stats.isCharacterDevice()) {
		return 'a character device';
	}

	if (stats.isBlockDevice()) {
		return 'a block device';
	}

	if (stats.isFIFO()) {
		return 'a FIFO';
	}

	return stats.isSocket() ? 'a socket' : 'not a regular file';
}

/** The first 100 bytes (the SQLite header); O_NONBLOCK so a file swapped for a FIFO cannot block. */
function readHeader(file: string): Buffer {
	const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	try {
		const header = Buffer.alloc(100);
		const read = readSync(fd, header, 0, 100, 0);
		return header.subarray(0, read);
	} finally {
		closeSync(fd);
	}
}

function inspect(file: string, stats: Stats, options: {marked: boolean; copy: boolean}): Identity {
	if (options.copy && stats.size > copyLimitBytes) {
		return {kind: 'foreign'};
	}

	let sqlite: Database.Database | undefined;
	try {
		sqlite = options.copy ? openCopy(file) : openReadOnly(file);
		return classify(sqlite, options.marked);
	} catch (error) {
		return {kind: 'damaged', reason: messageOf(error), marked: options.marked};
	} finally {
		sqlite?.close();
	}
}

/** A read-only connection; on a read-only file system (no `-shm` can be made) an in-memory copy instead. */
export function openReadOnly(file: string): Database.Database {
	let sqlite: Database.Database | undefined;
	try {
		sqlite = new Database(file, {readonly: true, fileMustExist: true});
		sqlite.pragma('schema_version');
		return sqlite;
	} catch (error) {
		sqlite?.close();
		if ((error as {code?: string}).code !== 'SQLITE_CANTOPEN' || hasWalContent(file)) {
			throw error;
		}

		return openCopy(file);
	}
}

function hasWalContent(file: string): boolean {
	try {
		return statSync(`${file}-wal`).size > 0;
	} catch {
		return false;
	}
}

/** The file's bytes as a read-only in-memory database (marked as rollback-journal mode, which memory databases need). */
function openCopy(file: string): Database.Database {
	const bytes = readFileSync(file);
	bytes[18] = 1;
	bytes[19] = 1;
	return new Database(bytes, {readonly: true});
}

function classify(sqlite: Database.Database, marked: boolean): Identity {
	const tables = tableNames(sqlite);
	const {userVersion} = headerMarkers(sqlite);
	const applied = appliedMigrations(sqlite);
	const halfMigrated = tables.length === 1 && applied?.count === 0;
	if (tables.length === 0 || halfMigrated) {
		return marked || userVersion === 0 ? {kind: 'empty'} : {kind: 'foreign'};
	}

	if (!marked && !CATALOG_TABLES.every(name => tables.includes(name))) {
		return {kind: 'foreign'};
	}

	const detail = newerDetail(sqlite);
	return detail ? {kind: 'newer', detail} : {kind: 'pluginary'};
}
