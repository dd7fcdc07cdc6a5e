/**
 * The one source of truth for the store (docs/architecture.md, Store). camelCase keys, snake_case columns.
 * Migrations are generated from this file by drizzle-kit into ./migrations.
 */
import {sql} from 'drizzle-orm';
import {index, integer, primaryKey, real, sqliteTable, text, uniqueIndex} from 'drizzle-orm/sqlite-core';

/**
 * One row per plugin found at one path. The same `id` found at a second path is kept with
 * `shadowed = true` (the first in search order wins); lists only read unshadowed rows.
 */
export const plugins = sqliteTable('plugins', {
	key: integer('key').primaryKey({autoIncrement: true}),
	id: text('id').notNull(),
	format: text('format').notNull(),
	/** Display name: the group's best member's name (docs/groups.md). */
	name: text('name').notNull(),
	/** Display vendor ("LSP", "Steve Harris"). */
	vendor: text('vendor').notNull().default(''),
	/** The name as the file said it, verbatim. */
	rawName: text('raw_name').notNull().default(''),
	/** The vendor as the file said it, verbatim. */
	rawVendor: text('raw_vendor').notNull().default(''),
	/** Stable id of the plugin's group (the same plugin in other formats and copies). */
	groupId: text('group_id').notNull().default(''),
	version: text('version').notNull().default(''),
	path: text('path').notNull(),
	/** The scanned file this plugin came from (`files.path`); null for imports. */
	filePath: text('file_path'),
	uid: text('uid').notNull(),
	/** The group's category (one per group), what lists show. */
	category: text('category').notNull().default('other'),
	categorySource: text('category_source').notNull().default('rules'),
	/** This record's own category decision (format metadata or rules), the input of the group step. */
	ownCategory: text('own_category').notNull().default('other'),
	ownCategorySource: text('own_category_source').notNull().default('rules'),
	rawCategory: text('raw_category').notNull().default(''),
	isInstrument: integer('is_instrument', {mode: 'boolean'}).notNull().default(false),
	audioInputs: integer('audio_inputs').notNull().default(0),
	audioOutputs: integer('audio_outputs').notNull().default(0),
	auxInputs: integer('aux_inputs').notNull().default(0),
	midiInputs: integer('midi_inputs').notNull().default(0),
	midiOutputs: integer('midi_outputs').notNull().default(0),
	parameterCount: integer('parameter_count').notNull().default(0),
	status: text('status').notNull().default('ok'),
	error: text('error'),
	scannedAt: text('scanned_at').notNull(),
	shadowed: integer('shadowed', {mode: 'boolean'}).notNull().default(false),
	/** Search order rank of the root the file was found under (lower wins a duplicate id). */
	rank: integer('rank').notNull().default(0),
}, table => [
	uniqueIndex('plugins_id_path').on(table.id, table.path),
	index('plugins_format').on(table.format),
	index('plugins_category').on(table.category),
	index('plugins_vendor').on(sql`${table.vendor} collate nocase`),
	index('plugins_name').on(sql`${table.name} collate nocase`),
	index('plugins_instrument').on(table.isInstrument),
	index('plugins_params').on(table.parameterCount),
	index('plugins_file').on(table.filePath),
	index('plugins_status').on(table.status),
	index('plugins_group').on(table.groupId),
]);

/** Parameters of a plugin, loaded only when one plugin is shown or exported. */
export const parameters = sqliteTable('parameters', {
	pluginKey: integer('plugin_key').notNull().references(() => plugins.key, {onDelete: 'cascade'}),
	index: integer('idx').notNull(),
	paramId: text('param_id').notNull(),
	name: text('name').notNull(),
	units: text('units').notNull().default(''),
	min: real('min').notNull(),
	max: real('max').notNull(),
	default: real('default_value').notNull(),
	type: text('type').notNull(),
	steps: integer('steps').notNull().default(0),
	/** JSON array of enum labels, null when none. */
	valueStrings: text('value_strings'),
	isOutput: integer('is_output', {mode: 'boolean'}).notNull().default(false),
	isAutomatable: integer('is_automatable', {mode: 'boolean'}).notNull().default(true),
	sampleRateScaled: integer('sample_rate_scaled', {mode: 'boolean'}).notNull().default(false),
	/** JSON `{min,max,default}` display texts (VST2/VST3), null when none. */
	display: text('display'),
}, table => [
	// Parameter names are searched in the in-memory index, never in SQL: no index on them (cheaper ingest).
	primaryKey({columns: [table.pluginKey, table.index]}),
]);

/** Factory presets a plugin ships. */
export const presets = sqliteTable('presets', {
	pluginKey: integer('plugin_key').notNull().references(() => plugins.key, {onDelete: 'cascade'}),
	index: integer('idx').notNull(),
	name: text('name').notNull(),
	uri: text('uri'),
}, table => [primaryKey({columns: [table.pluginKey, table.index]})]);

