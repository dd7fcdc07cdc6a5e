/**
 * Writes an import batch in one transaction, merging by plugin id: a new id is added; an id whose
 * catalog entry came from an earlier import is replaced (updated) or left alone when nothing
 * differs (unchanged); an id this machine scanned keeps its scanned entry (the scan is the truth
 * about this machine) but still takes the file's user data, whose tags join the ones here (a
 * union: a tag added since the export stays). User presets merge by (plugin id, name), the
 * blacklist by path. `dryRun` counts the same and rolls everything back.
 */
import type {Store} from '../open.js';
import type {ImportBatch} from '../../catalog/import-types.js';
import {insertImported} from './ingest.js';
import {mergeUserData} from './curation.js';
import {saveUserPreset} from './user-presets.js';
import {cachedStatement} from './statements.js';
import type {BlacklistEntry} from './export.js';
import {withWriteTransaction} from '../write.js';

/** Added / updated / unchanged counts of one kind of row. */
export type MergeCounts = {added: number; updated: number; unchanged: number};

/** What changed for one plugin: its entry (added, updated) and its user data ("favourite", "tags +bus"). */
export type PluginChange = {id: string; changes: string[]};

/** What an import did (or, with dryRun, would do). */
export type ImportSummary = MergeCounts & {
	/** Plugins whose id this machine scanned: their scanned entry was kept (user data still applied). */
	keptScanned: number;
	userPresets: MergeCounts;
	blacklist: MergeCounts;
	/** Every plugin that changed, with what changed. */
	plugins: PluginChange[];
};

class DryRunRollback extends Error {
	constructor(readonly summary: ImportSummary) {
		super('dry run');
	}
}

const zero = (): MergeCounts => ({added: 0, updated: 0, unchanged: 0});

/** Applies a batch. Throws (and changes nothing) on any database error. */
export function applyImport(store: Store, batch: ImportBatch, options: {dryRun?: boolean} = {}): ImportSummary {
	try {
		return withWriteTransaction(store, () => {
			const summary = mergeBatch(store, batch);
			if (options.dryRun) {
				throw new DryRunRollback(summary);
			}

			return summary;
		});
	} catch (error) {
		if (error instanceof DryRunRollback) {
			return error.summary;
		}

		throw error;
	}
}

/** Merges every part of a batch; runs inside the import's transaction (possibly more than once). */
function mergeBatch(store: Store, batch: ImportBatch): ImportSummary {
	const summary: ImportSummary = {...zero(), keptScanned: 0, userPresets: zero(), blacklist: zero(), plugins: []};
	for (const plugin of batch.plugins) {
		const outcome = mergePlugin(store, plugin.entry, plugin.scannedAt);
		const userChanges = plugin.userData ? mergeUserData(store, plugin.entry.id, plugin.userData) : [];
		if (outcome === 'kept') {
			summary.keptScanned++;
		} else if (outcome === 'unchanged' && userChanges.length > 0) {
			summary.updated++;
		} else {
			summary[outcome]++;
		}

		const changes = [...(outcome === 'added' || outcome === 'updated' ? [outcome] : []), ...userChanges];
		if (changes.length > 0) {
			summary.plugins.push({id: plugin.entry.id, changes});
		}
	}

	for (const preset of batch.userPresets) {
		summary.userPresets[saveUserPreset(store, preset)]++;
	}

	for (const entry of batch.blacklist) {
		summary.blacklist[mergeBlacklist(store, entry)]++;
	}

	return summary;
}

type Outcome = 'added' | 'updated' | 'unchanged' | 'kept';

function mergePlugin(store: Store, entry: ImportBatch['plugins'][number]['entry'], scannedAt: string): Outcome {
	const rows = cachedStatement(store, 'select key, file_path as filePath, scanned_at as scannedAt from plugins where id = ?')
		.all(entry.id) as Array<{key: number; filePath: string | null; scannedAt: string}>;
	if (rows.some(row => row.filePath !== null)) {
		return 'kept';
	}

	const before = rows.length === 1 ? signature(store, rows[0]!.key) : undefined;
	cachedStatement(store, 'delete from plugins where id = ? and file_path is null').run(entry.id);
	insertImported(store, [entry], scannedAt);
	if (rows.length === 0) {
		return 'added';
	}

	const key = cachedStatement(store, 'select key from plugins where id = ? and path = ?').pluck().get(entry.id, entry.path) as number;
	if (before !== undefined && before === signature(store, key)) {
		// Same content: keep the stored time so an unchanged plugin really is unchanged.
		cachedStatement(store, 'update plugins set scanned_at = ? where key = ?').run(rows[0]!.scannedAt, key);
		return 'unchanged';
	}

	return 'updated';
}

/** Everything stored about one plugin row except its key and time, as one comparable string. */
function signature(store: Store, key: number): string {
	const row = cachedStatement(store, `select id, format, raw_name, raw_vendor, version, path, uid, own_category, own_category_source, raw_category,
		is_instrument, audio_inputs, audio_outputs, aux_inputs, midi_inputs, midi_outputs, parameter_count, status, error
		from plugins where key = ?`).raw().get(key);
	const parameters = cachedStatement(store, `select idx, param_id, name, units, min, max, default_value, type, steps, value_strings,
		is_output, is_automatable, sample_rate_scaled, display from parameters where plugin_key = ? order by idx`).raw().all(key);
	const presets = cachedStatement(store, 'select idx, name, uri from presets where plugin_key = ? order by idx').raw().all(key);
	return JSON.stringify([row, parameters, presets]);
}

function mergeBlacklist(store: Store, entry: BlacklistEntry): keyof MergeCounts {
	const existing = cachedStatement(store, 'select reason, auto, added_at as addedAt from blacklist where path = ?').get(entry.path) as
		{reason: string; auto: number; addedAt: string} | undefined;
	if (existing && existing.reason === entry.reason && existing.auto === (entry.auto ? 1 : 0) && existing.addedAt === entry.addedAt) {
		return 'unchanged';
	}

	cachedStatement(store, `insert into blacklist (path, reason, auto, added_at) values (?, ?, ?, ?)
		on conflict(path) do update set reason = excluded.reason, auto = excluded.auto, added_at = excluded.added_at`)
		.run(entry.path, entry.reason, entry.auto ? 1 : 0, entry.addedAt);
	return existing ? 'updated' : 'added';
}
