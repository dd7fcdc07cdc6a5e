/**
 * The filter line as a person types into it: an ink-text-input field owns the text and its cursor
 * while the filter is focused; the key router keeps Esc, the list moves and Ctrl-C.
 */
import test from 'ava';
import chalk from 'chalk';
import {getUserData} from '../../source/db/queries/curation.js';
import {namedStore} from './helpers/fill-store.js';
import {keys, renderApp} from './helpers/render-app.js';

// The field draws its cursor in inverse video (chalk): shown here as [x].
chalk.level = 1;
const left = '\u001B[D';
const right = '\u001B[C';

/** The explorer over the named store, its index built. */
async function ready() {
	const store = namedStore();
	const app = renderApp({store});
	await app.waitFor(frame => frame.includes('4/4 plugins') && !frame.includes('indexing'));
	/**
	 * Keys as a person types them: each after the frame of the one before and React's effects
	 * (ink-text-input subscribes its key handler in an effect; see keys/field-link.ts).
	 */
	const type = async (...sequence: string[]): Promise<void> => {
		for (const key of sequence) {
			app.stdin.write(key);
			await new Promise(resolve => setTimeout(resolve, 80));
		}
	};

	return {app, type, store};
}

/** The filter line of a frame, the cursor shown as [x] and other styles dropped. */
const filterLine = (frame: string): string => frame.split('\n')[0]!
	.replace(/\u001B\[7m(.)\u001B\[27m/gu, '[$1]').replace(/\u001B\[[\d;]*m/g, '');

/** A frame without styles. */
const plain = (frame: string): string => frame.replace(/\u001B\[[\d;]*m/g, '');

/** Waits for a frame whose text (without styles) passes `wanted`; returns that text. */
async function seen(app: Awaited<ReturnType<typeof ready>>['app'], wanted: string | ((text: string) => boolean)): Promise<string> {
	const test = typeof wanted === 'string' ? (text: string) => text.includes(wanted) : wanted;
	return plain(await app.waitFor(frame => test(plain(frame))));
}

/** Waits for the filter line to read `line` (cursor as [x]). */
async function line(app: Awaited<ReturnType<typeof ready>>['app'], wanted: string): Promise<string> {
	return plain(await app.waitFor(frame => filterLine(frame).startsWith(wanted + ' ')));
}

test.serial('typing goes into the filter and the list follows it', async t => {
	const {app, type} = await ready();
	await type('/');
	await line(app, '/ [ ]');
	await type(...'comp');
	await line(app, '/ comp[ ]');
	const frame = await seen(app, '1/4 plugins · filter: comp');
	t.true(frame.includes('Compressor Mono'));
	t.regex(frame, /Enter keep filter +Esc clear/);
	app.unmount();
});

test.serial('Backspace deletes the character before the cursor', async t => {
	const {app, type} = await ready();
	await type('/', ...'gatex', keys.backspace);
	await line(app, '/ gate[ ]');
	await seen(app, '1/4 plugins · filter: gate');
	await type(left, left, keys.backspace);
	await line(app, '/ g[t]e');
	const frame = await seen(app, '0/4 plugins · filter: gte');
	t.true(frame.includes('did you mean'));
	app.unmount();
});

test.serial('← and → move the cursor: text goes in where it is', async t => {
	const {app, type} = await ready();
	await type('/', ...'rverb', left, left, left, left);
	await line(app, '/ r[v]erb');
	await type('e');
	await line(app, '/ re[v]erb');
	await seen(app, '2/4 plugins · filter: reverb');
	await type(right, right, right, right);
	await line(app, '/ reverb[ ]');
	await type(...' tap');
	const frame = await seen(app, '1/4 plugins · filter: reverb tap');
	t.true(frame.includes('Plate Reverb'));
	app.unmount();
});

test.serial('a paste of several characters goes in at once, at the cursor', async t => {
	const {app, type} = await ready();
	await type('/', ...'reverb', left, left, left, left, left, left);
	await line(app, '/ [r]everb');
	await type('plate ');
	await line(app, '/ plate [r]everb');
	const frame = await seen(app, '1/4 plugins · filter: plate reverb');
	t.true(frame.includes('Plate Reverb'));
	app.unmount();
});

test.serial('a chunk read at once ("/gat", Enter or Backspace in a paste) types as its keys', async t => {
	const {app, type} = await ready();
	await type('/gat');
	await line(app, '/ gat[ ]');
	await type('e');
	await seen(app, '1/4 plugins · filter: gate');
	await type('\u007F\u007F\u007F\u007F', 'comp\rj');
	const frame = await seen(app, text => text.includes('0/4 plugins · filter: compj') && /\/ filter +Enter details/.test(text));
	t.regex(filterLine(frame), /^\/ compj /, 'Enter in a pasted chunk keeps the filter and leaves it');
	app.unmount();
});

test.serial('keys read before the field caught up are typed, at the end, with the cursor after them', async t => {
	const {app, type} = await ready();
	// Written in one tick each (faster than React's effects run): the router types what the field cannot read yet.
	await app.press('/', ...'rever');
	await line(app, '/ rever[ ]');
	await type('b');
	const frame = await line(app, '/ reverb[ ]');
	t.true(frame.includes('2/4 plugins · filter: reverb'));
	app.unmount();
});

test.serial('Esc clears the filter wherever the cursor is; Enter keeps it', async t => {
	const {app, type} = await ready();
	await type('/', ...'gate', left, left, keys.escape);
	let frame = await seen(app, text => text.includes('4/4 plugins') && !text.includes('· filter:'));
	t.regex(filterLine(frame), /^\/ press \/ to filter/);
	await type('/', ...'gate', left, keys.enter);
	frame = await seen(app, text => text.includes('1/4 plugins · filter: gate') && text.includes('Enter details'));
	t.regex(filterLine(frame), /^\/ gate /, 'no cursor once the filter is left');
	await type('/', 'x');
	await line(app, '/ gatex[ ]');
	app.unmount();
});

test.serial('while typing, no letter acts as a command', async t => {
	const {app, type, store} = await ready();
	const typed = 'fhcrRsvtxCqGgjk?/';
	await type('/', ...typed);
	const frame = await line(app, `/ ${typed}[ ]`);
	t.regex(frame, /Enter keep filter +Esc clear/, 'still typing');
	t.deepEqual(app.scan.started, [], 'r and R started no scan');
	t.false(['vst2:synthetic/2', 'lv2:synthetic/1', 'vst3:synthetic/4', 'ladspa:synthetic/3'].some(id => getUserData(store, id).favorite), 'f marked nothing');
	t.false(frame.includes('check'), 'c started no check');
	t.false(frame.includes('pluginary · keys'), '? showed no help');
	app.unmount();
});

test.serial('Ctrl and Alt chords type nothing; ↓ still moves the list while typing', async t => {
	const {app, type} = await ready();
	await type('/', ...'rev', '\u0006', '\u0002', '\u001Bb', '\u0015');
	await line(app, '/ rev[ ]');
	const list = await seen(app, '2/4 plugins · filter: rev');
	const second = /Plate Reverb|Room Reverb/g;
	const names = [...list.matchAll(second)].map(match => match[0]);
	await type(keys.down, keys.enter, keys.enter);
	const frame = await seen(app, 'parameter');
	t.true(frame.startsWith(names[1]!), '↓ moved to the second row');
	app.unmount();
});
