import test from 'ava';
import {COMMANDS, bindingLabel} from '../../source/ui/keys/commands.js';
import {commandFor} from '../../source/ui/keys/match.js';
import {routeKey, splitInput} from '../../source/ui/keys/route.js';
import {editText} from '../../source/ui/keys/text-edit.js';
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

test('while the filter is focused letters are typed, not commands', t => {
	t.deepEqual(routeKey({filterFocused: true, query: 're'}, 'q', {}), {kind: 'edit', query: 'req'});
	t.deepEqual(routeKey({filterFocused: true, query: 're'}, 'j', {}), {kind: 'edit', query: 'rej'});
	t.deepEqual(routeKey({filterFocused: false, query: 're'}, 'q', {}), {kind: 'command', command: 'app.quit'});
});

test('while typing, Enter keeps the filter, Esc clears it, arrows move and Ctrl-C quits', t => {
	t.deepEqual(routeKey({filterFocused: true, query: 'x'}, '', {return: true}), {kind: 'filter.done'});
	t.deepEqual(routeKey({filterFocused: true, query: 'x'}, '', {escape: true}), {kind: 'filter.clear'});
	t.deepEqual(routeKey({filterFocused: true, query: 'x'}, '', {downArrow: true}), {kind: 'command', command: 'cursor.down'});
	t.deepEqual(routeKey({filterFocused: true, query: 'x'}, 'c', {ctrl: true}), {kind: 'command', command: 'app.interrupt'});
});

test('text editing: backspace, Ctrl-U, Ctrl-W, control characters dropped', t => {
	t.is(editText('reverb', '', {backspace: true}), 'rever');
	t.is(editText('a b', 'u', {ctrl: true}), '');
	t.is(editText('reverb vendor:lsp', 'w', {ctrl: true}), 'reverb ');
	t.is(editText('a', '\u0007', {}), undefined);
	t.is(editText('', 'ünï', {}), 'ünï');
	t.is(editText('x', '', {upArrow: true}), undefined);
});

test('a pasted chunk splits into single keys with Enter and Backspace recognised', t => {
	t.deepEqual(splitInput('a\rb\u007F'), [['a', {}], ['', {return: true}], ['b', {}], ['', {backspace: true}]]);
});
