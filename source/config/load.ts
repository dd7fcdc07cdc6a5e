/**
 * Loads the configuration with its precedence: defaults < config file < `PLUGINARY_<KEY>`
 * environment variables < command-line flags. The scan engine, the TUI and the CLI call
 * `loadConfig` once per run; it reads one small file and never touches the database.
 */
import {existsSync, readFileSync, statSync} from 'node:fs';
import process from 'node:process';
import {UserError, usageError} from '../errors.js';
import {closest} from '../catalog/closest.js';
import {configPath} from './location.js';
import {
	CONFIG_KEYS, CONFIG_SPECS, checkValue, defaultConfig, envName, isConfigKey, showValue,
	type Config, type ConfigKey,
} from './schema.js';

export {configPath} from './location.js';

/** Where a value came from, lowest precedence first. */
export type ConfigSource = 'default' | 'file' | 'env' | 'flag';

/** The command-line flags that set configuration keys (the raw strings meow gives). */
export type ConfigFlags = {
	/** `--jobs N` → jobs. */
	jobs?: string;
	/** `--timeout SEC` → scanTimeout. */
	timeout?: string;
	/** `--format a,b` → formats. */
	format?: string[];
	/** `--sort KEY` → defaultSort. */
	sort?: string;
	/** `--no-color` → color "never" (`--color` → "always"). */
	color?: boolean;
};

/** What `loadConfig` returns. */
export type LoadedConfig = {
	/** The effective value of every key. */
	values: Config;
	/** Where each key's value came from. */
	sources: Record<ConfigKey, ConfigSource>;
	/** The config file location (whether or not it exists). */
	path: string;
	/** True when the config file exists. */
	fileExists: boolean;
	/** The keys set in the file, as written there (what `config set/unset` edit). */
	file: Partial<Record<ConfigKey, unknown>>;
};

/** Options of `loadConfig`. */
export type LoadConfigOptions = {
	/** `--config PATH`; else `PLUGINARY_CONFIG`; else `<user config dir>/config.json`. */
	configFlag?: string;
	/** Flags that override keys (see ConfigFlags); omit for "no flags". */
	flags?: ConfigFlags;
	/** Environment to read (default process.env). */
	env?: NodeJS.ProcessEnv;
};

/**
 * Loads the effective configuration. Throws a UserError naming the file or variable, the key,
 * the value and what is allowed when anything is invalid: an unknown key in the file, a bad value
 * anywhere, a file that is not a JSON object (exit 1), or a bad flag value (exit 2). Unknown
 * `PLUGINARY_*` variables are ignored, as are `PLUGINARY_DB`, `PLUGINARY_CONFIG`, `PLUGINARY_HOST`.
 */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
	const env = options.env ?? process.env;
	const file = configPath(options.configFlag, env);
	const values = defaultConfig() as Record<ConfigKey, unknown>;
	const sources = Object.fromEntries(CONFIG_KEYS.map(key => [key, 'default'])) as Record<ConfigKey, ConfigSource>;
	const fileValues = readConfigFile(file);
	for (const [key, value] of Object.entries(fileValues)) {
		if (!isConfigKey(key)) {
			const near = closest(key, CONFIG_KEYS);
			throw new UserError(`The config file ${file} has an unknown key '${key}'${near ? ` (did you mean '${near}'?)` : ''}; known keys: ${CONFIG_KEYS.join(', ')}.`);
		}

		values[key] = validated(key, value, problem => `The config file ${file} sets '${problem.key}' to ${showValue(value)}, but it must be ${problem.allowed}.`);
		sources[key] = 'file';
	}

	for (const key of CONFIG_KEYS) {
		const name = envName(key);
		const text = env[name];
		if (text !== undefined && text !== '') {
			values[key] = validated(key, CONFIG_SPECS[key].fromText(text), problem => `${name}=${showValue(text)} is not allowed: '${problem.key}' must be ${problem.allowed}.`);
			sources[key] = 'env';
		}
	}

	for (const [key, value] of Object.entries(flagValues(options.flags ?? {})) as Array<[ConfigKey, {flag: string; value: unknown; text: string}]>) {
		values[key] = validated(key, value.value, problem => `--${value.flag} takes ${problem.allowed}, not ${showValue(value.text)}.`, true);
		sources[key] = 'flag';
	}

	return {values: values as Config, sources, path: file, fileExists: existsSync(file), file: fileValues as Partial<Record<ConfigKey, unknown>>};
}

function validated(key: ConfigKey, value: unknown, message: (problem: {key: string; allowed: string}) => string, usage = false): unknown {
	const checked = checkValue(key, value);
	if (!checked.ok) {
		throw usage ? usageError(message(checked.problem)) : new UserError(message(checked.problem));
	}

	return checked.value;
}

function flagValues(flags: ConfigFlags): Partial<Record<ConfigKey, {flag: string; value: unknown; text: string}>> {
	const result: Partial<Record<ConfigKey, {flag: string; value: unknown; text: string}>> = {};
	if (flags.jobs !== undefined) {
		result.jobs = {flag: 'jobs', value: CONFIG_SPECS.jobs.fromText(flags.jobs), text: flags.jobs};
	}

	if (flags.timeout !== undefined) {
		result.scanTimeout = {flag: 'timeout', value: CONFIG_SPECS.scanTimeout.fromText(flags.timeout), text: flags.timeout};
	}

	if (flags.format?.length) {
		const text = flags.format.join(',');
		result.formats = {flag: 'format', value: CONFIG_SPECS.formats.fromText(text.toLowerCase()), text};
	}

	if (flags.sort !== undefined) {
		result.defaultSort = {flag: 'sort', value: flags.sort, text: flags.sort};
	}

	if (flags.color !== undefined) {
		result.color = {flag: 'color', value: flags.color ? 'always' : 'never', text: String(flags.color)};
	}

	return result;
}

/**
 * Reads the config file as a plain object (missing file → {}). Throws a UserError when it is a
 * directory or anything but a regular file (never opened then), unreadable, not JSON, or not a JSON object. Does not validate the keys.
 */
export function readConfigFile(file: string): Record<string, unknown> {
	if (!existsSync(file)) {
		return {};
	}

	const stats = statSync(file);
	if (stats.isDirectory()) {
		throw new UserError(`The config file ${file} is a directory; give a file with --config or PLUGINARY_CONFIG.`);
	}

	if (!stats.isFile()) {
		// A FIFO or device would block the read (or never end); only regular files are read.
		throw new UserError(`The config file ${file} is not a regular file; give a file with --config or PLUGINARY_CONFIG.`);
	}

	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new UserError(`Cannot read the config file ${file}: ${(error as Error).message}.`);
	}

	if (text.trim() === '') {
		return {};
	}

	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new UserError(`The config file ${file} is not valid JSON (${(error as Error).message}); fix it or delete it.`);
	}

	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new UserError(`The config file ${file} must hold a JSON object of settings, not ${Array.isArray(parsed) ? 'an array' : typeof parsed === 'object' ? 'null' : `a ${typeof parsed}`}.`);
	}

	return parsed as Record<string, unknown>;
}
