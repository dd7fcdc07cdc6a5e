import type {Store} from '../open.js';
import type {Category, CategorySource, ProbedPlugin, Status} from '../../catalog/plugin.js';
import {displayVendor} from '../../catalog/vendor.js';
import {cachedStatement} from './statements.js';
import {withWriteTransaction} from '../write.js';

/** A plugin ready for the store: what the host said plus the catalog's id, category and path. */
export type CatalogEntry = ProbedPlugin & {
	id: string;
	path: string;
	category: Category;
	categorySource: CategorySource;
	status?: Status;
	error?: string;
};

/** The change-detection and journal state of one scanned file. */
export type FileState = {
	path: string;
	format: string;
	size: number;
	mtimeMs: number;
	/** ok | failed | timeout | crashed | blacklisted | inflight */
	status: string;
	error?: string;
	failCount?: number;
	scanId?: number;
	/** Search-order rank of the root it was found under: lower wins a duplicate id. */
	rank?: number;
};

const finite = (value: number, fallback = 0): number => Number.isFinite(value) ? value : fallback;

/**
 * Stores one probed file's result in one transaction: replaces the file's previous plugins,
 * replaces imported entries (no scanned file behind them) of the same format at the same path, resolves duplicate ids by
 * search order, and records the file's state. Cost: one insert per parameter (prepared).
 */
export function recordFileResult(store: Store, file: FileState, entries: CatalogEntry[], scannedAt = new Date().toISOString()): void {
	withWriteTransaction(store, () => {
		const removedIds = deletePluginsOfFile(store, file.path);
		for (const entry of entries) {
			cachedStatement(store, 'delete from plugins where file_path is null and format = ? and path = ?').run(entry.format, entry.path);
			insertPlugin(store, entry, file, scannedAt);
		}

		promoteDuplicates(store, removedIds);
		upsertFile(store, {...file, pluginCount: entries.length, scannedAt});
	});
}

/** Forgets a file that disappeared: its plugins leave the catalog (user data stays, keyed by id). */
export function removeFile(store: Store, path: string): void {
	withWriteTransaction(store, () => {
		const removedIds = deletePluginsOfFile(store, path);
		promoteDuplicates(store, removedIds);
		cachedStatement(store, 'delete from files where path = ?').run(path);
	});
}

/** Inserts or updates a file row without touching its plugins (journal and failure states). */
export function upsertFile(store: Store, file: FileState & {pluginCount?: number; scannedAt?: string}): void {
	cachedStatement(store, `insert into files (path, format, size, mtime_ms, status, error, fail_count, plugin_count, scanned_at, scan_id)
		values (@path, @format, @size, @mtimeMs, @status, @error, @failCount, coalesce(@pluginCount, 0), @scannedAt, @scanId)
		on conflict(path) do update set format = excluded.format, size = excluded.size, mtime_ms = excluded.mtime_ms,
			status = excluded.status, error = excluded.error, fail_count = excluded.fail_count,
			plugin_count = coalesce(@pluginCount, files.plugin_count),
			scanned_at = coalesce(excluded.scanned_at, files.scanned_at), scan_id = coalesce(excluded.scan_id, files.scan_id)`)
		.run({
			path: file.path,
			format: file.format,
			size: file.size,
			mtimeMs: file.mtimeMs,
			status: file.status,
			error: file.error ?? null,
			failCount: file.failCount ?? 0,
			pluginCount: file.pluginCount ?? null,
			scannedAt: file.scannedAt ?? null,
			scanId: file.scanId ?? null,
		});
}

/**
 * Inserts imported plugins (no scanned file behind them). An entry whose id exists already is
 * replaced. Runs inside the caller's transaction when there is one.
 */
export function insertImported(store: Store, entries: CatalogEntry[], scannedAt: string): void {
	withWriteTransaction(store, () => {
		for (const entry of entries) {
			cachedStatement(store, 'delete from plugins where id = ? and path = ?').run(entry.id, entry.path);
			insertPlugin(store, {...entry, status: entry.status ?? 'imported'}, {path: entry.path, format: entry.format, size: 0, mtimeMs: 0, status: 'ok', rank: 1_000_000}, scannedAt, null);
		}
	});
}

function deletePluginsOfFile(store: Store, path: string): string[] {
	const ids = cachedStatement(store, 'select id from plugins where file_path = ? and shadowed = 0').pluck().all(path) as string[];
	cachedStatement(store, 'delete from plugins where file_path = ?').run(path);
	return ids;
}

