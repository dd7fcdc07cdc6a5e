import test from 'ava';
import Database from 'better-sqlite3';
import {openStore} from '../../source/db/open.js';
import {schemaGeneration} from '../../source/db/identify.js';
import {diagnose, salvage} from '../../source/db/salvage.js';
import {writeDamagedDb, writeRandomBytes} from '../helpers/corrupt-db.js';
import {writeSyntheticStore} from '../helpers/synthetic-store.js';
import {tempDbPath} from '../helpers/temp.js';

const tables = (file: string): string[] => {
	const sqlite = new Database(file, {readonly: true});
	const names = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[];
	sqlite.close();
	return names;
};

test('migrations create every table on a fresh file and are a no-op on an already migrated file', t => {
	const file = tempDbPath();
	openStore(file).close();
	const fresh = tables(file);
	for (const table of ['plugins', 'parameters', 'presets', 'files', 'scan_runs', 'blacklist', 'user_data', 'tags', 'user_presets', 'settings', '__drizzle_migrations']) {
		t.true(fresh.includes(table), table);
	}

	const sqlite = new Database(file, {readonly: true});
	const applied = sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get() as number;
	sqlite.close();
	writeSyntheticStore(file);
	const again = openStore(file);
	t.is(again.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get(), applied);
	t.is(again.sqlite.prepare('select count(*) from plugins').pluck().get(), 4, 'data survives re-opening');
	again.close();
	t.deepEqual(tables(file), fresh);
});

test('diagnose tells missing, healthy, corrupt and refused files apart', t => {
	t.deepEqual(diagnose(tempDbPath()), {state: 'missing'});
	const healthy = tempDbPath();
	writeSyntheticStore(healthy);
	t.deepEqual(diagnose(healthy), {state: 'healthy'});
	const damaged = tempDbPath();
	writeDamagedDb(damaged);
	t.is(diagnose(damaged).state, 'corrupt');
	const random = tempDbPath();
	writeRandomBytes(random);
	t.like(diagnose(random), {state: 'refused'});
	t.like(diagnose(random, {ownPath: true}), {state: 'corrupt'});
	const foreign = tempDbPath();
	const sqlite = new Database(foreign);
	sqlite.exec('create table notes (text)');
	sqlite.close();
	t.like(diagnose(foreign), {state: 'refused'});
});

test('pluginary marks its databases: application_id and a user_version of this build\'s schema generation', t => {
	const file = tempDbPath();
	openStore(file).close();
	const sqlite = new Database(file, {readonly: true});
	t.is(sqlite.pragma('application_id', {simple: true}), 0x70_6C_67_79);
	t.is(sqlite.pragma('user_version', {simple: true}), schemaGeneration().count);
	sqlite.close();
});

test('salvage keeps the readable user data and a fresh, healthy store', t => {
	const file = tempDbPath();
	writeDamagedDb(file);
	const result = salvage(file, new Date('2026-11-25T12:34:56.789Z'));
	t.is(result.movedTo, `${file}.corrupt-20261125T123456Z`);
	t.deepEqual(result.counts, {user_data: 2, tags: 3, user_presets: 1, blacklist: 1, settings: 1});
	t.deepEqual(diagnose(file), {state: 'healthy'});
	t.is(diagnose(result.movedTo).state, 'corrupt');
});
