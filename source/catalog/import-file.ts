/**
 * Reads any file `import` accepts and says what it is: a pluginary JSON export or NDJSON, a
 * pedalboard-pluginary `plugins.json` (2023 and later JSON caches) or `plugins.db` (2026). Nothing is
 * written here. Every problem becomes one UserError naming the file and what is wrong.
 */
import {openSync, readFileSync, readSync, closeSync, statSync} from 'node:fs';
import path from 'node:path';
import {UserError} from '../errors.js';
import {ImportFormatError, type ImportBatch} from './import-types.js';
import {fromPedalboardDb, fromPedalboardJson} from './import-pedalboard.js';
import {fromJsonExport, fromNdjson, fromRecord} from './import-pluginary.js';

const sqliteMagic = 'SQLite format 3\u0000';

/** Reads and validates an import file. Throws UserError (exit 1) for anything it cannot import. */
export function readImportFile(file: string): ImportBatch {
	const shown = path.resolve(file);
	const fail = (what: string): UserError => new UserError(`Cannot import ${shown}: ${what}.`);
	let size: number;
	try {
		const stat = statSync(shown);
		if (stat.isDirectory()) {
			throw fail('it is a directory, not a file');
		}

		size = stat.size;
	} catch (error) {
		if (error instanceof UserError) {
			throw error;
		}

		const code = (error as NodeJS.ErrnoException).code;
		throw fail(code === 'ENOENT' ? 'no such file' : (error as Error).message);
	}

	if (size === 0) {
		throw fail('the file is empty');
	}

	try {
		if (startsWithSqliteMagic(shown)) {
			return fromPedalboardDb(shown);
		}

		return fromText(readText(shown), statSync(shown).mtime.toISOString());
	} catch (error) {
		if (error instanceof ImportFormatError) {
			const message = error.message.replace(/\.$/, '');
			throw fail(/^(is|has|holds|says|cannot) /.test(message) ? `it ${message}` : message);
		}

		throw error;
	}
}

function startsWithSqliteMagic(file: string): boolean {
	const fd = openSync(file, 'r');
	try {
		const buffer = Buffer.alloc(16);
		const read = readSync(fd, buffer, 0, 16, 0);
		return read === 16 && buffer.toString('latin1') === sqliteMagic;
	} finally {
		closeSync(fd);
	}
}

function readText(file: string): string {
	const buffer = readFileSync(file);
	if (buffer.includes(0)) {
		throw new ImportFormatError('is a binary file, neither JSON nor an SQLite database');
	}

	return buffer.toString('utf8').replace(/^\ufeff/, '');
}

function fromText(text: string, mtime: string): ImportBatch {
	if (text.trim() === '') {
		throw new ImportFormatError('holds only white space');
	}

	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		const ndjson = fromNdjson(text);
		if (ndjson) {
			return ndjson;
		}

		throw new ImportFormatError(`is not valid JSON (${(error as Error).message}); it may be truncated`);
	}

	if (Array.isArray(data)) {
		throw new ImportFormatError('holds a JSON array; expected a pluginary export or pedalboard-pluginary\'s plugins.json (a JSON object)');
	}

	if (typeof data !== 'object' || data === null) {
		throw new ImportFormatError(`holds a JSON ${data === null ? 'null' : typeof data}; expected a pluginary export or pedalboard-pluginary's plugins.json (a JSON object)`);
	}

	const object = data as Record<string, unknown>;
	if ('pluginary' in object) {
		return fromJsonExport(object);
	}

	if (typeof object['id'] === 'string' && typeof object['format'] === 'string') {
		return {kind: 'pluginary-ndjson', plugins: [fromRecord(object, 'the record')], userPresets: [], blacklist: []};
	}

	return fromPedalboardJson(object, mtime);
}
