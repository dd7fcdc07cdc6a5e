import {CATEGORIES, FORMATS, HEALTHS, HEALTH_WARNINGS, type Category, type Format, type Health, type HealthWarning} from '../catalog/plugin.js';
import {closest} from '../catalog/closest.js';
import {QueryError} from './query-error.js';
import {parseWholeNumber} from '../numbers.js';

export {QueryError} from './query-error.js';

/** A free word or quoted phrase of a query. */
export type QueryTerm = {
	/** The word, or the phrase's text without quotes. */
	text: string;
	/** True for a quoted phrase: its words must appear in this order. */
	phrase: boolean;
	/** True for `-word`: plugins matching it are left out. */
	negated: boolean;
	/** 1-based column where the term (its `-` or quote included) starts. */
	position: number;
	/** The term as typed, for rebuilding a corrected query. */
	raw: string;
};

/** Filters that match a word prefix of a text field (docs/architecture.md, Search). */
export type TextField = 'vendor' | 'param' | 'tag';
/** Filters that compare a count. */
export type CountField = 'params' | 'in' | 'out';
/** Filters that compare a health-check measurement (decimals allowed; unchecked plugins never match). */
export type MeasureField = 'cpu' | 'latency';
/** Values of `health:`: a checked plugin's health, or `unchecked`. */
export const HEALTH_FILTER_VALUES = [...HEALTHS, 'unchecked'] as const;
/** Comparators of count filters; `:` alone means `=`. */
export type Comparator = '>' | '<' | '>=' | '<=' | '=';
/** Values of `is:`. */
export const IS_VALUES = ['instrument', 'effect', 'fav', 'hidden', 'broken', 'checked'] as const;
/** One `is:` value. */
export type IsValue = (typeof IS_VALUES)[number];

type FilterCommon = {
	/** True for `-field:value`: the filter's matches are left out. */
	negated: boolean;
	/** 1-based column where the filter (its `-` included) starts. */
	position: number;
	/** The filter as typed, for rebuilding a corrected query. */
	raw: string;
};

/** One `field:value` or `field>N` filter of a query. */
export type QueryFilter = FilterCommon & (
	| {field: TextField; op: ':'; value: string}
	| {field: 'format'; op: ':'; value: Format}
	| {field: 'category'; op: ':'; value: Category}
	| {field: 'is'; op: ':'; value: IsValue}
	| {field: CountField; op: Comparator; value: number}
	| {field: 'health'; op: ':'; value: Health | 'unchecked'}
	| {field: 'warn'; op: ':'; value: HealthWarning}
	| {field: MeasureField; op: Comparator; value: number}
);

/** A parsed query: free terms (matched through the index) and filters (matched on the records). */
export type ParsedQuery = {terms: QueryTerm[]; filters: QueryFilter[]};

/** Filter names as typed; `category` and `cat` are the same filter. */
export const FILTER_NAMES = ['vendor', 'format', 'cat', 'category', 'param', 'tag', 'is', 'params', 'in', 'out', 'health', 'warn', 'cpu', 'latency'] as const;

const textFields = new Set(['vendor', 'param', 'tag']);
const countFields = new Set(['params', 'in', 'out']);
const measureFields = new Set(['cpu', 'latency']);
const filterHead = /^([A-Za-z]+)(:>=|:<=|:>|:<|:=|>=|<=|:|>|<|=)/;

/**
 * Parses the query language (docs/search.md): free words, "quoted phrases", `-` negation and the
 * filters `vendor: format: cat:/category: param: tag: is: health: warn:` plus the counts
 * `params in out` and the measurements `cpu latency` with `> < >= <= =` (also written
 * `params:>20`; `params:20` means `=`). Filter values may be
 * quoted (`vendor:"Damien Zammit"`). Throws only QueryError (with a 1-based column).
 * Cost: linear in the query's length.
 */
export function parseQuery(input: string): ParsedQuery {
	const query: ParsedQuery = {terms: [], filters: []};
	let i = 0;
	while (i < input.length) {
		if (/\s/.test(input[i])) {
			i++;
			continue;
		}

		const start = i;
		let negated = false;
		if (input[i] === '-' && i + 1 < input.length && !/[\s-]/.test(input[i + 1])) {
			negated = true;
			i++;
		}

		if (input[i] === '"') {
			const end = closingQuote(input, i);
			const text = input.slice(i + 1, end).trim();
			i = end + 1;
			if (text !== '') {
				query.terms.push({text, phrase: true, negated, position: start + 1, raw: input.slice(start, i)});
			}

			continue;
		}

		const head = filterHead.exec(input.slice(i));
		if (head) {
			const valueStart = i + head[0].length;
			const {value, end} = readValue(input, valueStart);
			query.filters.push(makeFilter(head[1], head[2], value, {negated, position: start + 1, raw: input.slice(start, end)}, i + 1, valueStart + 1));
			i = end;
			continue;
		}

		let end = i;
		while (end < input.length && !/\s/.test(input[end]) && input[end] !== '"') {
			end++;
		}

		const text = input.slice(i, end);
		if (/[\p{L}\p{N}]/u.test(text)) {
			query.terms.push({text, phrase: false, negated, position: start + 1, raw: input.slice(start, end)});
		}

		i = end;
	}

	return query;
}

