import type {PluginSummary} from '../../catalog/plugin.js';
import type {Store} from '../../db/open.js';
import {cachedStatement} from '../../db/queries/statements.js';
import {SearchIndex} from '../../search/index.js';

/** Plugin keys per parameter-name query, and documents per index step, between two yields. */
const keysPerStep = 1500;
const documentsPerStep = 1000;

const yieldToInput = async (): Promise<void> => new Promise(resolve => setImmediate(resolve));

/**
 * Builds the search index in small steps, yielding to the event loop between them, so keys
 * keep working while a large catalog is indexed (the same documents as loadSearchDocuments:
 * summaries plus distinct parameter names). Resolves undefined when `cancelled()` turns true.
 * Cost: one pass over the parameters table in key ranges, then one MiniSearch add per plugin.
 */
export async function buildIndexInSteps(store: Store, summaries: readonly PluginSummary[], cancelled: () => boolean): Promise<SearchIndex | undefined> {
	const names = new Map<string, string[]>();
	const [low, high] = cachedStatement(store, 'select coalesce(min(key), 0), coalesce(max(key), -1) from plugins').raw().get() as [number, number];
	const statement = cachedStatement(store, `select distinct p.id, pa.name from parameters pa join plugins p on p.key = pa.plugin_key
		where p.shadowed = 0 and pa.plugin_key >= ? and pa.plugin_key < ?`).raw();
	for (let start = low; start <= high; start += keysPerStep) {
		for (const [id, name] of statement.all(start, start + keysPerStep) as Array<[string, string]>) {
			const list = names.get(id);
			if (list) {
				list.push(name);
			} else {
				names.set(id, [name]);
			}
		}

		await yieldToInput();
		if (cancelled()) {
			return undefined;
		}
	}

	const index = SearchIndex.build([]);
	for (let start = 0; start < summaries.length; start += documentsPerStep) {
		for (const summary of summaries.slice(start, start + documentsPerStep)) {
			index.upsert({summary, parameterNames: names.get(summary.id) ?? []});
		}

		await yieldToInput();
		if (cancelled()) {
			return undefined;
		}
	}

	return index;
}
