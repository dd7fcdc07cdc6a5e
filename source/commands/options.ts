import {usageError} from '../errors.js';
import {CATEGORIES, FORMATS, isCategory, isFormat, type Category, type Format} from '../catalog/plugin.js';
import {closest} from '../catalog/closest.js';
import {MAX_COUNT, MAX_TIMEOUT_SECONDS, parseNumber, parseWholeNumber} from '../numbers.js';

/** Parses `--format a,b --format c` into format names; a wrong name is a usage error. */
export function parseFormats(values: string[] | undefined): Format[] | undefined {
	if (!values?.length) {
		return undefined;
	}

	const names = values.flatMap(value => value.split(',')).map(value => value.trim().toLowerCase()).filter(Boolean);
	for (const name of names) {
		if (!isFormat(name)) {
			throw usageError(`Unknown format '${name}'${hint(name, FORMATS)}; use one of ${FORMATS.join(', ')}.`);
		}
	}

	return names as Format[];
}

/** Parses `--category NAME[,NAME]`. */
export function parseCategories(value: string | undefined): Category[] | undefined {
	if (value === undefined) {
		return undefined;
	}

	const names = value.split(',').map(name => name.trim().toLowerCase()).filter(Boolean);
	for (const name of names) {
		if (!isCategory(name)) {
			throw usageError(`Unknown category '${name}'${hint(name, CATEGORIES)}; use one of ${CATEGORIES.join(', ')}.`);
		}
	}

	return names as Category[];
}

/** Parses a whole number flag within `minimum..maximum` (see source/numbers.ts); a wrong value is a usage error. */
export function parseWhole(flag: string, value: string | undefined, minimum: number, maximum: number = MAX_COUNT): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const number = parseWholeNumber(value, minimum, maximum);
	if (number === undefined) {
		throw usageError(`--${flag} takes a whole number from ${minimum} to ${maximum}, not '${value}'.`);
	}

	return number;
}

/** Parses a number of seconds greater than 0 and at most `maximum` (what a timer can wait). */
export function parseSeconds(flag: string, value: string | undefined, maximum: number = MAX_TIMEOUT_SECONDS): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const seconds = parseNumber(value);
	if (seconds === undefined || seconds <= 0 || seconds > maximum) {
		throw usageError(`--${flag} takes a number of seconds greater than 0 and at most ${maximum}, not '${value}'.`);
	}

	return seconds;
}

/** Picks one of a set of values. */
export function parseChoice<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
	if (value === undefined) {
		return undefined;
	}

	if (!(choices as readonly string[]).includes(value)) {
		throw usageError(`--${flag} takes one of ${choices.join(', ')}, not '${value}'${hint(value, choices)}.`);
	}

	return value as T;
}

/** At most one of the named boolean flags. */
export function exclusive(flags: Record<string, unknown>, names: string[]): void {
	const given = names.filter(name => flags[name]);
	if (given.length > 1) {
		throw usageError(`--${given[0]} and --${given[1]} cannot be used together.`);
	}
}

/** Requires exactly `count` positional arguments (or at least, with `atLeast`). */
export function expectArgs(args: string[], count: number, usage: string, atLeast = false): void {
	if (atLeast ? args.length < count : args.length !== count) {
		throw usageError(`Usage: pluginary ${usage}`);
	}
}

function hint(value: string, choices: readonly string[]): string {
	const near = closest(value, choices);
	return near ? ` (did you mean '${near}'?)` : '';
}
