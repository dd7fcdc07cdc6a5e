/**
 * The real built binary in a real terminal: `node dist/cli.js --db <tmp>` inside tmux (100×30),
 * driven with send-keys and read with capture-pane. Every step polls the screen with a deadline.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {openStore} from '../../source/db/open.js';
import {addEntries, fillStore, syntheticEntry} from '../ui/helpers/fill-store.js';
import {prng} from '../helpers/prng.js';
import {serialUnlessMissing} from '../helpers/skip.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli.js');
const session = `pluginary-e2e-${process.pid}`;
const hasTmux = (() => {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
})();

const tmux = (...args: string[]): string => execFileSync('tmux', args, {encoding: 'utf8'});
const screen = (): string => tmux('capture-pane', '-t', session, '-p');
const send = (...keys: string[]): void => {
	tmux('send-keys', '-t', session, ...keys);
};

async function waitFor(wanted: string | RegExp | ((text: string) => boolean), timeoutMs = 15_000): Promise<string> {
	const test = typeof wanted === 'function' ? wanted : (text: string) => (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text));
	const deadline = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < deadline) {
		last = screen();
		if (test(last)) {
			return last;
		}

		await new Promise(resolve => setTimeout(resolve, 50));
	}

	throw new Error(`timed out waiting for ${String(wanted)}; screen:\n${last}`);
}

/** A catalog of 200 synthetic plugins plus a few with known names, and plugin folders with two real LV2 bundles (when installed). */
function prepare(dir: string): {db: string; env: string[]} {
	const db = path.join(dir, 'catalog.db');
	const store = openStore(db);
	fillStore(store, 200, 5);
	const next = prng(9);
	addEntries(store, [
		{...syntheticEntry(1001, next, 12), id: 'lv2:e2e/room', uid: 'e2e/room', format: 'lv2', name: 'Zz Room Reverb', vendor: 'Dragonfly', category: 'reverb', path: '/e2e/room.lv2'},
		{...syntheticEntry(1002, next, 4), id: 'lv2:e2e/plate', uid: 'e2e/plate', format: 'lv2', name: 'Zz Plate Reverb', vendor: 'TAP', category: 'reverb', path: '/e2e/plate.lv2'},
	]);
	store.close();
	const folders: Record<string, string> = {};
	for (const format of ['lv2', 'ladspa', 'vst', 'vst3', 'clap']) {
		folders[format] = path.join(dir, format);
		mkdirSync(folders[format]!);
	}

	for (const bundle of ['ZamComp.lv2', 'DragonflyRoomReverb.lv2']) {
		if (existsSync(`/usr/lib/lv2/${bundle}`)) {
			symlinkSync(`/usr/lib/lv2/${bundle}`, path.join(folders['lv2']!, bundle));
		}
	}

	return {db, env: [`LV2_PATH=${folders['lv2']}`, `LADSPA_PATH=${folders['ladspa']}`, `VST_PATH=${folders['vst']}`, `VST3_PATH=${folders['vst3']}`, `CLAP_PATH=${folders['clap']}`]};
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'pluginary-e2e-'));

test.before(() => {
	if (hasTmux && !existsSync(cli)) {
		execFileSync('node', [path.join(root, 'source/build/bundle.mjs')], {stdio: 'inherit'});
	}
});

test.after.always(() => {
	try {
		tmux('kill-session', '-t', session);
	} catch {}

	rmSync(dir, {recursive: true, force: true});
});

const inTmux = serialUnlessMissing(hasTmux ? undefined : 'tmux is not installed');

