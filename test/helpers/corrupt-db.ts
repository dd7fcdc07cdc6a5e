import {closeSync, openSync, writeFileSync, writeSync} from 'node:fs';
import Database from 'better-sqlite3';
import {openStore} from '../../source/db/open.js';
import {recordFileResult} from '../../source/db/queries/ingest.js';
import {entry, sampleParameters} from './synthetic-store.js';

/**
 * A pluginary database with user data (2 favourites/hidden rows, 3 tags, 1 user preset, 1
 * blacklist entry, 1 setting) written first, then a catalog big enough to span many pages; then
 * the pages of the `parameters` table are overwritten with garbage, so integrity_check fails
 * while the user-data pages stay readable.
 */
export function writeDamagedDb(file: string): void {
	const store = openStore(file);
	store.sqlite.exec(`
		insert into user_data (plugin_id, favorite, hidden, category) values ('lv2:a', 1, 0, 'reverb'), ('lv2:b', 0, 1, null);
		insert into tags (plugin_id, tag) values ('lv2:a', 'bus'), ('lv2:a', 'glue'), ('lv2:b', 'old');
		insert into user_presets (plugin_id, name, values_json, created_at) values ('lv2:a', 'Warm', '{"threshold":-30}', '2026-11-25T00:00:00Z');
		insert into blacklist (path, reason, auto, added_at) values ('/bad.so', 'crashed', 1, '2026-11-25T00:00:00Z');
		insert into settings (key, value) values ('lastView', 'list');
	`);
	const parameters = Array.from({length: 40}, (_, i) => ({...sampleParameters[i % 5]!, id: `p${i}`, name: `Parameter number ${i} with a long name`}));
	for (let i = 0; i < 60; i++) {
		const item = entry('lv2', `urn:bulk:${i}`, `Bulk ${i}`, {parameters});
		recordFileResult(store, {path: item.path, format: 'lv2', size: 1, mtimeMs: 1, status: 'ok'}, [item]);
	}

	store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
	store.close();
	const sqlite = new Database(file, {readonly: true});
	const pageSize = sqlite.pragma('page_size', {simple: true}) as number;
	const pages = sqlite.prepare("select pageno from dbstat where name = 'parameters' order by pageno").pluck().all() as number[];
	sqlite.close();
	const fd = openSync(file, 'r+');
	try {
		for (const page of pages.slice(1)) {
			writeSync(fd, Buffer.alloc(pageSize, 0xA5), 0, pageSize, (page - 1) * pageSize);
		}
	} finally {
		closeSync(fd);
	}
}

/** A file of random-looking bytes where a database should be. */
export function writeRandomBytes(file: string, size = 8192): void {
	let seed = 42;
	writeFileSync(file, Buffer.from(Array.from({length: size}, () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed % 256;
	})));
}
