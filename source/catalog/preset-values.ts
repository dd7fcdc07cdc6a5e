/**
 * Turns `--set PARAM=VALUE` text into stored preset values, checked against the catalog's
 * parameters: PARAM is a parameter id or name (case-insensitive); VALUE must fit the parameter's
 * type and range — a number in [min, max] for float, a whole number for int, true/false/on/off/1/0
 * for bool, and a label or one of the step values for enum. Every problem is a usage error
 * naming the parameter, the value and what is allowed.
 */
import {usageError} from '../errors.js';
import type {Parameter} from './plugin.js';
import {closest} from './closest.js';
import {parseNumber} from '../numbers.js';

/** One `--set` assignment after validation. */
export type PresetValue = {parameter: Parameter; value: number};

/** Finds the parameter PARAM names: exact id, else id or name case-insensitively. */
export function findParameter(parameters: readonly Parameter[], wanted: string): Parameter {
	const exact = parameters.find(parameter => parameter.id === wanted);
	if (exact) {
		return exact;
	}

	const lower = wanted.toLowerCase();
	const byId = parameters.filter(parameter => parameter.id.toLowerCase() === lower);
	const matches = byId.length > 0 ? byId : parameters.filter(parameter => parameter.name.toLowerCase() === lower);
	if (matches.length === 1) {
		return matches[0]!;
	}

	if (matches.length > 1) {
		throw usageError(`${matches.length} parameters are named '${wanted}' (ids ${matches.map(parameter => parameter.id).join(', ')}); give the id.`);
	}

	const near = parameters.find(parameter => parameter.name.toLowerCase().startsWith(lower) || parameter.id.toLowerCase().startsWith(lower))?.name
		?? closest(wanted, parameters.map(parameter => parameter.name));
	throw usageError(`The plugin has no parameter '${wanted}'${near ? ` (did you mean '${near}'?)` : ''}; 'pluginary show ID' lists them.`);
}

/** The value of each enum label, in order: evenly spread over [min, max]. */
export function enumValues(parameter: Parameter): number[] {
	const count = parameter.valueStrings.length > 0 ? parameter.valueStrings.length : parameter.steps;
	if (count <= 1) {
		return [parameter.min];
	}

	return Array.from({length: count}, (_, i) => parameter.min + (i * (parameter.max - parameter.min) / (count - 1)));
}

/** The label of an enum value, when it has one. */
export function enumLabel(parameter: Parameter, value: number): string | undefined {
	const values = enumValues(parameter);
	const index = values.findIndex(candidate => Math.abs(candidate - value) < 1e-9);
	return index >= 0 ? parameter.valueStrings[index] : undefined;
}

const trueWords = new Set(['true', 'on', 'yes', '1']);
const falseWords = new Set(['false', 'off', 'no', '0']);

/** Parses one VALUE for a parameter; throws a usage error saying what is allowed. */
export function parseValue(parameter: Parameter, text: string): number {
	const label = `Parameter '${parameter.name}' (${parameter.id})`;
	const trimmed = text.trim();
	if (parameter.isOutput) {
		throw usageError(`${label} is an output (a meter); a preset cannot set it.`);
	}

	if (parameter.type === 'bool') {
		const lower = trimmed.toLowerCase();
		if (trueWords.has(lower)) {
			return parameter.max;
		}

		if (falseWords.has(lower)) {
			return parameter.min;
		}

		throw usageError(`${label} is on/off: give true, false, on, off, 1 or 0, not '${text}'.`);
	}

	if (parameter.type === 'enum') {
		const values = enumValues(parameter);
		const index = parameter.valueStrings.findIndex(name => name.toLowerCase() === trimmed.toLowerCase());
		if (index >= 0) {
			return values[index]!;
		}

		const number = parseNumber(trimmed);
		if (number !== undefined && values.some(value => Math.abs(value - number) < 1e-9)) {
			return number;
		}

		const allowed = parameter.valueStrings.length > 0 ? parameter.valueStrings.map(name => `'${name}'`).join(', ') : values.join(', ');
		throw usageError(`${label} takes one of ${allowed}, not '${text}'.`);
	}

	const number = parseNumber(trimmed);
	const range = `${parameter.min} to ${parameter.max}${parameter.units ? ` ${parameter.units}` : ''}`;
	if (number === undefined) {
		throw usageError(`${label} takes a ${parameter.type === 'int' ? 'whole number' : 'number'} from ${range}, not '${text}'.`);
	}

	if (parameter.type === 'int' && !Number.isInteger(number)) {
		throw usageError(`${label} takes a whole number from ${range}, not '${text}'.`);
	}

	if (number < parameter.min || number > parameter.max) {
		throw usageError(`${label} takes a value from ${range}, not ${text}.`);
	}

	return number;
}

/** Parses every `PARAM=VALUE`; the same parameter twice is an error. */
export function parseAssignments(parameters: readonly Parameter[], assignments: readonly string[]): PresetValue[] {
	const result: PresetValue[] = [];
	for (const assignment of assignments) {
		const split = assignment.indexOf('=');
		if (split <= 0) {
			throw usageError(`--set takes PARAM=VALUE, not '${assignment}'.`);
		}

		const parameter = findParameter(parameters, assignment.slice(0, split).trim());
		if (result.some(item => item.parameter.index === parameter.index)) {
			throw usageError(`Parameter '${parameter.name}' is set twice.`);
		}

		result.push({parameter, value: parseValue(parameter, assignment.slice(split + 1))});
	}

	return result;
}
