/**
 * The explorer's live filter and `pluginary search` rank alike: for corpus queries, the rows the
 * explorer shows (format view: one row per plugin and format) are the first hits of `search`, in
 * the same order, and its group rows (the default view) are those of `search --collapse`.
 */
import path from 'node:path';
import {existsSync} from 'node:fs';
import test from 'ava';
import {openStore, type Store} from '../../source/db/open.js';
import {recordFileResult, type CatalogEntry} from '../../source/db/queries/ingest.js';
import {regroupCatalog} from '../../source/catalog/regroup.js';
import {corpusAvailable, corpusDocuments} from '../helpers/debian-corpus.js';
import {cliPath, runCli} from '../helpers/cli.js';
import {tempDir} from '../helpers/temp.js';
import {keys, renderApp} from './helpers/render-app.js';

const queries = ['reverb', 'comp', 'synth', 'mono synth', 'eq', 'de-esser', 'noise gate', 'delay', 'calf', 'revreb'];
const rows = 14;
const missing = !corpusAvailable() ? 'the Debian corpus tools (lv2ls, /usr/lib/ladspa)' : existsSync(cliPath) ? undefined : 'dist/cli.js (npm run build:ts)';

/** The Debian corpus written into a store file through the ingest path, then grouped as a scan groups it. */
async function corpusStore(): Promise<{file: string; store: Store}> {
	const file = path.join(tempDir(), 'corpus.db');
	const store = openStore(file);
	const byPath = new Map<string, CatalogEntry[]>();
	for (const {summary, parameterNames} of await corpusDocuments()) {
		const entry: CatalogEntry = {
			id: summary.id, format: summary.format, uid: summary.uid, name: summary.name, vendor: summary.vendor, version: '', path: summary.path,
			rawCategory: summary.rawCategory, isInstrument: summary.isInstrument, audioInputs: summary.audioInputs, audioOutputs: summary.audioOutputs,
			auxInputs: 0, midiInputs: summary.midiInputs, midiOutputs: 0, presets: [], category: summary.category, categorySource: summary.categorySource,
			parameters: parameterNames.map((name, index) => ({id: `p${index}`, name, type: 'float', units: '', min: 0, max: 1, default: 0, steps: 0, valueStrings: [], isOutput: false, isAutomatable: true})),
		};
		byPath.set(entry.path, [...byPath.get(entry.path) ?? [], entry]);
	}

	for (const [filePath, entries] of byPath) {
		recordFileResult(store, {path: filePath, format: entries[0]!.format, size: 1, mtimeMs: 1, status: 'ok'}, entries);
	}

	regroupCatalog(store);
	return {file, store};
}

const columns = 200;

/** The names of the list rows of a frame (the terminal is wide enough for whole names; the details pane is cut off at its border). */
function listNames(frame: string): string[] {
	const lines = frame.split('\n').map(line => line.split(/[│╭╰]/u)[0]!);
	const header = lines.findIndex(line => /^ +Name +Vendor +Formats? /.test(line));
	if (header === -1) {
		return [];
	}

	return lines.slice(header + 1, header + 1 + rows)
		.filter(line => line.trim() !== '' && !/plugins/.test(line))
		.map(line => line.slice(2).replace(/^[★*] /, '').split(/ {2,}/)[0]!.trim());
}

/** The first `count` hits of the CLI's search (`--collapse`: one per group). */
function searchHits(db: string, query: string, collapse: boolean, count: number): Array<{name: string}> {
	const result = runCli(['search', '--db', db, '--json', '--limit', String(count), ...(collapse ? ['--collapse'] : []), query]);
	if (result.status !== 0) {
		throw new Error(result.stderr);
	}

	return JSON.parse(result.stdout) as Array<{name: string}>;
}

const corpusTest = missing ? test.serial.skip : test.serial;

corpusTest(`the explorer's live filter shows search's order, plugin by plugin and group by group${missing ? ` (skipped: needs ${missing})` : ''}`, async t => {
	const {file, store} = await corpusStore();
	const app = renderApp({store, columns, rows: rows + 6});
	await app.waitFor(frame => /plugins/.test(frame) && !frame.includes('indexing'), 30_000);
	let compared = 0;
	for (const grouped of [true, false]) {
		if (!grouped) {
			await app.press('v');
			await app.waitFor('by format');
		}

		for (const query of queries) {
			await app.press('/', query, keys.enter);
			const frame = await app.waitFor(text => text.includes(`filter: ${query}`) && text.includes('Enter details'), 10_000);
			const shown = listNames(frame);
				const hits = searchHits(file, query, grouped, Math.max(1, shown.length));
			t.true(shown.length > 0, `${query}: the explorer shows rows`);
			t.deepEqual(shown, hits.map(hit => hit.name), `${query}${grouped ? ' (groups)' : ''}: same names in the same order`);
			compared += shown.length;
			await app.press(keys.escape);
			await app.waitFor(text => !text.includes('· filter:'));
		}
	}

	t.log(`${compared} rows compared over ${queries.length} queries in both views`);
	app.unmount();
	store.close();
});
