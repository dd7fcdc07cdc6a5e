import test from 'ava';
import {openStore} from '../../source/db/open.js';
import {recordFileResult} from '../../source/db/queries/ingest.js';
import {cliFails, cliPasses} from '../helpers/cli-assert.js';
import {syntheticEntries, writeSyntheticStore} from '../helpers/synthetic-store.js';
import {tempDbPath} from '../helpers/temp.js';

function syntheticDb(): string {
	const db = tempDbPath();
	writeSyntheticStore(db);
	return db;
}

type Item = {id: string; favorite: boolean; hidden: boolean; tags: string[]; category: string; categorySource: string};
const items = (t: Parameters<typeof cliPasses>[0], db: string, args: string[] = []): Item[] => JSON.parse(cliPasses(t, db, ['list', '--json', ...args]).stdout) as Item[];

test('fav/unfav, hide/unhide, tag/untag and category change what list shows', t => {
	const db = syntheticDb();
	t.regex(cliPasses(t, db, ['fav', 'Test Comp', 'vst3:0123456789ABCDEF0123456789ABCDEF']).stdout, /favourite: Test Comp/);
	t.regex(cliPasses(t, db, ['fav', 'Test Comp']).stdout, /already favourite: Test Comp/);
	cliPasses(t, db, ['tag', 'test comp', 'bus', 'glue', 'bus']);
	cliPasses(t, db, ['category', 'Test Comp', 'Utility']);
	cliPasses(t, db, ['hide', 'Test Verb']);
	let all = items(t, db, ['--all']);
	t.like(all.find(item => item.id === 'lv2:urn:test:comp'), {favorite: true, tags: ['bus', 'glue'], category: 'utility', categorySource: 'user'});
	t.false(items(t, db).some(item => item.id.startsWith('vst3:')), 'hidden plugins are left out of list');
	t.true(all.some(item => item.id.startsWith('vst3:') && item.hidden));
	cliPasses(t, db, ['unfav', 'Test Comp']);
	cliPasses(t, db, ['untag', 'Test Comp', 'BUS']);
	cliPasses(t, db, ['unhide', 'Test Verb']);
	cliPasses(t, db, ['category', 'Test Comp', '--reset']);
	all = items(t, db);
	t.like(all.find(item => item.id === 'lv2:urn:test:comp'), {favorite: false, tags: ['glue'], category: 'dynamics', categorySource: 'native'});
	t.is(all.length, 4);
});

test('curation is keyed by id and survives a rescan of the plugin', t => {
	const db = syntheticDb();
	cliPasses(t, db, ['fav', 'Test Comp']);
	cliPasses(t, db, ['tag', 'Test Comp', 'keep']);
	const store = openStore(db);
	const comp = syntheticEntries[0]!;
	recordFileResult(store, {path: comp.path, format: comp.format, size: 200, mtimeMs: 2000, status: 'ok'}, [{...comp, version: '2.0.0'}]);
	store.close();
	t.like(items(t, db).find(item => item.id === comp.id), {favorite: true, tags: ['keep']});
});

test('curation errors: unknown plugin exit 3 (nothing changed), ambiguous name exit 2, bad tag and category exit 2', t => {
	const db = syntheticDb();
	cliFails(t, db, ['fav', 'Test Comp', 'Nope'], 3, /No plugin has the id or name 'Nope'/);
	t.false(items(t, db).some(item => item.favorite), 'one unknown id changes nothing');
	cliFails(t, db, ['fav'], 2, /Usage: pluginary fav ID-or-NAME/);
	cliFails(t, db, ['tag', 'Test Comp', 'two words'], 2, /'two words' is not a valid tag/);
	cliFails(t, db, ['tag', 'Test Comp'], 2, /Usage: pluginary tag ID-or-NAME TAG/);
	cliFails(t, db, ['category', 'Test Comp', 'reverbb'], 2, /Unknown category 'reverbb' \(did you mean 'reverb'\?\)/);
	cliFails(t, db, ['category', 'Test Comp'], 2, /Usage: pluginary category/);
	const store = openStore(db);
	const twin = {...syntheticEntries[0]!, id: 'vst3:twin', uid: 'twin', format: 'vst3' as const, path: '/plugins/vst3/twin'};
	recordFileResult(store, {path: twin.path, format: 'vst3', size: 1, mtimeMs: 1, status: 'ok'}, [twin]);
	store.close();
	cliFails(t, db, ['hide', 'Test Comp'], 2, /2 plugins are named 'Test Comp' \(lv2:urn:test:comp, vst3:twin\); give one id\./);
});

test('every curation command has help with Usage and Examples', t => {
	for (const name of ['fav', 'unfav', 'hide', 'unhide', 'tag', 'untag', 'category', 'presets', 'preset', 'import', 'export', 'config', 'cache', 'doctor']) {
		const run = cliPasses(t, tempDbPath(), [name, '--help']);
		t.regex(run.stdout, /^ {2}Usage\n/, name);
		t.regex(run.stdout, /\n {2}Examples\n/, name);
	}
});