function closingQuote(input: string, open: number): number {
	const end = input.indexOf('"', open + 1);
	if (end === -1) {
		throw new QueryError(`unclosed quote at column ${open + 1} — add the closing '"'`, open + 1);
	}

	return end;
}

function readValue(input: string, start: number): {value: string; end: number} {
	if (input[start] === '"') {
		const end = closingQuote(input, start);
		return {value: input.slice(start + 1, end).trim(), end: end + 1};
	}

	let end = start;
	while (end < input.length && !/\s/.test(input[end])) {
		end++;
	}

	return {value: input.slice(start, end), end};
}

function makeFilter(typedName: string, typedOp: string, value: string, common: FilterCommon, nameColumn: number, valueColumn: number): QueryFilter {
	const name = typedName.toLowerCase();
	if (!(FILTER_NAMES as readonly string[]).includes(name)) {
		const guess = closest(name, FILTER_NAMES);
		const hint = guess ? ` — did you mean '${guess}'?` : ` — filters are ${FILTER_NAMES.join(', ')}`;
		throw new QueryError(`unknown filter '${typedName}' at column ${nameColumn}${hint}`, nameColumn);
	}

	if (countFields.has(name) || measureFields.has(name)) {
		const op = (typedOp.length > 1 && typedOp.startsWith(':') ? typedOp.slice(1) : typedOp === ':' ? '=' : typedOp) as Comparator;
		return countFields.has(name)
			? {...common, field: name as CountField, op, value: wholeNumber(name, value, valueColumn)}
			: {...common, field: name as MeasureField, op, value: decimalNumber(name, value, valueColumn)};
	}

	if (typedOp !== ':') {
		throw new QueryError(`'${name}' at column ${nameColumn} takes ':' (as in ${name}:value), not '${typedOp}'`, nameColumn);
	}

	if (value === '') {
		throw new QueryError(`'${name}:' at column ${nameColumn} needs a value`, valueColumn);
	}

	if (textFields.has(name)) {
		return {...common, field: name as TextField, op: ':', value};
	}

	const lower = value.toLowerCase();
	if (name === 'format') {
		return {...common, field: 'format', op: ':', value: oneOf('format', FORMATS, lower, value, valueColumn)};
	}

	if (name === 'health') {
		return {...common, field: 'health', op: ':', value: oneOf('health', HEALTH_FILTER_VALUES, lower, value, valueColumn)};
	}

	if (name === 'warn') {
		return {...common, field: 'warn', op: ':', value: oneOf('warning', HEALTH_WARNINGS, lower, value, valueColumn)};
	}

	if (name === 'is') {
		const alias = lower === 'favorite' || lower === 'favourite' ? 'fav' : lower;
		return {...common, field: 'is', op: ':', value: oneOf('\'is:\' value', IS_VALUES, alias, value, valueColumn)};
	}

	return {...common, field: 'category', op: ':', value: oneOf('category', CATEGORIES, lower, value, valueColumn)};
}

function oneOf<T extends string>(what: string, allowed: readonly T[], lower: string, typed: string, column: number): T {
	if ((allowed as readonly string[]).includes(lower)) {
		return lower as T;
	}

	const guess = closest(lower, allowed);
	const hint = guess ? ` — did you mean '${guess}'?` : '';
	throw new QueryError(`unknown ${what} '${typed}' at column ${column}${hint} (one of: ${allowed.join(', ')})`, column);
}

function decimalNumber(name: string, value: string, column: number): number {
	if (value === '') {
		throw new QueryError(`'${name}' at column ${column - 1} needs a number, as in ${name}>10`, column);
	}

	const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
	if (!Number.isFinite(number)) {
		throw new QueryError(`'${name}' needs a number at column ${column}, not '${value}'`, column);
	}

	return number;
}

function wholeNumber(name: string, value: string, column: number): number {
	if (value === '') {
		throw new QueryError(`'${name}' at column ${column - 1} needs a number, as in ${name}>=2`, column);
	}

	const number = parseWholeNumber(value, 0);
	if (number === undefined) {
		throw new QueryError(`'${name}' needs a whole number at column ${column}, not '${value}'`, column);
	}

	return number;
}
