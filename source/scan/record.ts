import path from 'node:path';
import type {Store} from '../db/open.js';
import {recordFileResult, upsertFile, type CatalogEntry} from '../db/queries/ingest.js';
import {autoBlacklist, clearAutoBlacklist} from '../db/queries/blacklist.js';
import {categorize} from '../catalog/categories.js';
import {pluginId, type Format, type ProbedPlugin} from '../catalog/plugin.js';
import type {FileOutcome} from './events.js';
import type {PlannedProbe} from './plan.js';
import type {ProbeOutcome} from './pool.js';

/** Marks a file as being probed (the crash-safety journal), committed before the probe starts. */
export function markInFlight(store: Store, probe: PlannedProbe, scanId: number): void {
	upsertFile(store, {path: probe.path, format: probe.format, size: probe.size, mtimeMs: probe.mtimeMs, status: 'inflight', failCount: probe.failCount, scanId});
}

/** Turns what the host reported into catalog entries (id, category, path). */
export function toEntries(format: Format, file: string, plugins: ProbedPlugin[]): CatalogEntry[] {
	return plugins.map(plugin => ({
		...plugin,
		format,
		id: pluginId(format, plugin.uid),
		path: file,
		...categorize({
			format,
			name: plugin.name,
			vendor: plugin.vendor,
			rawCategory: plugin.rawCategory,
			isInstrument: plugin.isInstrument,
			parameterNames: plugin.parameters.map(parameter => parameter.name),
			io: {audioInputs: plugin.audioInputs, audioOutputs: plugin.audioOutputs, midiInputs: plugin.midiInputs, midiOutputs: plugin.midiOutputs},
		}),
	}));
}

/** What recording one outcome decided. */
export type Recorded = {status: FileOutcome; plugins: number; error?: string};

/**
 * Commits one file's outcome in one transaction. Success stores its plugins; a file that is not a
 * plugin (skipped) stores none and is not probed again until it changes; a failure stores
 * one placeholder record carrying the status and reason, so the catalog shows what failed.
 * A crash or timeout counts towards the automatic blacklist (`threshold` scans in a row).
 */
export function recordOutcome(store: Store, probe: PlannedProbe, outcome: ProbeOutcome, scanId: number, threshold: number): Recorded {
	const file = {path: probe.path, format: probe.format, size: probe.size, mtimeMs: probe.mtimeMs, scanId, rank: probe.rank};
	if (outcome.status === 'ok') {
		recordFileResult(store, {...file, status: 'ok', failCount: 0}, toEntries(probe.format, probe.path, outcome.plugins));
		clearAutoBlacklist(store, probe.path);
		return {status: 'ok', plugins: outcome.plugins.length};
	}

	if (outcome.status === 'skipped') {
		recordFileResult(store, {...file, status: 'skipped', error: outcome.error, failCount: 0}, []);
		return {status: 'skipped', plugins: 0, error: outcome.error};
	}

	const countsAgainst = outcome.status === 'timeout' || outcome.status === 'crashed';
	const failCount = probe.failCount + (countsAgainst ? 1 : 0);
	let status: FileOutcome = outcome.status;
	let {error} = outcome;
	if (countsAgainst && failCount >= threshold) {
		status = 'blacklisted';
		error = `${outcome.error}; blacklisted after ${failCount} failed scans`;
		autoBlacklist(store, probe.path, error);
	}

	recordFileResult(store, {...file, status, error, failCount}, [placeholder(probe.format, probe.path, status, error)]);
	return {status, plugins: 0, error};
}

/** The catalog record standing for a file that could not be probed. */
export function placeholder(format: Format, file: string, status: FileOutcome, error: string): CatalogEntry {
	const base = path.basename(file);
	return {
		format,
		uid: base,
		id: pluginId(format, base),
		path: file,
		name: base.replace(/\.(so|dll|dylib|clap|vst3|lv2|component)$/i, ''),
		vendor: '',
		version: '',
		rawCategory: '',
		isInstrument: false,
		audioInputs: 0,
		audioOutputs: 0,
		auxInputs: 0,
		midiInputs: 0,
		midiOutputs: 0,
		parameters: [],
		presets: [],
		category: 'other',
		categorySource: 'rules',
		status: status === 'ok' || status === 'skipped' ? 'failed' : status,
		error,
	};
}
