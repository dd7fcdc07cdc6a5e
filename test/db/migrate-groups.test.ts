/**
 * Migration 0002_groups on a database made before it (migrations 0000 and 0001 only): it opens,
 * migrates, groups the stored plugins and keeps the user's favourites, tags, hidden flags and
 * category overrides.
 */
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import {drizzle} from 'drizzle-orm/better-sqlite3';
import {migrate} from 'drizzle-orm/better-sqlite3/migrator';
import {openStore} from '../../source/db/open.js';
import {getUserData} from '../../source/db/queries/curation.js';
import {listSummaries} from '../../source/db/queries/plugins.js';
import {migrationsFolder} from '../../source/paths.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

/** A store as the release before groups made it: only the migrations before 0002. */
function oldStore(file: string): void {
	const folder = tempDir();
	mkdirSync(path.join(folder, 'meta'));
	const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {entries: Array<{tag: string}>};
	journal.entries = journal.entries.filter(entry => entry.tag < '0002');
	writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
	for (const entry of journal.entries) {
		copyFileSync(path.join(migrationsFolder(), `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
	}

	const sqlite = new Database(file);
	migrate(drizzle(sqlite), {migrationsFolder: folder});
	const insert = sqlite.prepare(`insert into plugins (id, format, name, vendor, path, file_path, uid, category, category_source, raw_category,
		audio_inputs, audio_outputs, status, error, scanned_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')`);
	insert.run('lv2:http://lsp-plug.in/plugins/lv2/gate_mono', 'lv2', 'LSP Gate Mono', 'LSP LV2', '/usr/lib/lv2/lsp-plugins.lv2', '/usr/lib/lv2/lsp-plugins.lv2',
		'http://lsp-plug.in/plugins/lv2/gate_mono', 'dynamics', 'native', 'lv2:GatePlugin', 1, 1, 'ok', null);
	insert.run('vst2:gate-mono.so', 'vst2', 'Gate Mono', 'LSP VST', '/usr/lib/vst/lsp-plugins/gate-mono.so', '/usr/lib/vst/lsp-plugins/gate-mono.so',
		'gate-mono.so', 'dynamics', 'rules', 'kPlugCategMastering', 1, 1, 'ok', null);
	insert.run('ladspa:amp_1181.so/amp', 'ladspa', 'Simple amplifier', 'Steve Harris <steve@plugin.org.uk>', '/usr/lib/ladspa/amp_1181.so', '/usr/lib/ladspa/amp_1181.so',
		'amp_1181.so/amp', 'utility', 'rules', '', 1, 1, 'ok', null);
	insert.run('vst2:lsp-plugins-vst2-1.2.5.so', 'vst2', 'lsp-plugins-vst2-1.2.5', '', '/usr/lib/vst/lsp-plugins/lsp-plugins-vst2-1.2.5.so', '/usr/lib/vst/lsp-plugins/lsp-plugins-vst2-1.2.5.so',
		'lsp-plugins-vst2-1.2.5.so', 'other', 'rules', '', 0, 0, 'failed', 'no VST2 entry point (VSTPluginMain/main)');
	const file_ = sqlite.prepare("insert into files (path, format, size, mtime_ms, status, error) values (?, 'vst2', 1, 1, ?, ?)");
	file_.run('/usr/lib/vst/lsp-plugins/lsp-plugins-vst2-1.2.5.so', 'failed', 'no VST2 entry point (VSTPluginMain/main)');
	sqlite.prepare('insert into user_data (plugin_id, favorite, hidden, category) values (?, ?, ?, ?)').run('vst2:gate-mono.so', 1, 0, 'utility');
	sqlite.prepare('insert into user_data (plugin_id, favorite, hidden, category) values (?, ?, ?, ?)').run('ladspa:amp_1181.so/amp', 0, 1, null);
	sqlite.prepare('insert into tags (plugin_id, tag) values (?, ?)').run('vst2:gate-mono.so', 'drums');
	sqlite.close();
}

test('a store from before groups opens, migrates, groups its plugins and keeps the user data', t => {
	const file = tempDbPath();
	oldStore(file);
	const store = openStore(file);
	t.deepEqual(getUserData(store, 'vst2:gate-mono.so'), {favorite: true, hidden: false, category: 'utility', tags: ['drums']});
	t.deepEqual(getUserData(store, 'ladspa:amp_1181.so/amp'), {favorite: false, hidden: true, category: null, tags: []});
	const items = [...listSummaries(store, {includeHidden: true})];
	const gate = items.filter(item => item.id.includes('gate_mono') || item.id.includes('gate-mono'));
	t.is(gate.length, 2);
	t.is(new Set(gate.map(item => item.group)).size, 1, 'LV2 and VST2 twins are one group');
	t.true(gate.every(item => item.vendor === 'LSP' && item.name === 'LSP Gate Mono'));
	t.deepEqual(gate.map(item => item.rawVendor).sort(), ['LSP LV2', 'LSP VST']);
	t.true(gate.every(item => item.category === 'utility' && item.categorySource === 'user'), 'the override applies to the whole group');
	const amp = items.find(item => item.id === 'ladspa:amp_1181.so/amp')!;
	t.is(amp.vendor, 'Steve Harris');
	t.true(amp.hidden);
	t.false(items.some(item => item.id === 'vst2:lsp-plugins-vst2-1.2.5.so'), 'the core library is no longer a failed plugin');
	t.is(store.sqlite.prepare('select status from files where path like ?').pluck().get('%lsp-plugins-vst2-1.2.5.so'), 'skipped');
	store.close();
	const again = openStore(file);
	t.is([...listSummaries(again, {includeHidden: true})].length, 3, 'opening again changes nothing');
	again.close();
});
