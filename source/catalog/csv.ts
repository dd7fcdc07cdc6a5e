import {stringify} from 'csv-stringify/sync';
import type {PluginSummary} from './plugin.js';

/** Columns of CSV lists and exports, in order. */
export const CSV_COLUMNS = [
	'id', 'format', 'name', 'vendor', 'version', 'category', 'categorySource', 'rawCategory', 'isInstrument',
	'audioInputs', 'audioOutputs', 'auxInputs', 'midiInputs', 'midiOutputs', 'parameterCount', 'tags', 'favorite',
	'hidden', 'status', 'error', 'path', 'uid', 'scannedAt',
	'health', 'warnings', 'latencySamples', 'cpuPercent', 'healthError', 'checkedAt',
] as const;

/**
 * Neutralises spreadsheet formulas: a cell starting with = + - @, a tab or a CR gets a leading
 * apostrophe (OWASP's advice), so opening the CSV never runs anything.
 */
export function safeCell(value: unknown): string {
	const text = Array.isArray(value) ? value.join(';') : value === undefined || value === null ? '' : String(value);
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 CSV line (with CRLF) for the given cells. */
export function csvLine(cells: unknown[]): string {
	return stringify([cells.map(cell => safeCell(cell))], {record_delimiter: '\r\n'});
}

/** The header line of plugin CSVs. */
export function csvHeader(): string {
	return csvLine([...CSV_COLUMNS]);
}

/** One plugin as a CSV line. */
export function csvPlugin(plugin: PluginSummary): string {
	return csvLine(CSV_COLUMNS.map(column => plugin[column as keyof PluginSummary]));
}
