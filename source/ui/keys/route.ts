import type {CommandName} from './commands.js';
import {commandFor, type KeyLike} from './match.js';
import {editText, type EditKey} from './text-edit.js';

/** What the key dispatcher knows about the focus. */
export type FocusState = {
	/** True while the filter line has the focus (typing goes there). */
	filterFocused: boolean;
	/** The filter text. */
	query: string;
};

/** What a key press does. */
export type KeyRoute =
	| {kind: 'command'; command: CommandName}
	| {kind: 'edit'; query: string}
	| {kind: 'filter.done'}
	| {kind: 'filter.clear'}
	| {kind: 'none'};

const movesWhileTyping = new Set<CommandName>(['cursor.up', 'cursor.down', 'cursor.pageUp', 'cursor.pageDown']);

/**
 * Routes a key press: Ctrl-C always quits; while the filter is focused it consumes the key
 * (text edits; Enter keeps the filter and leaves it; Esc clears and leaves it; arrows and pages
 * still move the list, as in fzf); otherwise the key table decides.
 */
export function routeKey(focus: FocusState, input: string, key: KeyLike & EditKey): KeyRoute {
	const command = commandFor(input, key);
	if (command === 'app.interrupt') {
		return {kind: 'command', command};
	}

	if (focus.filterFocused) {
		if (key.return) {
			return {kind: 'filter.done'};
		}

		if (key.escape) {
			return {kind: 'filter.clear'};
		}

		if (command && movesWhileTyping.has(command) && (key.upArrow || key.downArrow || key.pageUp || key.pageDown)) {
			return {kind: 'command', command};
		}

		const query = editText(focus.query, input, key);
		return query === undefined ? {kind: 'none'} : {kind: 'edit', query};
	}

	return command ? {kind: 'command', command} : {kind: 'none'};
}

const noKey: KeyLike & EditKey = {};

/**
 * Splits a chunk of plain input (pasted, or typed faster than it is read) into single key
 * presses: Enter, Backspace and Tab become their keys, everything else a character.
 */
export function splitInput(input: string): Array<[string, KeyLike & EditKey]> {
	return [...input].map(char => {
		if (char === '\r' || char === '\n') {
			return ['', {return: true}];
		}

		if (char === '\u007F' || char === '\b') {
			return ['', {backspace: true}];
		}

		if (char === '\t') {
			return ['', {tab: true}];
		}

		return [char, noKey];
	});
}
