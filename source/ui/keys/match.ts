import type {Key} from 'ink';
import {COMMANDS, type Binding, type CommandName} from './commands.js';

/** The parts of Ink's Key that matching reads (so tests can build one by hand). */
export type KeyLike = Partial<Pick<Key, 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'escape' | 'return' | 'ctrl' | 'meta' | 'shift'>>;

/** True when the key press (`input` + `key`, as Ink reports them) is this binding. */
export function matchesBinding(binding: Binding, input: string, key: KeyLike): boolean {
	if ('name' in binding) {
		return key[binding.name] === true;
	}

	if (binding.ctrl) {
		return key.ctrl === true && input.toLowerCase() === binding.char;
	}

	return !key.ctrl && input === binding.char;
}

/** The command a key press triggers in the table, or undefined. Cost: linear in the table. */
export function commandFor(input: string, key: KeyLike, commands = COMMANDS): CommandName | undefined {
	for (const spec of commands) {
		if (spec.bindings.some(binding => matchesBinding(binding, input, key))) {
			return spec.name;
		}
	}

	return undefined;
}
