import test from 'ava';
import {COMMANDS, bindingLabel} from '../../source/ui/keys/commands.js';
import {commandFor} from '../../source/ui/keys/match.js';
import {routeKey, splitInput} from '../../source/ui/keys/route.js';
import {editsText, typeText} from '../../source/ui/keys/text-edit.js';
import {helpLines} from '../../source/ui/model/help.js';

test('the table binds the documented keys', t => {
	t.is(commandFor('j', {}), 'cursor.down');
	t.is(commandFor('', {downArrow: true}), 'cursor.down');
	t.is(commandFor('k', {}), 'cursor.up');
	t.is(commandFor('', {pageDown: true}), 'cursor.pageDown');
	t.is(commandFor('g', {}), 'cursor.home');
	t.is(commandFor('G', {shift: true}), 'cursor.end');
	t.is(commandFor('', {end: true}), 'cursor.end');
	t.is(commandFor('/', {}), 'filter.focus');
	t.is(commandFor('', {escape: true}), 'nav.back');
	t.is(commandFor('', {return: true}), 'nav.open');
	t.is(commandFor('r', {}), 'scan.incremental');
	t.is(commandFor('R', {shift: true}), 'scan.full');
	t.is(commandFor('f', {}), 'plugin.favorite');
	t.is(commandFor('s', {}), 'list.sort');
	t.is(commandFor('t', {}), 'screen.stats');
	t.is(commandFor('?', {}), 'screen.help');
	t.is(commandFor('q', {}), 'app.quit');
	t.is(commandFor('c', {ctrl: true}), 'app.interrupt');
	t.is(commandFor('f', {ctrl: true}), 'cursor.pageDown');
	t.is(commandFor('z', {}), undefined);
});

test('no key is bound to two commands', t => {
	const seen = new Map<string, string>();
	for (const spec of COMMANDS) {
		for (const binding of spec.bindings) {
			const label = bindingLabel(binding);
			t.false(seen.has(label), `${label} is bound to ${seen.get(label)} and ${spec.name}`);
			seen.set(label, spec.name);
		}
	}
});

test('the help lists every command with all its keys', t => {
	const lines = helpLines(true);
	for (const spec of COMMANDS) {
		t.true(lines.some(line => line.kind === 'key' && line.text === spec.description), spec.name);
	}

	t.true(lines.some(line => line.kind === 'key' && line.keys === '↑ k'));
	t.true(helpLines(false).some(line => line.kind === 'key' && line.keys === 'Up k'));
});

const field = {filterFocused: true, query: 're', fieldReads: true};
const noField = {filterFocused: true, query: 're', fieldReads: false};

test('while the filter is focused letters are the text field\'s, not commands', t => {
	for (const letter of ['q', 'j', 'f', 'h', 'c', 'r', 's', 'v', 't', 'x', '?', '/']) {
		t.deepEqual(routeKey(field, letter, {}), {kind: 'none'}, letter);
		t.deepEqual(routeKey(noField, letter, {}), {kind: 'type', text: letter}, letter);
	}

	t.deepEqual(routeKey({filterFocused: false, query: 're', fieldReads: false}, 'q', {}), {kind: 'command', command: 'app.quit'});
});

test('while typing, Enter keeps the filter, Esc clears it, arrows move and Ctrl-C quits', t => {
	t.deepEqual(routeKey(field, '', {return: true}), {kind: 'none'}, 'the field submits');
	t.deepEqual(routeKey(noField, '', {return: true}), {kind: 'filter.done'});
	t.deepEqual(routeKey(field, '', {escape: true, meta: true}), {kind: 'filter.clear'});
	t.deepEqual(routeKey(field, '', {downArrow: true}), {kind: 'command', command: 'cursor.down'});
	t.deepEqual(routeKey(field, '', {pageUp: true}), {kind: 'command', command: 'cursor.pageUp'});
	t.deepEqual(routeKey(field, '', {leftArrow: true}), {kind: 'none'}, 'the field moves its cursor');
	t.deepEqual(routeKey(field, 'c', {ctrl: true}), {kind: 'command', command: 'app.interrupt'});
	t.deepEqual(routeKey(noField, 'f', {ctrl: true}), {kind: 'none'}, 'Ctrl-F is no text and no page move while typing');
});

test('only keys without Ctrl/Alt edit the text; Backspace always does', t => {
	t.true(editsText({}));
	t.true(editsText({backspace: true, ctrl: true}));
	t.true(editsText({delete: true}));
	t.false(editsText({ctrl: true}));
	t.false(editsText({meta: true}));
});

test('typed text: Backspace deletes, Enter is noted, control characters are dropped', t => {
	t.deepEqual(typeText('reverb', '\u007F'), {value: 'rever', done: false});
	t.deepEqual(typeText('', 'ga\u007Fate\r'), {value: 'gate', done: true});
	t.deepEqual(typeText('a', '\u0007\t'), {value: 'a', done: false});
	t.deepEqual(typeText('', 'ünï\b'), {value: 'ün', done: false});
	t.deepEqual(typeText('', '\u007F'), {value: '', done: false});
});

test('a pasted chunk splits into single keys with Enter and Backspace recognised', t => {
	t.deepEqual(splitInput('a\rb\u007F'), [['a', {}], ['', {return: true}], ['b', {}], ['', {backspace: true}]]);
});
