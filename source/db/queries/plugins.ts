import type {Store} from '../open.js';
import type {Category, CategorySource, Format, Health, HealthWarning, Parameter, PluginRecord, PluginSummary, Preset, Status} from '../../catalog/plugin.js';
import {healthColumns, healthJoin, type HealthRow} from './health.js';
import {NAME_ORDER_SQL} from '../../catalog/name-order.js';
import {formatRank} from '../../catalog/plugin.js';
import {groupMembers} from './groups.js';
import {cachedStatement} from './statements.js';

/** Sort orders of `list`. */
export const SORTS = ['name', 'vendor', 'format', 'params', 'cpu', 'latency'] as const;
/** One sort order. */
export type Sort = (typeof SORTS)[number];

/** Filters of `list` (all optional; combined with AND). */
export type ListFilter = {
	formats?: Format[];
	categories?: Category[];
	/** Case-insensitive prefix of any word of the vendor. */
	vendor?: string;
	/** true = instruments only, false = effects only. */
	instrument?: boolean;
	/** Include hidden plugins. */
	includeHidden?: boolean;
	/** Only these ids. */
	ids?: string[];
	sort?: Sort;
	limit?: number;
	offset?: number;
};

const summaryColumns = `
	p.key as key, p.id as id, p.format as format, p.name as name, p.vendor as vendor, p.raw_vendor as rawVendor,
	p.raw_name as rawName, p.group_id as "group", p.version as version, p.path as path, p.uid as uid,
	p.category as category, p.category_source as categorySource,
	p.raw_category as rawCategory, p.is_instrument as isInstrument,
	p.audio_inputs as audioInputs, p.audio_outputs as audioOutputs, p.aux_inputs as auxInputs,
	p.midi_inputs as midiInputs, p.midi_outputs as midiOutputs,
	(select json_group_array(t.tag) from (select tag from tags where plugin_id = p.id order by tag) t) as tags,
	coalesce(u.favorite, 0) as favorite, coalesce(u.hidden, 0) as hidden,
	p.status as status, p.error as error, p.scanned_at as scannedAt, p.parameter_count as parameterCount,
	${healthColumns}`;

const fromClause = `from plugins p left join user_data u on u.plugin_id = p.id ${healthJoin}`;

/** A summary row as SQLite returns it. */
type SummaryRow = Omit<PluginSummary, 'tags' | 'favorite' | 'hidden' | 'isInstrument' | 'error' | keyof HealthRow> & HealthRow & {
	key: number;
	tags: string;
	favorite: number;
	hidden: number;
	isInstrument: number;
	error: string | null;
};

const orderBy: Record<Sort, string> = {
	name: NAME_ORDER_SQL,
	vendor: 'p.vendor collate nocase, p.name collate nocase, p.id',
	format: 'p.format, p.name collate nocase, p.id',
	params: 'p.parameter_count desc, p.name collate nocase, p.id',
	cpu: `coalesce(h.cpu_percent, -1) desc, ${NAME_ORDER_SQL}`,
	latency: `coalesce(h.latency_samples, -1) desc, ${NAME_ORDER_SQL}`,
};

/**
 * Streams the plugins matching `filter` as list items, without touching parameters.
 * Cost: one indexed query; rows are produced one at a time.
 */
export function* listSummaries(store: Store, filter: ListFilter = {}): Generator<PluginSummary> {
	const where: string[] = ['p.shadowed = 0'];
	const args: unknown[] = [];
	if (filter.formats?.length) {
		where.push(`p.format in (${filter.formats.map(() => '?').join(',')})`);
		args.push(...filter.formats);
	}

	if (filter.categories?.length) {
		where.push(`p.category in (${filter.categories.map(() => '?').join(',')})`);
		args.push(...filter.categories);
	}

	if (filter.vendor !== undefined) {
		where.push('word_prefix(p.vendor, ?)');
		args.push(filter.vendor);
	}

	if (filter.instrument !== undefined) {
		where.push('p.is_instrument = ?');
		args.push(filter.instrument ? 1 : 0);
	}

	if (!filter.includeHidden) {
		where.push('coalesce(u.hidden, 0) = 0');
	}

	if (filter.ids) {
		where.push('p.id in (select value from json_each(?))');
		args.push(JSON.stringify(filter.ids));
	}

	let sql = `select ${summaryColumns} ${fromClause} where ${where.join(' and ')} order by ${orderBy[filter.sort ?? 'name']}`;
	if (filter.limit !== undefined || filter.offset !== undefined) {
		sql += ' limit ? offset ?';
		args.push(filter.limit ?? -1, filter.offset ?? 0);
	}

	const statement = cachedStatement(store, sql);
	for (const row of statement.iterate(...args) as Iterable<SummaryRow>) {
		yield toSummary(row);
	}
}

/** The ids of every catalogued plugin (hidden ones too) in name order. Cost: one scan of plugins. */
export function listIdsByName(store: Store): string[] {
	return cachedStatement(store, `select p.id from plugins p where p.shadowed = 0 order by ${NAME_ORDER_SQL}`).pluck().all() as string[];
}

/** The ids of the plugins stored for some files (shadowed ones too). */
export function idsAtPaths(store: Store, paths: readonly string[]): string[] {
	return cachedStatement(store, 'select id from plugins where path in (select value from json_each(?))').pluck().all(JSON.stringify(paths)) as string[];
}

/** Counts catalogued (unshadowed) plugins. */
export function countPlugins(store: Store, includeHidden = true): number {
	const sql = includeHidden
		? 'select count(*) from plugins where shadowed = 0'
		: `select count(*) ${fromClause} where p.shadowed = 0 and coalesce(u.hidden, 0) = 0`;
	return cachedStatement(store, sql).pluck().get() as number;
}

