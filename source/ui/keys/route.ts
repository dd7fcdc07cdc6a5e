import type {CommandName} from './commands.js';
import {commandFor, type KeyLike} from './match.js';
import {editsText, type EditKey} from './text-edit.js';

/** What the key dispatcher knows about the focus. */
export type FocusState = {
	/** True while the filter line has the focus (typing goes there). */
	filterFocused: boolean;
	/** The filter text. */
	query: string;
	/**
	 * True when the filter's text field (ink-text-input) reads this key too: it is listening, with
	 * the current text. False before it caught up with a focus or text change (a key read before
	 * React's effects ran), and for the rest of a chunk whose `/` gave the filter the focus.
	 */
	fieldReads: boolean;
};

/** What a key press does. */
export type KeyRoute =
	| {kind: 'command'; command: CommandName}
	| {kind: 'type'; text: string}
	| {kind: 'filter.done'}
	| {kind: 'filter.clear'}
	| {kind: 'none'};

const movesWhileTyping = new Set<CommandName>(['cursor.up', 'cursor.down', 'cursor.pageUp', 'cursor.pageDown']);

/**
 * Routes a key press: Ctrl-C always quits; while the filter is focused, Esc clears and leaves it
 * and arrows and pages still move the list (as in fzf); every other key is the text field's
 * (ink-text-input: text, Backspace, ←/→, Enter keeps the filter and leaves it), or — for the rest
 * of a chunk that focused the filter, which the field did not read — typed here. Otherwise the
 * key table decides.
 */
export function routeKey(focus: FocusState, input: string, key: KeyLike & EditKey): KeyRoute {
	const command = commandFor(input, key);
	if (command === 'app.interrupt') {
		return {kind: 'command', command};
	}

	if (!focus.filterFocused) {
		return command ? {kind: 'command', command} : {kind: 'none'};
	}

	if (key.escape) {
		return {kind: 'filter.clear'};
	}

	if (command && movesWhileTyping.has(command) && (key.upArrow || key.downArrow || key.pageUp || key.pageDown)) {
		return {kind: 'command', command};
	}

	if (focus.fieldReads) {
		return {kind: 'none'};
	}

	if (key.return) {
		return {kind: 'filter.done'};
	}

	if (key.backspace || key.delete) {
		return {kind: 'type', text: '\u007F'};
	}

	return input === '' || !editsText(key) ? {kind: 'none'} : {kind: 'type', text: input};
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
