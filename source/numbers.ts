/**
 * The one way pluginary reads a number a person typed — flags, `config set`, `PLUGINARY_*`
 * variables, `preset save --set`, query filters, pedalboard caches. See docs/scanning-safety.md.
 */

/** Decimal digits with an optional sign, fraction and exponent; no hex, octal, binary, Infinity or NaN. */
const decimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The longest timer Node can keep (setTimeout fires at once for anything larger). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The longest probe timeout in whole seconds that still fits a timer. */
export const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

/** The largest count (`--limit`, `--offset`) a number holds exactly and SQLite binds as an integer. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** The number `text` spells in decimal (surrounding spaces allowed), or undefined when it is not one. */
export function parseNumber(text: string): number | undefined {
	const trimmed = text.trim();
	if (!decimal.test(trimmed)) {
		return undefined;
	}

	const number = Number(trimmed);
	return Number.isFinite(number) ? number : undefined;
}

/** The whole number `text` spells when it lies in `minimum..maximum`, else undefined. */
export function parseWholeNumber(text: string, minimum: number, maximum: number = MAX_COUNT): number | undefined {
	const number = parseNumber(text);
	return number !== undefined && Number.isSafeInteger(number) && number >= minimum && number <= maximum ? number : undefined;
}
