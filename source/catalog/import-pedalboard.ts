/**
 * Reads pedalboard-pluginary's caches — the 2023 `plugins.json` (an object keyed by plugin name,
 * each `{name, path, filename, type, params: {python_name: default}}`; the later variant with
 * `{metadata, plugins}` and `plugin_type`/`parameters: {name: {name, value}}` too) and the 2026
 * `plugins.db` (table `plugins` whose `data` column holds that JSON) — into catalog entries.
 *
 * Identity: the format from the type (`vst3` → vst3, `aufx`/`aumu`/… → au); `uid` is the original
 * identity (`vst3/Name`; the 2026 `data.id`), `id` is `<format>:<uid>`; `status` is `imported`.
 *
 * Parameters: pedalboard stored only each parameter's python name and its default value, not its
 * range. So: booleans (and the strings "True"/"False") → type `bool` 0..1; numbers → type `float`
 * with the smallest range holding both 0..1 and the default (the true range is unknown); other
 * strings → type `enum` with that one label as its only value (`valueStrings: [value]`), so the
 * label is kept and a preset can only choose it. Units are guessed from the name's suffix
 * (`_db` → dB, `_hz` → Hz, `_ms` → ms, `_pct`/`_percent` → %).
 */
import {statSync} from 'node:fs';
import Database from 'better-sqlite3';
import type {CatalogEntry} from '../db/queries/ingest.js';
import {categorize} from './categories.js';
import type {Format, Parameter} from './plugin.js';
import {pluginId} from './plugin.js';
import {ImportFormatError, type ImportBatch, type ImportedPlugin} from './import-types.js';
import {parseNumber} from '../numbers.js';

const auTypes = new Set(['aufx', 'aumu', 'aumf', 'aumi', 'augn', 'aufc', 'auou', 'aupn', 'au']);

/** The catalog format of a pedalboard-pluginary plugin type, or undefined. */
export function formatOfType(type: string): Format | undefined {
	const lower = type.toLowerCase();
	if (lower === 'vst3') {
		return 'vst3';
	}

	return auTypes.has(lower) ? 'au' : undefined;
}

const unitSuffixes: Array<[RegExp, string]> = [[/_db$/, 'dB'], [/_hz$/, 'Hz'], [/_khz$/, 'kHz'], [/_ms$/, 'ms'], [/_(pct|percent)$/, '%'], [/_(s|sec|seconds)$/, 's']];

/** One pedalboard parameter (python name → default) as a catalog parameter; undefined for unusable values. */
export function parameterFromDefault(pythonName: string, displayName: string, value: unknown): Omit<Parameter, 'index'> | undefined {
	const base = {id: pythonName, name: displayName, units: unitSuffixes.find(([pattern]) => pattern.test(pythonName))?.[1] ?? '', valueStrings: [] as string[], isOutput: false, isAutomatable: true};
	if (typeof value === 'boolean' || (typeof value === 'string' && /^(true|false)$/i.test(value))) {
		const on = value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
		return {...base, units: '', type: 'bool', min: 0, max: 1, default: on ? 1 : 0, steps: 2};
	}

	const number = typeof value === 'number' ? value : (typeof value === 'string' ? parseNumber(value) ?? Number.NaN : Number.NaN);
	if (Number.isFinite(number)) {
		return {...base, type: 'float', min: Math.min(0, number), max: Math.max(1, number), default: number, steps: 0};
	}

	if (typeof value === 'string') {
		return {...base, units: '', type: 'enum', min: 0, max: 0, default: 0, steps: 1, valueStrings: [value]};
	}

	return undefined;
}

type RawPlugin = {name: string; path: string; type: string; vendor: string; uid?: string; parameters: Array<{id: string; name: string; value: unknown}>; scannedAt: string};

function toEntry(raw: RawPlugin, where: string): ImportedPlugin {
	const format = formatOfType(raw.type);
	if (!format) {
		throw new ImportFormatError(`${where} has plugin type '${raw.type}'; expected vst3 or an Audio Unit type such as aufx`);
	}

	const parameters: Array<Omit<Parameter, 'index'>> = [];
	for (const parameter of raw.parameters) {
		const converted = parameterFromDefault(parameter.id, parameter.name, parameter.value);
		if (!converted) {
			throw new ImportFormatError(`${where}: parameter '${parameter.id}' has a value of type ${parameter.value === null ? 'null' : typeof parameter.value}; expected a number, boolean or string`);
		}

		parameters.push(converted);
	}

	const uid = raw.uid ?? `${raw.type}/${raw.name}`;
	const isInstrument = raw.type.toLowerCase() === 'aumu';
	const rawCategory = format === 'au' ? raw.type : '';
	const {category, categorySource} = categorize({format, name: raw.name, vendor: raw.vendor, rawCategory, isInstrument, parameterNames: parameters.map(parameter => parameter.name)});
	const entry: CatalogEntry = {
		id: pluginId(format, uid), format, uid, name: raw.name, vendor: raw.vendor, version: '', path: raw.path,
		rawCategory, isInstrument, audioInputs: 0, audioOutputs: 0, auxInputs: 0, midiInputs: 0, midiOutputs: 0,
		parameters, presets: [], category, categorySource, status: 'imported',
	};
	return {entry, scannedAt: raw.scannedAt};
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the parameters map of either shape: `{python_name: default}` or `{python_name: {name, value}}`. */
function readParameters(value: unknown, where: string): RawPlugin['parameters'] {
	if (value === undefined || value === null) {
		return [];
	}

	if (!isObject(value)) {
		throw new ImportFormatError(`${where}: its parameters are not an object`);
	}

	return Object.entries(value).map(([id, item]) => isObject(item) && 'value' in item
		? {id, name: typeof item['name'] === 'string' && item['name'] ? item['name'] : id, value: item['value']}
		: {id, name: id, value: item});
}

/** Converts the parsed `plugins.json` (either generation). `mtime` dates the entries. */
export function fromPedalboardJson(data: Record<string, unknown>, mtime: string): ImportBatch {
	const map = isObject(data['metadata']) && isObject(data['plugins']) ? data['plugins'] : data;
	const plugins: ImportedPlugin[] = [];
	for (const [key, value] of Object.entries(map)) {
		const where = `entry '${key}'`;
		if (!isObject(value)) {
			throw new ImportFormatError(`${where} is not a plugin object (it is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`})`);
		}

		const type = value['type'] ?? value['plugin_type'];
		const path = value['path'];
		if (typeof type !== 'string' || typeof path !== 'string' || path === '') {
			throw new ImportFormatError(`${where} lacks a "path" or "type"; this is not pedalboard-pluginary's plugins.json`);
		}

		const name = typeof value['name'] === 'string' && value['name'] ? value['name'] : key;
		plugins.push(toEntry({
			name, path, type,
			vendor: typeof value['manufacturer'] === 'string' ? value['manufacturer'] : '',
			uid: typeof value['id'] === 'string' && value['id'] ? value['id'] : undefined,
			parameters: readParameters(value['params'] ?? value['parameters'], where),
			scannedAt: mtime,
		}, where));
	}

	return {kind: 'pedalboard-json', plugins: uniqueIds(plugins), userPresets: [], blacklist: []};
}

