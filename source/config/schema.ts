/**
 * The user configuration's keys, defaults and validation (docs/architecture.md, Configuration and exports). One table, `CONFIG_SPECS`,
 * says for every key its zod schema, what values are allowed (for error messages), its default
 * and how a string from the environment or the command line becomes a value.
 */
import os from 'node:os';
import {z} from 'zod';
import {DEFAULT_FORMAT_PREFERENCE, FORMATS, type Format} from '../catalog/plugin.js';
import {MAX_TIMEOUT_SECONDS, parseNumber} from '../numbers.js';

/** The most host processes a scan runs at once (`--jobs`, config `jobs`). */
export const MAX_JOBS = 1024;

/** Sort orders `defaultSort` allows (the same as `list --sort`). */
export const SORT_KEYS = ['name', 'vendor', 'format', 'params', 'cpu', 'latency'] as const;
/** Colour modes: auto = when stdout is a terminal and NO_COLOR is unset. */
export const COLOR_MODES = ['auto', 'always', 'never'] as const;

const formatList = z.array(z.enum(FORMATS));
const folderList = z.array(z.string().min(1));

/** Extra plugin folders per format, searched after the format's default folders. */
export type FormatPaths = Partial<Record<Format, string[]>>;

/** The effective configuration: every key has a value (defaults fill the gaps). */
export type Config = {
	/** Host processes probing in parallel during a scan (`scan --jobs`). */
	jobs: number;
	/** Seconds a probe may take before it is killed and the file recorded as `timeout` (`scan --timeout`). */
	scanTimeout: number;
	/** Extra plugin folders per format, added to the format's defaults. */
	paths: FormatPaths;
	/** Formats a scan looks for; the others are skipped. */
	formats: Format[];
	/** Crashed/timed-out scans in a row after which a file is blacklisted automatically. */
	blacklistThreshold: number;
	/** Which format represents a plugin that exists in several formats (first wins). */
	formatPreference: Format[];
	/** Colour of CLI output. */
	color: (typeof COLOR_MODES)[number];
	/** Default order of `list`. */
	defaultSort: (typeof SORT_KEYS)[number];
};

/** One configuration key name. */
export type ConfigKey = keyof Config;

/** What one key needs: its schema, a sentence of what is allowed, its default, how to read it from text. */
type KeySpec = {
	schema: z.ZodTypeAny;
	/** Completes "'jobs' must be …". */
	allowed: string;
	defaultValue: () => unknown;
	/** Turns environment / `config set` text into a value for the schema (never throws). */
	fromText: (text: string) => unknown;
};

const numberText = (text: string): unknown => parseNumber(text) ?? text;
const listText = (text: string): unknown => {
	const trimmed = text.trim();
	if (trimmed.startsWith('[')) {
		return jsonOrText(trimmed);
	}

	return trimmed === '' ? [] : trimmed.split(',').map(item => item.trim()).filter(Boolean);
};

function jsonOrText(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

const noDuplicates = (list: readonly string[]): boolean => new Set(list).size === list.length;

/** A key holding a non-empty list of distinct format names (`formats`, `formatPreference`). */
function formatListSpec(defaults: readonly Format[]): KeySpec {
	return {
		schema: formatList.min(1).refine(noDuplicates),
		allowed: `a non-empty list of distinct formats from ${FORMATS.join(', ')}`,
		defaultValue: () => [...defaults],
		fromText: listText,
	};
}

/** Every key of the configuration file. */
export const CONFIG_SPECS: Record<ConfigKey, KeySpec> = {
	jobs: {
		schema: z.number().int().min(1).max(MAX_JOBS),
		allowed: `a whole number from 1 to ${MAX_JOBS}`,
		defaultValue: () => typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
		fromText: numberText,
	},
	scanTimeout: {
		schema: z.number().positive().max(MAX_TIMEOUT_SECONDS),
		allowed: `a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}`,
		defaultValue: () => 30,
		fromText: numberText,
	},
	paths: {
		schema: z.object(Object.fromEntries(FORMATS.map(format => [format, folderList.optional()]))).strict(),
		allowed: `an object of folder lists per format, e.g. {"lv2": ["/opt/lv2"]}, with formats from ${FORMATS.join(', ')}`,
		defaultValue: () => ({}),
		fromText: jsonOrText,
	},
	formats: formatListSpec(FORMATS),
	blacklistThreshold: {
		schema: z.number().int().min(1).max(1000),
		allowed: 'a whole number from 1 to 1000',
		defaultValue: () => 2,
		fromText: numberText,
	},
	formatPreference: formatListSpec(DEFAULT_FORMAT_PREFERENCE),
	color: {
		schema: z.enum(COLOR_MODES),
		allowed: `one of ${COLOR_MODES.join(', ')}`,
		defaultValue: () => 'auto',
		fromText: text => text.trim(),
	},
	defaultSort: {
		schema: z.enum(SORT_KEYS),
		allowed: `one of ${SORT_KEYS.join(', ')}`,
		defaultValue: () => 'name',
		fromText: text => text.trim(),
	},
};

/** Every key, in the order `config list` shows them. */
export const CONFIG_KEYS = Object.keys(CONFIG_SPECS) as ConfigKey[];

/** True when `key` is a configuration key. */
export function isConfigKey(key: string): key is ConfigKey {
	return Object.hasOwn(CONFIG_SPECS, key);
}

/** The environment variable of a key: `scanTimeout` → `PLUGINARY_SCAN_TIMEOUT`. */
export function envName(key: ConfigKey): string {
	return 'PLUGINARY_' + key.replace(/[A-Z]/g, letter => '_' + letter).toUpperCase();
}

/** The defaults of every key. */
export function defaultConfig(): Config {
	return Object.fromEntries(CONFIG_KEYS.map(key => [key, CONFIG_SPECS[key].defaultValue()])) as Config;
}

/** Why a value is not allowed: the key path (`paths.lv2`) and the sentence of what is allowed. */
export type ValueProblem = {key: string; allowed: string};

/** Validates one key's value; returns the parsed value or the problem. Cost: one zod parse. */
export function checkValue(key: ConfigKey, value: unknown): {ok: true; value: unknown} | {ok: false; problem: ValueProblem} {
	const spec = CONFIG_SPECS[key];
	const result = spec.schema.safeParse(value);
	if (result.success) {
		return {ok: true, value: result.data as unknown};
	}

	const issue = result.error.issues[0]!;
	if (key === 'paths' && issue.code === 'unrecognized_keys') {
		return {ok: false, problem: {key: `paths.${issue.keys[0]!}`, allowed: `a format name (${FORMATS.join(', ')})`}};
	}

	if (key === 'paths' && issue.path.length > 0) {
		return {ok: false, problem: {key: `paths.${String(issue.path[0])}`, allowed: 'a list of folder paths (non-empty strings)'}};
	}

	return {ok: false, problem: {key, allowed: spec.allowed}};
}

/** Shows a value in an error message: strings quoted, the rest as JSON. */
export function showValue(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 80 ? text.slice(0, 77) + '…' : text;
}
