/**
 * Reads pluginary's own exports back: the JSON export (docs/architecture.md, Configuration and exports: records with user data, user
 * presets, blacklist) and NDJSON (one record a line). Every record is validated with zod; the first
 * problem is reported with its place (`plugins[3].format`). Records keep their status, times and
 * categories, so export → import → export gives the same records.
 */
import {z} from 'zod';
import type {CatalogEntry} from '../db/queries/ingest.js';
import {categorize} from './categories.js';
import {CATEGORIES, FORMATS, STATUSES} from './plugin.js';
import {ImportFormatError, type ImportBatch, type ImportedPlugin} from './import-types.js';

const count = z.number().int().min(0);
const parameterSchema = z.object({
	index: count.optional(),
	id: z.string(),
	name: z.string(),
	units: z.string().default(''),
	min: z.number(),
	max: z.number(),
	default: z.number(),
	type: z.enum(['float', 'int', 'bool', 'enum']),
	steps: count.default(0),
	valueStrings: z.array(z.string()).default([]),
	isOutput: z.boolean().default(false),
	isAutomatable: z.boolean().default(true),
	sampleRateScaled: z.boolean().optional(),
	display: z.object({min: z.string(), max: z.string(), default: z.string()}).optional(),
});

/** A plugin record as exported (list items without parameters are accepted too). */
const recordSchema = z.object({
	id: z.string().min(1),
	format: z.enum(FORMATS),
	name: z.string(),
	vendor: z.string().default(''),
	version: z.string().default(''),
	path: z.string().min(1),
	uid: z.string(),
	category: z.enum(CATEGORIES).default('other'),
	categorySource: z.enum(['native', 'twin', 'rules', 'user']).default('rules'),
	rawName: z.string().optional(),
	rawVendor: z.string().optional(),
	rawCategory: z.string().default(''),
	isInstrument: z.boolean().default(false),
	audioInputs: count.default(0),
	audioOutputs: count.default(0),
	auxInputs: count.default(0),
	midiInputs: count.default(0),
	midiOutputs: count.default(0),
	parameters: z.array(parameterSchema).default([]),
	presets: z.array(z.object({name: z.string(), source: z.enum(['factory', 'user'])})).default([]),
	tags: z.array(z.string()).default([]),
	favorite: z.boolean().default(false),
	hidden: z.boolean().default(false),
	status: z.enum(STATUSES).default('imported'),
	error: z.string().optional(),
	scannedAt: z.string().min(1),
}).passthrough().refine(record => record.id.startsWith(`${record.format}:`), {message: 'the id must start with its format and a colon', path: ['id']});

const userPresetSchema = z.object({pluginId: z.string().min(1), name: z.string().min(1), values: z.record(z.number()), createdAt: z.string()});
const blacklistSchema = z.object({path: z.string().min(1), reason: z.string().default(''), auto: z.boolean().default(false), addedAt: z.string()});

const exportSchema = z.object({
	pluginary: z.object({version: z.string(), exportedAt: z.string(), machine: z.string().optional(), count: count}).passthrough(),
	plugins: z.array(z.unknown()),
	userPresets: z.array(userPresetSchema).default([]),
	blacklist: z.array(blacklistSchema).default([]),
});

/** "plugins[3].format: Invalid enum value …" from a zod error. */
function describe(error: z.ZodError, prefix: string): string {
	const issue = error.issues[0]!;
	const place = issue.path.reduce<string>((text, part) => typeof part === 'number' ? `${text}[${part}]` : (text ? `${text}.${part}` : String(part)), prefix);
	return `${place || 'the top level'}: ${issue.message.replace(/\s+/g, ' ')}`;
}

/** Converts one validated record; `where` names it in errors. */
export function fromRecord(value: unknown, where: string): ImportedPlugin {
	const parsed = recordSchema.safeParse(value);
	if (!parsed.success) {
		throw new ImportFormatError(describe(parsed.error, where));
	}

	const record = parsed.data;
	const parameters = record.parameters.map(({index: _index, ...parameter}) => parameter);
	const userCategory = record.categorySource === 'user' ? record.category : null;
	// A user's or a twin's category is not the record's own: decide that again.
	const own = userCategory === null && record.categorySource !== 'twin'
		? {category: record.category, categorySource: record.categorySource}
		: categorize({format: record.format, name: record.rawName ?? record.name, vendor: record.rawVendor ?? record.vendor, rawCategory: record.rawCategory, isInstrument: record.isInstrument,
			parameterNames: parameters.map(parameter => parameter.name), io: record.status === 'imported' ? undefined : record});
	const entry: CatalogEntry = {
		id: record.id, format: record.format, uid: record.uid, name: record.rawName ?? record.name, vendor: record.rawVendor ?? record.vendor, version: record.version,
		path: record.path, rawCategory: record.rawCategory, isInstrument: record.isInstrument,
		audioInputs: record.audioInputs, audioOutputs: record.audioOutputs, auxInputs: record.auxInputs,
		midiInputs: record.midiInputs, midiOutputs: record.midiOutputs, parameters,
		presets: record.presets.filter(preset => preset.source === 'factory').map(preset => ({name: preset.name})),
		category: own.category, categorySource: own.categorySource, status: record.status,
		...(record.error === undefined ? {} : {error: record.error}),
	};
	return {entry, scannedAt: record.scannedAt, userData: {favorite: record.favorite, hidden: record.hidden, category: userCategory, tags: record.tags}};
}

/** Converts a parsed JSON export. */
export function fromJsonExport(data: unknown): ImportBatch {
	const parsed = exportSchema.safeParse(data);
	if (!parsed.success) {
		throw new ImportFormatError(`is not a valid pluginary export: ${describe(parsed.error, '')}`);
	}

	const {pluginary, plugins, userPresets, blacklist} = parsed.data;
	if (pluginary.count !== plugins.length) {
		throw new ImportFormatError(`says it holds ${pluginary.count} plugins but has ${plugins.length}; it may be truncated`);
	}

	return {kind: 'pluginary-json', plugins: plugins.map((record, index) => fromRecord(record, `plugins[${index}]`)), userPresets, blacklist};
}

/** Converts NDJSON text (one record a line). Returns undefined when the first line is not a JSON object. */
export function fromNdjson(text: string): ImportBatch | undefined {
	const lines = text.split('\n');
	const plugins: ImportedPlugin[] = [];
	for (const [index, line] of lines.entries()) {
		if (line.trim() === '') {
			continue;
		}

		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			if (plugins.length === 0) {
				return undefined;
			}

			throw new ImportFormatError(`line ${index + 1} is not valid JSON; the file may be truncated`);
		}

		if (plugins.length === 0 && (typeof value !== 'object' || value === null || Array.isArray(value))) {
			return undefined;
		}

		plugins.push(fromRecord(value, `line ${index + 1}`));
	}

	return plugins.length === 0 ? undefined : {kind: 'pluginary-ndjson', plugins, userPresets: [], blacklist: []};
}
