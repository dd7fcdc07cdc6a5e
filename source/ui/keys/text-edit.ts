import type {Key} from 'ink';

/** The parts of Ink's Key the filter's text rules read. */
export type EditKey = Partial<Pick<Key, 'backspace' | 'delete' | 'ctrl' | 'meta' | 'tab' | 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'return' | 'escape' | 'home' | 'end'>>;

/**
 * True when a key press may edit the filter text. ink-text-input inserts the letter of Ctrl and
 * Alt chords (Ctrl-F would type "f"); those are never text. Backspace and Delete are, whatever
 * modifier the terminal reports with them (Ctrl-H is Backspace).
 */
export function editsText(key: EditKey): boolean {
	return Boolean(key.backspace || key.delete || (!key.ctrl && !key.meta));
}

/**
 * Types `text` at the end of `value` as a terminal sends it: Backspace (DEL, ^H) deletes the
 * character before, Enter (CR, LF) is noted as `done` and is no text, other control characters
 * are dropped. This is how keys read together in one chunk (a paste, or typing faster than a
 * frame) apply; single keys go to ink-text-input. Cost: linear in the text.
 */
export function typeText(value: string, text: string): {value: string; done: boolean} {
	const chars = [...value];
	let done = false;
	for (const char of text) {
		if (char === '\u007F' || char === '\b') {
			chars.pop();
		} else if (char === '\r' || char === '\n') {
			done = true;
		} else if (!/[\u0000-\u001F\u007F]/u.test(char)) {
			chars.push(char);
		}
	}

	return {value: chars.join(''), done};
}
