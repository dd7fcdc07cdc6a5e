import {words} from '../catalog/text.js';

/**
 * Index-side tokens of a field: its words (split at punctuation, camelCase and digits, as
 * `words()` does) plus each whole alphanumeric run, so "ZamComp" is found by "zam", "comp" and
 * "zamcomp". Lower-case, deduplicated.
 */
export function indexTokens(text: string): string[] {
	const tokens = new Set(words(text));
	for (const run of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
		if (run !== '') {
			tokens.add(run);
		}
	}

	return [...tokens];
}

/** Query-side tokens: the words of the text (see `words()`), lower-case, deduplicated. */
export function queryTokens(text: string): string[] {
	return [...new Set(words(text))];
}
