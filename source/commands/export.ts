import os from 'node:os';
import process from 'node:process';
import {usageError} from '../errors.js';
import {listSummaries} from '../db/queries/plugins.js';
import {allPluginIds, exportRecords, listBlacklist} from '../db/queries/export.js';
import {iterateUserPresets} from '../db/queries/user-presets.js';
import {csvHeader, csvPlugin} from '../catalog/csv.js';
import {type Sink, writeJsonExport} from '../catalog/export-json.js';
import {PythonNames, pedalboardFooter, pedalboardHeader, pedalboardPlugin} from '../catalog/pedalboard.js';
import type {Command, CommandContext} from './command.js';
import {parseChoice} from './options.js';
import {AtomicFile} from './atomic-file.js';
import {matchingIds} from './query-ids.js';

/** Export formats. */
export const EXPORT_FORMATS = ['json', 'ndjson', 'csv', 'pedalboard'] as const;

const help = `
  Usage
    $ pluginary export [--as json|ndjson|csv|pedalboard] [--out FILE] [--force] [QUERY]

  Writes the catalog (or the plugins matching QUERY, in the search query language) with user data.
  json is a full backup — records, favourites, tags, hidden, category overrides, user presets and
  the blacklist — that 'pluginary import' reads back. ndjson is one full record a line; csv one row
  per plugin (formula-safe); pedalboard a Python module that loads each VST3/AU plugin with
  pedalboard.load_plugin and lists its parameter defaults. Hidden plugins are included.

  Options
    --as FORMAT     json, ndjson, csv or pedalboard (json)
    --out FILE      write FILE atomically instead of stdout; an existing FILE is an error (exit 1)
    --force         replace an existing --out FILE

  Examples
    $ pluginary export --out ~/pluginary-backup.json
    $ pluginary export --as csv 'format:lv2 cat:reverb' > reverbs.csv
    $ pluginary export --as pedalboard --out plugins.py 'format:vst3'
`;

const exportCommand: Command = {
	help,
	flags: ['as', 'out', 'force'],
	async run(context) {
		const {args, flags, out, store} = context;
		const format = parseChoice('as', flags.as, EXPORT_FORMATS) ?? 'json';
		if (flags.force && !flags.out) {
			throw usageError('--force only makes sense with --out FILE.');
		}

		// A bad --out is found before any work (and its temporary file is dropped on any error below).
		const file = flags.out ? new AtomicFile(flags.out, {force: Boolean(flags.force)}) : undefined;
		try {
			const query = args.length > 0 ? args.join(' ') : undefined;
			const ids = query === undefined ? allPluginIds(store()) : await matchingIds(store(), query);
			if (ids.length === 0) {
				process.stderr.write(query === undefined ? "pluginary: the catalog is empty; run 'pluginary scan' first.\n" : `pluginary: no plugins match '${query}'.\n`);
			}

			writeExport(file ?? out, format, ids, context, query);
			file?.commit();
			if (file) {
				process.stderr.write(`pluginary: exported ${ids.length} plugins to ${file.path}.\n`);
			}
		} catch (error) {
			file?.discard();
			throw error;
		}

		return 0;
	},
};

function writeExport(sink: Sink, format: (typeof EXPORT_FORMATS)[number], ids: string[], {store, version}: CommandContext, query: string | undefined): void {
	const exportedAt = new Date().toISOString();
	switch (format) {
		case 'json': {
			const header = {version, exportedAt, machine: os.hostname(), count: ids.length, ...(query === undefined ? {} : {query})};
			writeJsonExport(sink, header, exportRecords(store(), ids), iterateUserPresets(store(), query === undefined ? undefined : new Set(ids)), listBlacklist(store()));
			break;
		}

		case 'ndjson': {
			for (const record of exportRecords(store(), ids)) {
				sink.write(JSON.stringify(record) + '\n');
			}

			break;
		}

		case 'csv': {
			sink.write(csvHeader());
			// Without a query the catalog order is the ids' order: stream it; a query's hits are in memory already.
			const order = new Map(ids.map((id, index) => [id, index]));
			const rows = query === undefined
				? listSummaries(store(), {includeHidden: true})
				: [...listSummaries(store(), {includeHidden: true, ids})].sort((a, b) => order.get(a.id)! - order.get(b.id)!);
			for (const row of rows) {
				sink.write(csvPlugin(row));
			}

			break;
		}

		case 'pedalboard': {
			sink.write(pedalboardHeader({version, exportedAt, count: ids.length, query}));
			const names = new PythonNames();
			const loaders: Array<{id: string; loader: string}> = [];
			for (const record of exportRecords(store(), ids)) {
				const {text, loader} = pedalboardPlugin(record, names);
				sink.write(text);
				if (loader) {
					loaders.push({id: record.id, loader});
				}
			}

			sink.write(pedalboardFooter(loaders));
			break;
		}
	}
}

export default exportCommand;
