/* Field-by-field comparison of probe results with test/fixtures/plugins/expected.ts (not a test file). */
import {FLOAT_TOLERANCE} from '../fixtures/plugins/expected.js';

/** True when two numbers agree within FLOAT_TOLERANCE (relative above 1, since values went through floats). */
export function near(actual: number, expected: number): boolean {
	return Math.abs(actual - expected) <= FLOAT_TOLERANCE * Math.max(1, Math.abs(expected));
}

/**
 * Every difference between `actual` and `expected` as readable lines (`parameters[3].enumValues: missing`):
 * the same keys on both sides, numbers compared with near(), everything else exactly. Empty when equal.
 */
export function differences(actual: unknown, expected: unknown, at = ''): string[] {
	if (typeof expected === 'number' && typeof actual === 'number') {
		return near(actual, expected) ? [] : [`${at}: ${actual} != expected ${expected}`];
	}

	if (Array.isArray(expected) && Array.isArray(actual)) {
		const out = actual.length === expected.length ? [] : [`${at}: length ${actual.length} != expected ${expected.length}`];
		for (let i = 0; i < Math.min(actual.length, expected.length); i++) {
			out.push(...differences(actual[i], expected[i], `${at}[${i}]`));
		}

		return out;
	}

	if (isObject(expected) && isObject(actual)) {
		const out: string[] = [];
		for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
			const path = at ? `${at}.${key}` : key;
			if (!(key in actual)) {
				out.push(`${path}: missing (expected ${JSON.stringify(expected[key])})`);
			} else if (!(key in expected)) {
				out.push(`${path}: unexpected ${JSON.stringify(actual[key])}`);
			} else {
				out.push(...differences(actual[key], expected[key], path));
			}
		}

		return out;
	}

	return Object.is(actual, expected) ? [] : [`${at}: ${JSON.stringify(actual)} != expected ${JSON.stringify(expected)}`];
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
