import type {Key} from 'ink';

/** The parts of Ink's Key a text field reads. */
export type EditKey = Partial<Pick<Key, 'backspace' | 'delete' | 'ctrl' | 'meta' | 'tab' | 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'return' | 'escape' | 'home' | 'end'>>;

/**
 * Applies one key press to a single-line text field with the cursor at its end (readline keys:
 * Backspace, Ctrl-U clears, Ctrl-W deletes a word). Returns the new text, or undefined when the
 * key is not an edit (the caller may treat it as a command). Pasted text arrives as one input.
 */
export function editText(value: string, input: string, key: EditKey): string | undefined {
	if (key.backspace || key.delete) {
		return [...value].slice(0, -1).join('');
	}

	if (key.ctrl) {
		if (input === 'u') {
			return '';
		}

		if (input === 'w') {
			return value.replace(/\S+\s*$/u, '');
		}

		return undefined;
	}

	if (key.meta || key.tab || key.return || key.escape || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end) {
		return undefined;
	}

	const printable = input.replace(/[\u0000-\u001F\u007F]/g, '');
	return printable === '' ? undefined : value + printable;
}
