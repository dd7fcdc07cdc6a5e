import process from 'node:process';
import {usageError} from '../errors.js';
import {closest} from '../catalog/closest.js';
import {FORMATS, isFormat} from '../catalog/plugin.js';
import {configPath, loadConfig, readConfigFile, type LoadedConfig} from '../config/load.js';
import {CONFIG_KEYS, CONFIG_SPECS, checkValue, envName, isConfigKey, showValue, type ConfigKey} from '../config/schema.js';
import type {Command, Flags} from './command.js';
import {writeFileAtomic} from './atomic-file.js';

/** The config file is pluginary's own: replace it, and make its folder when missing. */
const ownFile = {force: true, createFolder: true};

const help = `
  Usage
    $ pluginary config list [--json]       every setting, its value and where it came from
    $ pluginary config get KEY [--json]    the bare value of one setting
    $ pluginary config set KEY VALUE…      write a setting to the config file
    $ pluginary config unset KEY           remove a setting from the config file
    $ pluginary config path                print the config file location

  Settings come from the config file (JSON; --config or PLUGINARY_CONFIG, else the user config
  folder), then PLUGINARY_<KEY> environment variables (PLUGINARY_SCAN_TIMEOUT for scanTimeout),
  then flags. Lists are written as a,b,c or as a JSON array.

  Keys
    jobs                parallel host processes in a scan (number of cores)
    scanTimeout         seconds one probe may take (30)
    paths               extra folders per format, e.g. {"lv2": ["/opt/lv2"]}; KEY paths.lv2 sets one
    formats             formats a scan looks for (all)
    blacklistThreshold  crashes/timeouts in a row before a file is blacklisted (2)
    formatPreference    which format stands for a plugin found in several (vst3,clap,lv2,vst2,ladspa,au)
    color               auto, always or never (auto)
    defaultSort         name, vendor, format or params (name)

  Options
    --json              JSON output (list, get)
    --jobs N, --timeout S, --format F, --sort KEY
                        show what these flags would make of a setting (list, get)

  Examples
    $ pluginary config set jobs 4
    $ pluginary config set paths.lv2 /opt/lv2,~/lv2-dev
    $ pluginary config get scanTimeout
    $ PLUGINARY_JOBS=2 pluginary config list
`;

const config: Command = {
	help,
	flags: ['json', 'jobs', 'timeout', 'format', 'sort'],
	run({args, flags, out}) {
		const [action, ...rest] = args;
		const load = (): LoadedConfig => loadConfig({configFlag: flags.config, flags: configFlags(flags)});
		switch (action) {
			case 'path': {
				noMore(rest, 'path');
				out.line(configPath(flags.config));
				return 0;
			}

			case 'list': {
				noMore(rest, 'list');
				const loaded = load();
				if (flags.json) {
					out.line(JSON.stringify(Object.fromEntries(CONFIG_KEYS.map(key => [key, {value: loaded.values[key], source: loaded.sources[key]}])), null, 2));
					return 0;
				}

				for (const key of CONFIG_KEYS) {
					const source = loaded.sources[key] === 'env' ? `env ${envName(key)}` : loaded.sources[key];
					out.line(`${key.padEnd(19)} ${bare(loaded.values[key]).padEnd(40)} ${out.paint('dim', `(${source})`)}`);
				}

				return 0;
			}

			case 'get': {
				if (rest.length !== 1) {
					throw usageError('Usage: pluginary config get KEY');
				}

				const {key, format} = parseKey(rest[0]!);
				const value = pick(load().values[key], format);
				out.line(flags.json ? JSON.stringify(value ?? null) : bare(value ?? ''));
				return 0;
			}

			case 'set': {
				if (rest.length < 2) {
					throw usageError('Usage: pluginary config set KEY VALUE…');
				}

				return setKey(rest[0]!, rest.slice(1), flags);
			}

			case 'unset': {
				if (rest.length !== 1) {
					throw usageError('Usage: pluginary config unset KEY');
				}

				return unsetKey(rest[0]!, flags);
			}

			default: {
				throw usageError(action === undefined
					? "'pluginary config' needs an action: list, get, set, unset or path."
					: `Unknown config action '${action}'; use list, get, set, unset or path.`);
			}
		}
	},
};

