import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import Database from 'better-sqlite3';
import {tempDir} from './temp.js';

/** Folder of the import fixtures (pedalboard-pluginary caches and broken files). */
export const importFixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');

/** Absolute path of an import fixture. */
export function importFixture(name: string): string {
	return path.join(importFixtures, name);
}

/** Builds an SQLite file from a `.sql` fixture in a fresh temp folder (named `plugins.db`) and returns its path. */
export function sqliteFixture(sqlName: string): string {
	const file = path.join(tempDir(), 'plugins.db');
	const sqlite = new Database(file);
	sqlite.exec(readFileSync(importFixture(sqlName), 'utf8'));
	sqlite.close();
	return file;
}
