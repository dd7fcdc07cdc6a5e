/**
 * The one name order of pluginary (docs/architecture.md, "Name order"): SQLite's NOCASE collation —
 * ASCII letters folded to lower case, everything else compared by code point (UTF-8 byte order) —
 * then format, then id. The store sorts with `collate nocase`; the explorer, the search index and
 * `similar` sort in JS with these comparators, so a list patched in memory orders exactly like a
 * fresh read of the store.
 */
import type {PluginSummary} from './plugin.js';

/** The SQL ORDER BY of the name order over the `plugins` table aliased `p`. */
export const NAME_ORDER_SQL = 'p.name collate nocase, p.format, p.id';

/** The key NOCASE compares: ASCII A–Z folded to a–z, every other character kept. */
export function nocaseKey(text: string): string {
	return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, letters => letters.toLowerCase()) : text;
}

/** Code point order (SQLite's BINARY on UTF-8): UTF-16 order, except that surrogates sort after U+E000–U+FFFF. */
export function compareText(a: string, b: string): number {
	if (a === b) {
		return 0;
	}

	const length = Math.min(a.length, b.length);
	for (let i = 0; i < length; i++) {
		const x = a.charCodeAt(i);
		const y = b.charCodeAt(i);
		if (x !== y) {
			return x >= 0xD800 && y >= 0xD800 ? codePointRank(x) - codePointRank(y) : x - y;
		}
	}

	return a.length - b.length;
}

/** Ranks a UTF-16 unit ≥ U+D800 so that surrogates (code points above U+FFFF) follow U+E000–U+FFFF. */
function codePointRank(unit: number): number {
	return unit >= 0xE000 ? unit - 0x800 : unit + 0x2000;
}

/** SQLite's `collate nocase` on two texts. */
export function compareNoCase(a: string, b: string): number {
	return compareText(nocaseKey(a), nocaseKey(b));
}

/** Name order over summaries whose NOCASE keys are already known (the hot path of sorts). */
export function compareByNameKey(aKey: string, a: PluginSummary, bKey: string, b: PluginSummary): number {
	return compareText(aKey, bKey) || compareText(a.format, b.format) || compareText(a.id, b.id);
}

/** Name order over summaries: name (NOCASE), format, id. */
export function compareByName(a: PluginSummary, b: PluginSummary): number {
	return compareByNameKey(nocaseKey(a.name), a, nocaseKey(b.name), b);
}