/** Two plugins of one bundle share pedalboard's `type/stem` id: keep both by adding the name. */
function uniqueIds(plugins: ImportedPlugin[]): ImportedPlugin[] {
	const counts = new Map<string, number>();
	for (const {entry} of plugins) {
		counts.set(entry.id, (counts.get(entry.id) ?? 0) + 1);
	}

	for (const plugin of plugins) {
		if (counts.get(plugin.entry.id)! > 1 && !plugin.entry.uid.endsWith(`/${plugin.entry.name}`)) {
			plugin.entry.uid = `${plugin.entry.uid}/${plugin.entry.name}`;
			plugin.entry.id = pluginId(plugin.entry.format, plugin.entry.uid);
		}
	}

	return plugins;
}

type DbRow = {id: unknown; name: unknown; path: unknown; plugin_type: unknown; manufacturer: unknown; data: unknown; updated_at: unknown};

/** Reads the 2026 `plugins.db` (read-only). Throws ImportFormatError for any other SQLite file. */
export function fromPedalboardDb(file: string): ImportBatch {
	let sqlite: Database.Database;
	try {
		sqlite = new Database(file, {readonly: true, fileMustExist: true});
	} catch (error) {
		throw new ImportFormatError(`cannot be opened as SQLite (${(error as Error).message})`);
	}

	try {
		return readPedalboardDb(sqlite, file);
	} catch (error) {
		if (error instanceof ImportFormatError) {
			throw error;
		}

		throw new ImportFormatError(`is not a readable SQLite database (${(error as Error).message})`);
	} finally {
		sqlite.close();
	}
}

function readPedalboardDb(sqlite: Database.Database, file: string): ImportBatch {
	const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
	if (!tables.includes('plugins')) {
		throw new ImportFormatError('is an SQLite database without pedalboard-pluginary\'s "plugins" table');
	}

	const columns = (sqlite.pragma('table_info(plugins)') as Array<{name: string}>).map(column => column.name);
	if (tables.includes('__drizzle_migrations') || !['data', 'path', 'plugin_type'].every(name => columns.includes(name))) {
		throw new ImportFormatError(tables.includes('__drizzle_migrations')
			? "is a pluginary database, not an export; run 'pluginary --db FILE export --out backup.json' and import that"
			: 'has a "plugins" table without pedalboard-pluginary\'s columns (data, path, plugin_type)');
	}

	const fallbackTime = statSync(file).mtime.toISOString();
	const plugins: ImportedPlugin[] = [];
	for (const row of sqlite.prepare('select id, name, path, plugin_type, manufacturer, data, updated_at from plugins order by rowid').iterate() as Iterable<DbRow>) {
		const where = `row '${String(row.id)}'`;
		let data: unknown;
		try {
			data = JSON.parse(String(row.data));
		} catch {
			throw new ImportFormatError(`${where}: the data column is not valid JSON`);
		}

		if (!isObject(data)) {
			throw new ImportFormatError(`${where}: the data column is not a JSON object`);
		}

		const text = (value: unknown, fallback: unknown): string => typeof value === 'string' && value !== '' ? value : (typeof fallback === 'string' ? fallback : '');
		const name = text(data['name'], row.name);
		const path = text(data['path'], row.path);
		const type = text(data['plugin_type'], row.plugin_type);
		if (!name || !path || !type) {
			throw new ImportFormatError(`${where} lacks a name, path or plugin_type`);
		}

		const updated = typeof row.updated_at === 'number' && Number.isFinite(row.updated_at) ? new Date(row.updated_at * 1000) : undefined;
		plugins.push(toEntry({
			name, path, type,
			vendor: text(data['manufacturer'], row.manufacturer),
			uid: typeof data['id'] === 'string' && data['id'] ? data['id'] : undefined,
			parameters: readParameters(data['parameters'] ?? data['params'], where),
			scannedAt: updated && !Number.isNaN(updated.getTime()) ? updated.toISOString() : fallbackTime,
		}, where));
	}

	return {kind: 'pedalboard-db', plugins: uniqueIds(plugins), userPresets: [], blacklist: []};
}
