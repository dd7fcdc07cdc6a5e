import type {Store} from '../db/open.js';
import {listSummaries} from '../db/queries/plugins.js';
import {cachedStatement} from '../db/queries/statements.js';
import type {SearchDocument} from './document.js';

/**
 * Reads every catalogued (unshadowed) plugin with its distinct parameter names, hidden ones
 * included (the index filters them per query). Cost: two sequential scans — one over plugins,
 * one over parameters — never a query per plugin; parameter names are interned (one string per
 * distinct name, however many plugins share it).
 */
export function loadSearchDocuments(store: Store): SearchDocument[] {
	const names = loadParameterNames(store);
	const documents: SearchDocument[] = [];
	for (const summary of listSummaries(store, {includeHidden: true})) {
		documents.push({summary, parameterNames: names.get(summary.id) ?? []});
	}

	return documents;
}

/** The search documents of some plugin ids (for updating the index after a scan or a curation change). */
export function loadSearchDocumentsOf(store: Store, ids: string[]): SearchDocument[] {
	const documents: SearchDocument[] = [];
	const statement = cachedStatement(store, `select distinct pa.name from parameters pa join plugins p on p.key = pa.plugin_key
		where p.id = ? and p.shadowed = 0`).pluck();
	for (const summary of listSummaries(store, {includeHidden: true, ids})) {
		documents.push({summary, parameterNames: statement.all(summary.id) as string[]});
	}

	return documents;
}

const GROUP = '\u001D';
const KEY = '\u001F';
const ITEM = '\u001E';

/**
 * Distinct parameter names per unshadowed plugin id. Fast path: one aggregate over a plain table
 * scan — SQLite concatenates every name, marking where a plugin's list starts (idx 0) — then one
 * split here (building 700,000 row objects costs 5× more). It relies on a plugin's parameters being
 * stored together with idx 0…n-1, as ingest writes them; when the result does not add up (a plugin
 * seen twice, a separator inside a name, a different total), the plain grouped query is used.
 */
function loadParameterNames(store: Store): Map<string, string[]> {
	const idOf = new Map<number, string>();
	for (const [key, id] of cachedStatement(store, 'select key, id from plugins where shadowed = 0').raw().iterate() as Iterable<[number, string]>) {
		idOf.set(key, id);
	}

	const total = cachedStatement(store, 'select count(*) from parameters').pluck().get() as number;
	if (total === 0) {
		return new Map();
	}

	const all = cachedStatement(store, `select group_concat(iif(idx = 0, char(29) || plugin_key || char(31), '') || name, char(30))
		from parameters`).pluck().get() as string | null ?? '';
	return splitNames(all, total, idOf) ?? groupedNames(store);
}

/** Interned names: one string (and one dedupe stamp) per distinct name. */
type Interned = {name: string; stamp: number};

function splitNames(all: string, total: number, idOf: Map<number, string>): Map<string, string[]> | undefined {
	const names = new Map<string, string[]>();
	const interned = new Map<string, Interned>();
	const seenKeys = new Set<number>();
	let count = 0;
	let stamp = 0;
	const groups = all.split(GROUP);
	for (let g = 1; g < groups.length; g++) {
		// group_concat puts the item separator before the next group's marker: drop it.
		let group = groups[g];
		if (g < groups.length - 1) {
			if (!group.endsWith(ITEM)) {
				return undefined;
			}

			group = group.slice(0, -1);
		}

		const at = group.indexOf(KEY);
		const key = Number(group.slice(0, at));
		if (at === -1 || !Number.isSafeInteger(key) || seenKeys.has(key)) {
			return undefined;
		}

		seenKeys.add(key);
		const items = group.slice(at + 1).split(ITEM);
		count += items.length;
		const id = idOf.get(key);
		if (id === undefined) {
			continue;
		}

		stamp++;
		const list: string[] = [];
		for (const item of items) {
			let entry = interned.get(item);
			if (!entry) {
				entry = {name: item, stamp: 0};
				interned.set(item, entry);
			}

			if (entry.stamp !== stamp) {
				entry.stamp = stamp;
				list.push(entry.name);
			}
		}

		const previous = names.get(id);
		names.set(id, previous ? [...new Set([...previous, ...list])] : list);
	}

	// Every name accounted for, each in its own plugin's group (the first group starts at char 0).
	return count === total && groups[0] === '' ? names : undefined;
}

function groupedNames(store: Store): Map<string, string[]> {
	const rows = cachedStatement(store, `select distinct p.id, pa.name from parameters pa join plugins p on p.key = pa.plugin_key
		where p.shadowed = 0`).raw().iterate() as Iterable<[string, string]>;
	const names = new Map<string, string[]>();
	for (const [id, name] of rows) {
		const list = names.get(id);
		if (list) {
			list.push(name);
		} else {
			names.set(id, [name]);
		}
	}

	return names;
}