/** What `findPlugin` found: one record, several candidates for a name, or nothing. */
export type FindResult =
	| {kind: 'found'; record: PluginRecord}
	| {kind: 'ambiguous'; candidates: PluginSummary[]}
	| {kind: 'missing'};

/** Finds a plugin by exact id, else by case-insensitive exact name (docs/architecture.md, Command line). */
export function findPlugin(store: Store, idOrName: string): FindResult {
	const byId = cachedStatement(store, `select ${summaryColumns} ${fromClause} where p.id = ? and p.shadowed = 0`)
		.get(idOrName) as SummaryRow | undefined;
	if (byId) {
		return {kind: 'found', record: loadRecord(store, byId)};
	}

	const byName = cachedStatement(store, `select ${summaryColumns} ${fromClause} where (p.name = ? collate nocase or p.raw_name = ? collate nocase)
		and p.shadowed = 0 order by p.format, p.id`).all(idOrName, idOrName) as SummaryRow[];
	if (byName.length > 0 && byName.every(row => row.group === byName[0]!.group)) {
		// One plugin in several formats: its preferred member stands for it.
		const preferred = [...byName].sort((a, b) => formatRank(a.format as Format) - formatRank(b.format as Format))[0]!;
		return {kind: 'found', record: loadRecord(store, preferred)};
	}

	if (byName.length > 1) {
		return {kind: 'ambiguous', candidates: byName.map(row => toSummary(row))};
	}

	return {kind: 'missing'};
}

/** The full record of a plugin id (parameters, presets, duplicates), or undefined. */
export function getRecord(store: Store, id: string): PluginRecord | undefined {
	const found = findPlugin(store, id);
	return found.kind === 'found' && found.record.id === id ? found.record : undefined;
}

/** Parameters of one plugin, in order. Cost: one indexed query. */
export function loadParameters(store: Store, pluginKey: number): Parameter[] {
	const rows = cachedStatement(store, `select idx, param_id, name, units, min, max, default_value, type, steps,
		value_strings, is_output, is_automatable, sample_rate_scaled, display from parameters where plugin_key = ? order by idx`)
		.raw().all(pluginKey) as unknown[][];
	return rows.map(row => {
		const parameter: Parameter = {
			index: row[0] as number,
			id: row[1] as string,
			name: row[2] as string,
			units: row[3] as string,
			min: row[4] as number,
			max: row[5] as number,
			default: row[6] as number,
			type: row[7] as Parameter['type'],
			steps: row[8] as number,
			valueStrings: row[9] ? JSON.parse(row[9] as string) as string[] : [],
			isOutput: row[10] === 1,
			isAutomatable: row[11] === 1,
		};
		if (row[12] === 1) {
			parameter.sampleRateScaled = true;
		}

		if (row[13]) {
			parameter.display = JSON.parse(row[13] as string) as Parameter['display'];
		}

		return parameter;
	});
}

function loadRecord(store: Store, row: SummaryRow): PluginRecord {
	const summary = toSummary(row);
	const {parameterCount: _count, ...base} = summary;
	const presets = cachedStatement(store, 'select name from presets where plugin_key = ? order by idx')
		.pluck().all(row.key) as string[];
	const userPresets = cachedStatement(store, 'select name from user_presets where plugin_id = ? order by name')
		.pluck().all(row.id) as string[];
	const duplicates = cachedStatement(store, 'select path from plugins where id = ? and shadowed = 1 order by rank, path')
		.pluck().all(row.id) as string[];
	const record: PluginRecord = {
		...base,
		parameters: loadParameters(store, row.key),
		presets: [
			...presets.map((name): Preset => ({name, source: 'factory'})),
			...userPresets.map((name): Preset => ({name, source: 'user'})),
		],
	};
	if (duplicates.length > 0) {
		record.duplicates = duplicates;
	}

	record.members = groupMembers(store, row.group).sort((a, b) => formatRank(a.format) - formatRank(b.format) || a.id.localeCompare(b.id));
	return record;
}

function toSummary(row: SummaryRow): PluginSummary {
	const summary: PluginSummary = {
		id: row.id,
		format: row.format as Format,
		name: row.name,
		vendor: row.vendor,
		rawVendor: row.rawVendor,
		rawName: row.rawName,
		group: row.group,
		version: row.version,
		path: row.path,
		uid: row.uid,
		category: row.category as Category,
		categorySource: row.categorySource as CategorySource,
		rawCategory: row.rawCategory,
		isInstrument: row.isInstrument === 1,
		audioInputs: row.audioInputs,
		audioOutputs: row.audioOutputs,
		auxInputs: row.auxInputs,
		midiInputs: row.midiInputs,
		midiOutputs: row.midiOutputs,
		parameterCount: row.parameterCount,
		tags: JSON.parse(row.tags) as string[],
		favorite: row.favorite === 1,
		hidden: row.hidden === 1,
		status: row.status as Status,
		scannedAt: row.scannedAt,
	};
	if (row.error) {
		summary.error = row.error;
	}

	if (row.health !== null) {
		addHealth(summary, row);
	}

	return summary;
}

/** Copies a current health result onto a summary (absent before a check). */
function addHealth(summary: PluginSummary, row: HealthRow): void {
	summary.health = row.health as Health;
	summary.warnings = JSON.parse(row.warnings ?? '[]') as HealthWarning[];
	summary.latencySamples = row.latencySamples;
	summary.cpuPercent = row.cpuPercent;
	if (row.healthError) {
		summary.healthError = row.healthError;
	}

	summary.checkedAt = row.checkedAt!;
}
