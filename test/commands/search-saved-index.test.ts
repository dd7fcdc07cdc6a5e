/**
 * `search` and `similar` read the index saved beside the database while the catalog is unchanged,
 * and every change a user can make — a scan finding or losing a plugin, an import, fav, hide, tag,
 * category — makes the next search see it (docs/search.md, "CLI search").
 */
import {createHash} from 'node:crypto';
import {execFileSync} from 'node:child_process';
import {closeSync, existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {openStore} from '../../source/db/open.js';
import {recordFileResult, removeFile} from '../../source/db/queries/ingest.js';
import {catalogVersion} from '../../source/db/queries/catalog-version.js';
import {savedIndexFile} from '../../source/search/catalog-index.js';
import {openSavedFile} from '../../source/search/saved-parts.js';
import {cliPasses} from '../helpers/cli-assert.js';
import {entry, sampleParameters, writeSyntheticStore} from '../helpers/synthetic-store.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

const comp = 'lv2:urn:test:comp';
const verb = 'vst3:0123456789ABCDEF0123456789ABCDEF';

function ids(t: ExecutionContext, db: string, query: string, ...flags: string[]): string[] {
	return (JSON.parse(cliPasses(t, db, ['search', query, '--json', ...flags]).stdout) as Array<{id: string}>).map(item => item.id);
}

function savedHash(db: string): string {
	return createHash('sha256').update(readFileSync(savedIndexFile(db))).digest('hex');
}

test('the first search saves the index; the next ones reuse it while nothing changes', t => {
	const db = tempDbPath();
	writeSyntheticStore(db);
	t.false(existsSync(savedIndexFile(db)));
	const first = ids(t, db, 'test');
	t.true(existsSync(savedIndexFile(db)));
	const saved = savedHash(db);
	t.deepEqual(ids(t, db, 'test'), first);
	cliPasses(t, db, ['similar', comp]);
	cliPasses(t, db, ['list']);
	t.is(savedHash(db), saved, 'reads leave the saved index as it was');
});

test('fav, hide, tag and category changes are seen by the next search', t => {
	const db = tempDbPath();
	writeSyntheticStore(db);
	t.deepEqual(ids(t, db, 'is:fav'), []);
	const saved = savedHash(db);
	cliPasses(t, db, ['fav', comp]);
	t.deepEqual(ids(t, db, 'is:fav'), [comp]);
	const favourite = JSON.parse(cliPasses(t, db, ['search', 'test', '--json']).stdout) as Array<{id: string; favorite: boolean}>;
	t.true(favourite.find(item => item.id === comp)!.favorite, 'the record shows the flag the store has now');
	t.is(savedHash(db), saved, 'a favourite does not rebuild the saved index: it is read with the live flags');
	cliPasses(t, db, ['tag', comp, 'glue']);
	t.deepEqual(ids(t, db, 'tag:glue'), [comp]);
	t.not(savedHash(db), saved, 'a tag is indexed text: the next search rebuilt the saved index');
	cliPasses(t, db, ['category', verb, 'spatial']);
	t.deepEqual(ids(t, db, 'cat:spatial'), [verb]);
	t.true(ids(t, db, 'verb').includes(verb));
	const beforeHide = savedHash(db);
	cliPasses(t, db, ['hide', verb]);
	t.false(ids(t, db, 'verb').includes(verb));
	t.true(ids(t, db, 'verb', '--all').includes(verb));
	t.deepEqual(ids(t, db, 'is:hidden'), [verb]);
	cliPasses(t, db, ['unhide', verb]);
	t.true(ids(t, db, 'verb').includes(verb));
	cliPasses(t, db, ['hide', verb]);
	t.false(ids(t, db, 'verb').includes(verb));
	t.is(savedHash(db), beforeHide, 'hiding and showing read the saved index with the live flags');
	cliPasses(t, db, ['untag', comp, 'glue']);
	t.deepEqual(ids(t, db, 'tag:glue'), []);
});

test('a scan that adds, changes or removes a plugin is seen by the next search and similar', t => {
	const db = tempDbPath();
	writeSyntheticStore(db);
	t.deepEqual(ids(t, db, 'zither'), []);
	const zither = entry('lv2', 'urn:test:zither', 'Zither Compressor', {parameters: sampleParameters, category: 'dynamics'});
	const file = {path: zither.path, format: zither.format, size: 10, mtimeMs: 1, status: 'ok' as const};
	const store = openStore(db);
	try {
		recordFileResult(store, file, [zither]);
		t.deepEqual(ids(t, db, 'zither'), [zither.id]);
		const similar = JSON.parse(cliPasses(t, db, ['similar', comp, '--json']).stdout) as Array<{id: string}>;
		t.is(similar[0]!.id, zither.id, 'the new compressor with the same parameters is the most similar');

		recordFileResult(store, {...file, mtimeMs: 2}, [{...zither, name: 'Zither Limiter'}]);
		const renamed = JSON.parse(cliPasses(t, db, ['search', 'zither', '--json']).stdout) as Array<{id: string; name: string}>;
		t.deepEqual(renamed.map(item => [item.id, item.name]), [[zither.id, 'Zither Limiter']]);

		removeFile(store, file.path);
		t.deepEqual(ids(t, db, 'zither'), []);
	} finally {
		store.close();
	}
});

test('an import is seen by the next search', t => {
	const source = tempDbPath();
	writeSyntheticStore(source);
	cliPasses(t, source, ['fav', comp]);
	const backup = path.join(tempDir(), 'backup.json');
	cliPasses(t, source, ['export', '--out', backup]);
	const db = tempDbPath();
	t.deepEqual(ids(t, db, 'test'), []);
	cliPasses(t, db, ['import', backup]);
	t.true(ids(t, db, 'test').length > 0);
	t.deepEqual(ids(t, db, 'is:fav'), [comp]);
});

test('an import refreshes a saved index that exists, so the next search reads it; without one, none is made', t => {
	const source = tempDbPath();
	writeSyntheticStore(source);
	const backup = path.join(tempDir(), 'backup.json');
	cliPasses(t, source, ['export', '--out', backup]);

	const fresh = tempDbPath();
	cliPasses(t, fresh, ['import', backup]);
	t.false(existsSync(savedIndexFile(fresh)), 'no saved index is made for a database that has none');

	const db = tempDbPath();
	t.deepEqual(ids(t, db, 'test'), []);
	const before = savedHash(db);
	cliPasses(t, db, ['import', backup]);
	const store = openStore(db);
	try {
		const saved = openSavedFile(savedIndexFile(db), catalogVersion(store));
		t.truthy(saved, 'the saved index is at the catalog version the import left');
		closeSync(saved!.fd);
	} finally {
		store.close();
	}

	t.not(savedHash(db), before);
	const refreshed = savedHash(db);
	t.true(ids(t, db, 'test').length > 0);
	t.is(savedHash(db), refreshed, 'the search read the refreshed index instead of saving a new one');
});

test('what is not a regular file at the saved index path is never waited on or replaced (a FIFO, a folder, a link)', t => {
	for (const kind of ['fifo', 'folder', 'link'] as const) {
		const db = tempDbPath();
		writeSyntheticStore(db);
		const file = savedIndexFile(db);
		const target = path.join(tempDir(), 'elsewhere');
		if (kind === 'fifo') {
			execFileSync('mkfifo', [file]);
		} else if (kind === 'folder') {
			mkdirSync(file);
		} else {
			writeFileSync(target, 'not ours');
			symlinkSync(target, file);
		}

		const started = Date.now();
		const first = ids(t, db, 'test');
		t.deepEqual(ids(t, db, 'test'), first, kind);
		t.true(Date.now() - started < 60_000, kind);
		const stat = lstatSync(file);
		t.true(kind === 'fifo' ? stat.isFIFO() : kind === 'folder' ? stat.isDirectory() : stat.isSymbolicLink(), `${kind} left as it was`);
		if (kind === 'link') {
			t.is(readFileSync(target, 'utf8'), 'not ours');
		}
	}
});
