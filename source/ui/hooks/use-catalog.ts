import {useCallback, useEffect, useRef, useState} from 'react';
import type {PluginSummary} from '../../catalog/plugin.js';
import type {SearchIndex} from '../../search/index.js';
import type {ScanSummary} from '../../scan/events.js';
import {firstRows, lastScanTime, toggleFavorite, visibleTotal} from '../model/catalog.js';
import {buildIndexInSteps, indexChanges, loadSummariesInPages, withChanges} from '../model/catalog-loader.js';
import {applyScanChanges, categoryRulesStamp} from '../model/scan-refresh.js';
import {loadSearchDocumentsOf} from '../../search/catalog-source.js';
import {useServices} from './use-services.js';

/** The catalog as the explorer holds it. */
export type Catalog = {
	/** Plugins by name: the first screenful at start, more as pages arrive, then all of them. */
	items: readonly PluginSummary[];
	/** Plugins not hidden, from the store. */
	total: number;
	/** True once every plugin is loaded. */
	complete: boolean;
	/** The search index, built after every plugin is loaded. */
	index: SearchIndex | undefined;
	/** When the last scan finished (ISO). */
	lastScanAt: string | undefined;
	/** Bumped on every change, including in-place index updates (for memoised filters). */
	revision: number;
};

/** The catalog and what can be done to it. */
export type CatalogApi = Catalog & {
	/** Brings the catalog up to date after a scan: only what the scan touched when that is small, else a full reload. */
	refresh(summary?: ScanSummary): void;
	/** Toggles a plugin's favourite mark in the store and in memory. */
	toggleFavorite(id: string): void;
	/** Reads some plugins' rows again (after a health check stored their results) into the list and the index. */
	reloadPlugins(ids: string[]): void;
};

/** The list is republished at most this often while pages arrive (each publish re-filters it). */
const publishEveryMs = 250;

/**
 * Loads the catalog in stages so the first frame is quick and keys never wait: the first
 * `firstPage` rows and the count at once, the rest in pages between key presses, then the search
 * index in time slices (model/catalog-loader.ts). Favourites toggled meanwhile are kept.
 */
export function useCatalog(firstPage: number): CatalogApi {
	const {store} = useServices();
	const [catalog, setCatalog] = useState<Catalog>(() => ({
		items: firstRows(store, firstPage),
		total: visibleTotal(store),
		complete: false,
		index: undefined,
		lastScanAt: lastScanTime(store),
		revision: 0,
	}));
	const current = useRef(catalog);
	current.current = catalog;
	const generation = useRef(0);
	/** Summaries changed (favourites) since the running load started reading. */
	const changed = useRef(new Map<string, PluginSummary>());
	/** The category rules version the loaded rows were made with. */
	const rules = useRef(categoryRulesStamp(store));
	const load = useCallback(() => {
		rules.current = categoryRulesStamp(store);
		const mine = ++generation.current;
		const stale = (): boolean => mine !== generation.current;
		const slicing = {cancelled: stale};
		changed.current = new Map();
		const timer = setTimeout(async () => {
			let published = performance.now();
			const all = await loadSummariesInPages(store, slicing, loaded => {
				if (performance.now() - published >= publishEveryMs && loaded.length < current.current.total) {
					published = performance.now();
					const items = withChanges(loaded.filter(summary => !summary.hidden), changed.current);
					setCatalog(previous => ({...previous, items, revision: previous.revision + 1}));
				}
			});
			if (!all || stale()) {
				return;
			}

			const fresh = withChanges(all, changed.current);
			const items = fresh.filter(summary => !summary.hidden);
			setCatalog(previous => ({...previous, items, total: items.length, complete: true, index: undefined, lastScanAt: lastScanTime(store), revision: previous.revision + 1}));
			const index = await buildIndexInSteps(store, fresh, slicing);
			if (index && !stale()) {
				indexChanges(index, changed.current);
				changed.current = new Map();
				setCatalog(previous => ({...previous, index, revision: previous.revision + 1}));
			}
		}, 0);
		return () => {
			clearTimeout(timer);
			generation.current++;
		};
	}, [store]);
	useEffect(() => load(), [load]);
	const toggle = useCallback((id: string) => {
		const favorite = toggleFavorite(store, id);
		const {index, items} = current.current;
		const document = index?.get(id);
		const summary = document?.summary ?? items.find(item => item.id === id);
		if (!summary) {
			return;
		}

		const updated = {...summary, favorite};
		if (document && index) {
			index.upsert({...document, summary: updated});
		}

		// A load under way may have read the old mark already: it applies this when it ends.
		changed.current.set(id, updated);

		setCatalog(previous => ({...previous, items: previous.items.map(item => (item.id === id ? updated : item)), revision: previous.revision + 1}));
	}, [store]);
	const reload = useCallback((ids: string[]) => {
		const fresh = new Map(loadSearchDocumentsOf(store, ids).map(document => [document.summary.id, document]));
		const {index} = current.current;
		for (const document of fresh.values()) {
			index?.upsert(document);
			// A load under way may have read the old row already: it applies this when it ends.
			changed.current.set(document.summary.id, document.summary);
		}

		setCatalog(previous => ({...previous, items: previous.items.map(item => fresh.get(item.id)?.summary ?? item), revision: previous.revision + 1}));
	}, [store]);
	const refresh = useCallback((summary?: ScanSummary) => {
		const {index, items, complete} = current.current;
		const patched = summary && index && complete ? applyScanChanges(store, index, items, summary, rules.current) : undefined;
		if (patched) {
			setCatalog(previous => ({...previous, items: patched, total: patched.length, lastScanAt: lastScanTime(store), revision: previous.revision + 1}));
		} else {
			load();
		}
	}, [store, load]);
	return {...catalog, refresh, toggleFavorite: toggle, reloadPlugins: reload};
}
