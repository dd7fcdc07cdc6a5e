import {compareByName} from '../../catalog/name-order.js';
import type {PluginSummary} from '../../catalog/plugin.js';
import type {Store} from '../../db/open.js';
import {idsAtPaths} from '../../db/queries/plugins.js';
import {CATEGORY_RULES_VERSION_KEY, readSetting} from '../../db/queries/settings.js';
import {displayFields} from '../../db/queries/groups.js';
import {loadSearchDocumentsOf} from '../../search/catalog-source.js';
import type {SearchIndex} from '../../search/index.js';
import type {ScanSummary} from '../../scan/events.js';

/** Above this share of the catalog, reading everything again is as cheap as patching. */
const patchLimit = 0.25;

/** The version of the category rules the stored categories were made with (a scan may recategorise everything). */
export function categoryRulesStamp(store: Store): string | undefined {
	return readSetting(store, CATEGORY_RULES_VERSION_KEY);
}

/**
 * Brings a loaded catalog up to date after a scan by touching only the plugins of the files the
 * scan added, changed, removed or failed on (and the same ids at other paths, for duplicates that
 * took over), and the plugins whose display fields grouping changed: they leave the index and the
 * list, and their current rows come back in. Returns the
 * new list (by name, hidden plugins left out), or undefined when a full reload is the better deal
 * (a large change, or the category rules changed and every row may differ).
 * Cost: one query for the ids, one for their documents; the index is updated in place.
 */
export function applyScanChanges(store: Store, index: SearchIndex, items: readonly PluginSummary[], summary: ScanSummary, rulesStamp: string | undefined): PluginSummary[] | undefined {
	const paths = new Set([...summary.diff.new, ...summary.diff.changed, ...summary.diff.removed, ...summary.failures.map(failure => failure.path)]);
	if (paths.size > Math.max(50, index.size * patchLimit) || categoryRulesStamp(store) !== rulesStamp) {
		return undefined;
	}

	const ids = new Set(idsAtPaths(store, [...paths]));
	for (const document of index.documents()) {
		if (paths.has(document.summary.path)) {
			ids.add(document.summary.id);
		}
	}

	// Grouping may rename, regroup or recategorise plugins the scan did not touch (their twins).
	for (const [id, name, vendor, group, category, categorySource] of displayFields(store)) {
		const summary = index.get(id)?.summary;
		if (summary && (summary.name !== name || summary.vendor !== vendor || summary.group !== group || summary.category !== category || summary.categorySource !== categorySource)) {
			ids.add(id);
		}
	}

	for (const id of ids) {
		index.remove(id);
	}

	const fresh = loadSearchDocumentsOf(store, [...ids]);
	for (const document of fresh) {
		index.upsert(document);
	}

	const kept = items.filter(item => !ids.has(item.id));
	const added = fresh.map(document => document.summary).filter(item => !item.hidden);
	return [...kept, ...added].sort(compareByName);
}