inTmux('filter, navigate, details, favourite, rescan and quit in a real terminal', async t => {
	const {db, env} = prepare(dir);
	const command = `echo BEFORE-EXPLORER; env -u CI -u NO_COLOR LANG=C.UTF-8 ${env.join(' ')} node ${cli} --db ${db}; echo EXIT=$?; sleep 60`;
	tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', command);

	let text = await waitFor('202/202 plugins');
	t.regex(text, /Name +Vendor +Formats +Category/);
	t.false(text.includes('BEFORE-EXPLORER'), 'runs on the alternate screen');
	t.is(text.replace(/\n$/, '').split('\n').length, 30, 'fills the height');

	send('/');
	await waitFor('Enter keep filter');
	send('-l', 'zz reverb');
	text = await waitFor(/(^|\s)2\/202 plugins/m);
	t.true(text.includes('Zz Plate Reverb') && text.includes('Zz Room Reverb'), text);

	send('Enter');
	await waitFor('/ filter');
	send('j');
	await waitFor(() => true);
	send('Enter');
	text = await waitFor('parameter 1/');
	t.regex(text, /# Name +Type +Min +Default +Max +Units +Values/);
	const opened = text.split('\n')[0]!;
	t.regex(opened, /Zz (Room|Plate) Reverb/);

	send('Escape');
	await waitFor(/(^|\s)2\/202 plugins/m);
	send('f');
	text = await waitFor('★ Zz');

	send('r');
	text = await waitFor(/Scan · (running|finished)/);
	text = await waitFor('Changes', 60_000);
	t.regex(text, /\d+ new · \d+ changed · \d+ removed · \d+ unchanged/);
	send('Escape');
	text = await waitFor(/(^|\s)2\/204 plugins/m);
	t.true(text.includes('scan done'), 'the catalog was reloaded with the scanned plugins');

	send('q');
	text = await waitFor('EXIT=0');
	t.true(text.includes('BEFORE-EXPLORER'), 'the shell screen comes back');
	t.false(text.includes('plugins ·'), 'nothing of the explorer is left');
});

inTmux('Ctrl-C quits from the filter and gives the screen back', async t => {
	try {
		tmux('kill-session', '-t', session);
	} catch {}

	const db = path.join(dir, 'catalog.db');
	tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', `echo BEFORE-EXPLORER; env -u CI LANG=C node ${cli} --db ${db}; echo EXIT=$?; sleep 60`);
	await waitFor(/\d+\/\d+ plugins/);
	send('/');
	send('-l', 'zz');
	const text = await waitFor(/(^|\s)2\/204 plugins/m);
	t.true(text.includes('* Zz'), text);
	t.false(/[★█…]/.test(text));
	send('C-c');
	const after = await waitFor('EXIT=');
	t.true(after.includes('BEFORE-EXPLORER'));
	t.regex(after, /EXIT=0/);
});

const zamSources = ['/usr/lib/lv2/ZamComp.lv2', '/usr/lib/ladspa/ZamComp-ladspa.so', '/usr/lib/vst/ZamComp-vst.so', '/usr/lib/vst3/ZamComp.vst3', '/usr/lib/clap/ZamComp.clap'];
/** Needs tmux and Debian's ZamComp in all five formats. */
const groupTest = serialUnlessMissing(hasTmux ? (zamSources.every(source => existsSync(source)) ? undefined : "Debian's ZamComp in all five formats is not installed") : 'tmux is not installed');

groupTest('one row per plugin with its formats; the view key switches to one row per format; format: filters both', async t => {
	const sources = zamSources;
	try {
		tmux('kill-session', '-t', session);
	} catch {}

	const zam = path.join(dir, 'zam');
	const folders = ['lv2', 'ladspa', 'vst', 'vst3', 'clap'].map(format => path.join(zam, format));
	for (const [index, source] of sources.entries()) {
		mkdirSync(folders[index]!, {recursive: true});
		symlinkSync(source, path.join(folders[index]!, path.basename(source)));
	}

	const db = path.join(zam, 'catalog.db');
	const env = [`LV2_PATH=${folders[0]}`, `LADSPA_PATH=${folders[1]}`, `VST_PATH=${folders[2]}`, `VST3_PATH=${folders[3]}`, `CLAP_PATH=${folders[4]}`];
	execFileSync('env', [...env, 'node', cli, '--db', db, 'scan'], {stdio: 'ignore'});
	tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', `env -u CI -u NO_COLOR LANG=C.UTF-8 node ${cli} --db ${db}; echo EXIT=$?; sleep 60`);
	let text = await waitFor(/1\/1 plugins/);
	t.regex(text, /ZamComp +Damien Zammit +vst3 clap lv2 vst2 ladspa/);
	t.is(text.split('\n').filter(line => line.includes('ZamComp')).length, 1, 'one row for the five formats');

	send('v');
	text = await waitFor('5/5 plugins · by format');
	t.is(text.split('\n').filter(line => /ZamComp +Damien Zammit/.test(line)).length, 5, 'one row per format');

	send('/');
	send('-l', 'format:vst2');
	send('Enter');
	text = await waitFor('1/5 plugins · by format · filter: format:vst2');
	t.regex(text, /ZamComp +Damien Zammit +vst2/);
	send('v');
	text = await waitFor(/1\/1 plugins · filter: format:vst2/);
	t.regex(text, /ZamComp +Damien Zammit +vst3 clap lv2 vst2 ladspa/, 'the row keeps every format (the filtered-out ones dimmed)');

	send('?');
	text = await waitFor('one row per format');
	t.regex(text, /\bv\b.*one row per format/);
	send('q');
	await waitFor('EXIT=0');
});
