/**
 * The JSON export (docs/architecture.md, Configuration and exports), written as a stream: the header, then each record as it is read,
 * then user presets and the blacklist — never the whole document in memory.
 * `{"pluginary": {version, exportedAt, machine, count}, "plugins": [...], "userPresets": [...], "blacklist": [...]}`
 */
import type {PluginRecord} from './plugin.js';

/** Anything text can be streamed to (Output, AtomicFile). */
export type Sink = {write(text: string): void};

/** The export header. */
export type ExportHeader = {
	/** pluginary version that wrote the file. */
	version: string;
	/** ISO time of the export. */
	exportedAt: string;
	/** Host name of the machine. */
	machine: string;
	/** Number of plugin records. */
	count: number;
	/** The QUERY that selected the plugins, when one was given. */
	query?: string;
};

/** Streams a list as a JSON array, one element per line. */
function writeArray(sink: Sink, key: string, items: Iterable<unknown>, last: boolean): number {
	let count = 0;
	sink.write(`${JSON.stringify(key)}: [`);
	for (const item of items) {
		sink.write((count === 0 ? '\n  ' : ',\n  ') + JSON.stringify(item));
		count++;
	}

	sink.write((count === 0 ? ']' : '\n]') + (last ? '\n' : ',\n'));
	return count;
}

/** Writes a whole JSON export; returns the number of records written. */
export function writeJsonExport(sink: Sink, header: ExportHeader, records: Iterable<PluginRecord>, userPresets: Iterable<unknown>, blacklist: Iterable<unknown>): number {
	sink.write(`{"pluginary": ${JSON.stringify(header)},\n`);
	const count = writeArray(sink, 'plugins', records, false);
	writeArray(sink, 'userPresets', userPresets, false);
	writeArray(sink, 'blacklist', blacklist, true);
	sink.write('}\n');
	return count;
}
