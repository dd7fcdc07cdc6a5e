import {useCallback, useEffect, useRef, useState} from 'react';
import type {PluginSummary} from '../../catalog/plugin.js';
import type {SearchIndex} from '../../search/index.js';
import {allSummaries, firstRows, lastScanTime, toggleFavorite, visibleTotal} from '../model/catalog.js';
import {buildIndexInSteps} from '../model/index-loader.js';
import {useServices} from './use-services.js';

/** The catalog as the explorer holds it. */
export type Catalog = {
	/** Plugins by name: the first screenful at start, then all of them. */
	items: readonly PluginSummary[];
	/** Plugins not hidden, from the store. */
	total: number;
	/** True once every plugin is loaded. */
	complete: boolean;
	/** The search index, built after the first frame. */
	index: SearchIndex | undefined;
	/** When the last scan finished (ISO). */
	lastScanAt: string | undefined;
	/** Bumped on every change, including in-place index updates (for memoised filters). */
	revision: number;
};

/** The catalog and what can be done to it. */
export type CatalogApi = Catalog & {
	/** Reads the store again (after a scan). */
	reload(): void;
	/** Toggles a plugin's favourite mark in the store and in memory. */
	toggleFavorite(id: string): void;
};

/**
 * Loads the catalog in stages so the first frame is quick: the first `firstPage` rows and the
 * count at once, every plugin right after the first frame, the search index after that.
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
	const load = useCallback(() => {
		const mine = ++generation.current;
		const stale = (): boolean => mine !== generation.current;
		const timer = setTimeout(() => {
			if (stale()) {
				return;
			}

			const all = allSummaries(store);
			const items = all.filter(summary => !summary.hidden);
			setCatalog(previous => ({...previous, items, total: items.length, complete: true, index: undefined, lastScanAt: lastScanTime(store), revision: previous.revision + 1}));
			void buildIndexInSteps(store, all, stale).then(index => {
				if (index && !stale()) {
					setCatalog(previous => ({...previous, index, revision: previous.revision + 1}));
				}
			});
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

		const changed = {...summary, favorite};
		if (document && index) {
			index.upsert({...document, summary: changed});
		}

		setCatalog(previous => ({...previous, items: previous.items.map(item => (item.id === id ? changed : item)), revision: previous.revision + 1}));
	}, [store]);
	return {...catalog, reload: load, toggleFavorite: toggle};
}