function promoteDuplicates(store: Store, ids: string[]): void {
	for (const id of ids) {
		const visible = cachedStatement(store, 'select 1 from plugins where id = ? and shadowed = 0').get(id);
		if (!visible) {
			cachedStatement(store, `update plugins set shadowed = 0 where key =
				(select key from plugins where id = ? order by rank, path limit 1)`).run(id);
		}
	}
}

function insertPlugin(store: Store, entry: CatalogEntry, file: FileState, scannedAt: string, filePath: string | null = file.path): void {
	const rank = file.rank ?? 0;
	const rival = cachedStatement(store, 'select key, rank, path from plugins where id = ? and shadowed = 0 and path != ?')
		.get(entry.id, entry.path) as {key: number; rank: number; path: string} | undefined;
	let shadowed = false;
	if (rival) {
		const rivalWins = rival.rank < rank || (rival.rank === rank && rival.path < entry.path);
		if (rivalWins) {
			shadowed = true;
		} else {
			cachedStatement(store, 'update plugins set shadowed = 1 where key = ?').run(rival.key);
		}
	}

	// Display fields start as the record's own; the grouping step (catalog/regroup.ts) settles them.
	const info = cachedStatement(store, `insert into plugins (id, format, name, vendor, raw_name, raw_vendor, group_id, version, path,
		file_path, uid, category, category_source, own_category, own_category_source, raw_category, is_instrument, audio_inputs,
		audio_outputs, aux_inputs, midi_inputs, midi_outputs, parameter_count, status, error, scanned_at, shadowed, rank)
		values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
		entry.id, entry.format, entry.name, displayVendor(entry.vendor), entry.name, entry.vendor, entry.id, entry.version, entry.path,
		filePath, entry.uid, entry.category, entry.categorySource, entry.category, entry.categorySource, entry.rawCategory, entry.isInstrument ? 1 : 0, entry.audioInputs, entry.audioOutputs,
		entry.auxInputs, entry.midiInputs, entry.midiOutputs, entry.parameters.length, entry.status ?? 'ok',
		entry.error ?? null, scannedAt, shadowed ? 1 : 0, rank,
	);
	const key = Number(info.lastInsertRowid);
	insertParameters(store, key, entry.parameters);
	const presetStatement = cachedStatement(store, 'insert into presets (plugin_key, idx, name, uri) values (?, ?, ?, ?)');
	entry.presets.forEach((preset, index) => presetStatement.run(key, index, preset.name, preset.uri ?? null));
}

const parameterColumns = `plugin_key, idx, param_id, name, units, min, max, default_value, type, steps, value_strings,
	is_output, is_automatable, sample_rate_scaled, display`;
/** Rows per multi-row insert: one statement call carries many rows (15 values each, under SQLite's 32,766 limit). */
const parameterBatch = 256;

function parameterValues(key: number, parameter: CatalogEntry['parameters'][number], index: number): unknown[] {
	return [
		key, index, parameter.id, parameter.name, parameter.units ?? '', finite(parameter.min), finite(parameter.max, 1),
		finite(parameter.default), parameter.type, parameter.steps ?? 0,
		parameter.valueStrings?.length ? JSON.stringify(parameter.valueStrings) : null,
		parameter.isOutput ? 1 : 0, parameter.isAutomatable === false ? 0 : 1, parameter.sampleRateScaled ? 1 : 0,
		parameter.display ? JSON.stringify(parameter.display) : null,
	];
}

/** Inserts a plugin's parameters in batches of rows per statement (a 30k-parameter plugin takes ~120 calls, not 30k). */
function insertParameters(store: Store, key: number, list: CatalogEntry['parameters']): void {
	const row = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
	const batch = cachedStatement(store, `insert into parameters (${parameterColumns}) values ${Array.from({length: parameterBatch}, () => row).join(', ')}`);
	const single = cachedStatement(store, `insert into parameters (${parameterColumns}) values ${row}`);
	let start = 0;
	for (; start + parameterBatch <= list.length; start += parameterBatch) {
		const values: unknown[] = [];
		for (let index = start; index < start + parameterBatch; index++) {
			values.push(...parameterValues(key, list[index]!, index));
		}

		batch.run(values);
	}

	for (let index = start; index < list.length; index++) {
		single.run(parameterValues(key, list[index]!, index));
	}
}

/** What the store knows of a scanned file: its fingerprint, last outcome and failure streak. */
export type KnownFile = {path: string; format: string; size: number; mtimeMs: number; status: string; failCount: number; scanId: number | null};

/** Every file the scanner has seen. Cost: one scan of the files table. */
export function knownFiles(store: Store): KnownFile[] {
	return cachedStatement(store, 'select path, format, size, mtime_ms as mtimeMs, status, fail_count as failCount, scan_id as scanId from files').all() as KnownFile[];
}