/**
 * Every plugin file or bundle the scanner has seen: the change-detection state and the
 * crash-safety journal (`inflight` while a probe runs).
 */
export const files = sqliteTable('files', {
	path: text('path').primaryKey(),
	format: text('format').notNull(),
	/** Bytes (LV2: sum over the bundle's files). */
	size: integer('size').notNull(),
	/** Milliseconds (LV2: newest file in the bundle). */
	mtimeMs: real('mtime_ms').notNull(),
	/** ok | skipped (not a plugin: no entry point) | failed | timeout | crashed | blacklisted | inflight */
	status: text('status').notNull(),
	error: text('error'),
	/** Consecutive scans whose probe crashed or timed out. */
	failCount: integer('fail_count').notNull().default(0),
	pluginCount: integer('plugin_count').notNull().default(0),
	scannedAt: text('scanned_at'),
	scanId: integer('scan_id'),
}, table => [index('files_status').on(table.status), index('files_format').on(table.format)]);

/** One row per scan: what it covered and what it found. */
export const scanRuns = sqliteTable('scan_runs', {
	id: integer('id').primaryKey({autoIncrement: true}),
	startedAt: text('started_at').notNull(),
	finishedAt: text('finished_at'),
	/** running | done | interrupted | failed */
	state: text('state').notNull(),
	/** JSON array of roots scanned; null = all default roots. */
	roots: text('roots'),
	full: integer('full', {mode: 'boolean'}).notNull().default(false),
	durationMs: integer('duration_ms'),
	pluginsPerSecond: real('plugins_per_second'),
	/** JSON of the summary counts. */
	counts: text('counts'),
	/** JSON `{new, changed, removed, unchanged}`. */
	diff: text('diff'),
});

/** Files never probed (by hand or automatically after repeated crashes/timeouts). */
export const blacklist = sqliteTable('blacklist', {
	path: text('path').primaryKey(),
	reason: text('reason').notNull().default(''),
	auto: integer('auto', {mode: 'boolean'}).notNull().default(false),
	addedAt: text('added_at').notNull(),
});

/** User data kept per plugin id; survives rescans and removals. */
export const userData = sqliteTable('user_data', {
	pluginId: text('plugin_id').primaryKey(),
	favorite: integer('favorite', {mode: 'boolean'}).notNull().default(false),
	hidden: integer('hidden', {mode: 'boolean'}).notNull().default(false),
	/** User's category override, null when none. */
	category: text('category'),
}, table => [index('user_data_favorite').on(table.favorite)]);

/** Tags per plugin id. */
export const tags = sqliteTable('tags', {
	pluginId: text('plugin_id').notNull(),
	tag: text('tag').notNull(),
}, table => [primaryKey({columns: [table.pluginId, table.tag]}), index('tags_tag').on(table.tag)]);

/** Presets the user saved: parameter values by parameter id. */
export const userPresets = sqliteTable('user_presets', {
	id: integer('id').primaryKey({autoIncrement: true}),
	pluginId: text('plugin_id').notNull(),
	name: text('name').notNull(),
	/** JSON object: parameter id → value. */
	values: text('values_json').notNull(),
	createdAt: text('created_at').notNull(),
}, table => [uniqueIndex('user_presets_plugin_name').on(table.pluginId, table.name)]);

/**
 * The last health check of each plugin (docs/health.md), with the fingerprint of its file at that
 * time: a result counts only while the file's scanned fingerprint (`files`) is the same, so a
 * changed file drops it. Kept apart from `plugins` so a rescan of an unchanged file keeps it.
 */
export const health = sqliteTable('health', {
	pluginId: text('plugin_id').notNull(),
	/** The scanned file the plugin came from (`files.path`). */
	filePath: text('file_path').notNull(),
	/** The file's size and mtime when it was checked (as `files` records them). */
	size: integer('size').notNull(),
	mtimeMs: real('mtime_ms').notNull(),
	/** ok | nan | crashed | timeout | failed */
	health: text('health').notNull(),
	/** JSON array of warnings: silent, denormals, heavy. */
	warnings: text('warnings').notNull().default('[]'),
	latencySamples: integer('latency_samples'),
	cpuPercent: real('cpu_percent'),
	error: text('error'),
	checkedAt: text('checked_at').notNull(),
}, table => [primaryKey({columns: [table.pluginId, table.filePath]})]);

/** Small key/value store for the app's own state (not the user config file). */
export const settings = sqliteTable('settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
});

/**
 * The catalog's version (one row): a random id of this database and a version that triggers set to
 * a new random number on every write to what search reads (plugins, files, health, user data, tags)
 * — random rather than counted, so a database restored from a backup never reaches a version it had
 * before with other contents. The CLI's saved search index is valid while both match
 * (docs/search.md, "CLI search"). The triggers are in the migration.
 */
export const catalogVersion = sqliteTable('catalog_version', {
	id: integer('id').primaryKey(),
	catalog: text('catalog').notNull(),
	version: integer('version').notNull().default(0),
});