function configFlags(flags: Flags) {
	return {jobs: flags.jobs, timeout: flags.timeout, format: flags.format, sort: flags.sort, color: flags.color};
}

function noMore(rest: string[], action: string): void {
	if (rest.length > 0) {
		throw usageError(`'pluginary config ${action}' takes no more arguments (got '${rest[0]!}').`);
	}
}

/** A key as typed: `jobs`, or `paths.<format>` for one format's folders. */
function parseKey(text: string): {key: ConfigKey; format?: string} {
	const [head, sub, ...extra] = text.split('.');
	if (head === 'paths' && sub !== undefined && extra.length === 0) {
		if (!isFormat(sub)) {
			throw usageError(`Unknown format '${sub}' in '${text}'; use one of ${FORMATS.join(', ')}.`);
		}

		return {key: 'paths', format: sub};
	}

	if (!isConfigKey(text)) {
		const near = closest(text, CONFIG_KEYS);
		throw usageError(`Unknown setting '${text}'${near ? ` (did you mean '${near}'?)` : ''}; known keys: ${CONFIG_KEYS.join(', ')}.`);
	}

	return {key: text};
}

function pick(value: unknown, format: string | undefined): unknown {
	return format === undefined ? value : (value as Record<string, unknown>)[format] ?? [];
}

/** A value as `get` prints it: text and numbers bare, lists comma-separated, objects as JSON. */
function bare(value: unknown): string {
	if (Array.isArray(value)) {
		return value.map(String).join(',');
	}

	return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function setKey(keyText: string, words: string[], flags: Flags): number {
	const {key, format} = parseKey(keyText);
	const text = words.join(',');
	const spec = CONFIG_SPECS[key];
	const isList = key === 'formats' || key === 'formatPreference' || format !== undefined;
	if (!isList && key !== 'paths' && words.length > 1) {
		throw usageError(`'${key}' takes one value, not ${words.length}.`);
	}

	const file = configPath(flags.config);
	const current = readConfigFile(file);
	let value: unknown;
	if (format === undefined) {
		value = spec.fromText(key === 'paths' ? words.join(' ') : text);
	} else {
		const list = CONFIG_SPECS.formats.fromText(text);
		value = {...(current['paths'] as Record<string, unknown> | undefined ?? {}), [format]: list};
	}

	const checked = checkValue(key, value);
	if (!checked.ok) {
		throw usageError(`'${checked.problem.key}' must be ${checked.problem.allowed}, not ${showValue(format === undefined ? (words.length > 1 ? words : text) : text)}.`);
	}

	writeFileAtomic(file, JSON.stringify({...current, [key]: checked.value}, null, 2) + '\n', ownFile);
	const variable = envName(key);
	if (process.env[variable]) {
		process.stderr.write(`pluginary: note: ${variable} is set and overrides this setting.\n`);
	}

	return 0;
}

function unsetKey(keyText: string, flags: Flags): number {
	const file = configPath(flags.config);
	const current = readConfigFile(file);
	if (!isConfigKey(keyText) && !keyText.startsWith('paths.') && Object.hasOwn(current, keyText)) {
		// An unknown key in the file: removing it is how the user fixes the file.
		const {[keyText]: _removed, ...remaining} = current;
		writeFileAtomic(file, JSON.stringify(remaining, null, 2) + '\n', ownFile);
		return 0;
	}

	const {key, format} = parseKey(keyText);
	if (format !== undefined) {
		const paths = {...(current['paths'] as Record<string, unknown> | undefined ?? {})};
		delete paths[format];
		writeFileAtomic(file, JSON.stringify({...current, paths}, null, 2) + '\n', ownFile);
		return 0;
	}

	if (!Object.hasOwn(current, key)) {
		process.stderr.write(`pluginary: '${key}' is not set in ${file}; nothing to do.\n`);
		return 0;
	}

	const {[key]: _removed, ...remaining} = current;
	writeFileAtomic(file, JSON.stringify(remaining, null, 2) + '\n', ownFile);
	return 0;
}

export default config;
