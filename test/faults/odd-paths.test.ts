import {copyFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openStore} from '../../source/db/open.js';
import {listSummaries} from '../../source/db/queries/plugins.js';
import {fixture, scan} from '../helpers/scan.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

const gain = fixture('good/ladspa/PluginaryTestGain.so');

test('plugin paths with spaces, quotes, newlines and non-UTF-8 bytes are catalogued, and rescans find them unchanged', async t => {
	const root = tempDir();
	const spaced = path.join(root, `dir with 'single' and "double" quotes`);
	mkdirSync(spaced);
	copyFileSync(gain, path.join(spaced, 'good gain.so'));
	copyFileSync(gain, path.join(root, 'new\nline.so'));
	const latin1 = Buffer.concat([Buffer.from(root + '/caf'), Buffer.from([0xE9]), Buffer.from('.so')]);
	copyFileSync(gain, latin1);
	const latin1Folder = Buffer.concat([Buffer.from(root + '/f'), Buffer.from([0xFF, 0xFE]), Buffer.from('lder')]);
	mkdirSync(latin1Folder);
	copyFileSync(gain, Buffer.concat([latin1Folder, Buffer.from('/inside.so')]));

	const dbPath = tempDbPath();
	const first = await scan({dbPath, paths: [root]});
	t.deepEqual(first.summary.failures, []);
	t.is(first.summary.counts['ladspa']?.['ok'], 4);
	const store = openStore(dbPath);
	t.teardown(() => store.close());
	const ids = [...listSummaries(store)].map(plugin => plugin.id).sort();
	t.deepEqual(ids, [
		'ladspa:caf\\xe9.so/PluginaryTestGain',
		'ladspa:good gain.so/PluginaryTestGain',
		'ladspa:inside.so/PluginaryTestGain',
		'ladspa:new\nline.so/PluginaryTestGain',
	]);
	t.true([...listSummaries(store)].some(plugin => plugin.path === path.join(root, 'f\\xff\\xfelder', 'inside.so')));
	const second = await scan({dbPath, paths: [root]});
	t.is(second.summary.diff.unchanged, 4);
	t.deepEqual(second.summary.diff.removed, []);
});
