import type {PluginSummary} from '../../catalog/plugin.js';
import type {Store} from '../../db/open.js';
import {keyRangeStarts} from '../../db/queries/parameters.js';
import {listIdsByName, listSummaries} from '../../db/queries/plugins.js';
import {readParameterNames} from '../../search/catalog-source.js';
import type {SearchIndex} from '../../search/index.js';
import {NameInterner} from '../../search/name-interner.js';
import {inTimeSlices, pages, type Slicing} from './time-slices.js';

/** Plugins read from the store per query while the catalog loads. */
export const SUMMARY_PAGE = 1000;

/**
 * Reads every catalogued plugin (hidden ones too) in list order, a page at a time, yielding
 * between pages so keys keep working; `onPage` gets everything read so far (the same array,
 * growing). Resolves undefined when cancelled. Cost: one id query, then one indexed query a page.
 */
export async function loadSummariesInPages(store: Store, slicing: Slicing, onPage?: (loaded: readonly PluginSummary[]) => void): Promise<PluginSummary[] | undefined> {
	const ids = listIdsByName(store);
	const loaded: PluginSummary[] = [];
	const done = await inTimeSlices(pages(ids, SUMMARY_PAGE), page => {
		for (const summary of listSummaries(store, {includeHidden: true, ids: page})) {
			loaded.push(summary);
		}

		onPage?.(loaded);
	}, slicing);
	return done ? loaded : undefined;
}

/**
 * Distinct parameter names per plugin id, read in key ranges between yields. Each distinct name
 * is one shared string (NameInterner), so the names cost a pointer per plugin and name.
 */
async function loadParameterNames(store: Store, slicing: Slicing): Promise<Map<string, string[]> | undefined> {
	const interner = new NameInterner();
	const names = new Map<string, string[]>();
	const done = await inTimeSlices(keyRangeStarts(store), start => {
		readParameterNames(store, start, interner, names);
	}, slicing);
	return done ? names : undefined;
}

/**
 * Builds the search index over `summaries` in time slices (see inTimeSlices), so a large catalog
 * never holds keys up: parameter names first, then one document at a time. The search code is
 * imported here, after the first frame. Resolves undefined when cancelled.
 */
export async function buildIndexInSteps(store: Store, summaries: readonly PluginSummary[], slicing: Slicing): Promise<SearchIndex | undefined> {
	const [{SearchIndex}, names] = await Promise.all([import('../../search/index.js'), loadParameterNames(store, slicing)]);
	if (!names) {
		return undefined;
	}

	const index = SearchIndex.build([]);
	const done = await inTimeSlices(summaries, summary => {
		index.upsert({summary, parameterNames: names.get(summary.id) ?? []});
	}, slicing);
	return done ? index : undefined;
}

/**
 * Puts changed summaries (favourites toggled while the catalog loaded) into a loaded list: the
 * same array when nothing changed. Cost: one map lookup a plugin.
 */
export function withChanges(summaries: readonly PluginSummary[], changed: ReadonlyMap<string, PluginSummary>): readonly PluginSummary[] {
	return changed.size === 0 ? summaries : summaries.map(summary => changed.get(summary.id) ?? summary);
}

/** Puts changed summaries into the index (their texts are the same: columns are updated in place). */
export function indexChanges(index: SearchIndex, changed: ReadonlyMap<string, PluginSummary>): void {
	for (const summary of changed.values()) {
		const document = index.get(summary.id);
		if (document) {
			index.upsert({...document, summary});
		}
	}
}
