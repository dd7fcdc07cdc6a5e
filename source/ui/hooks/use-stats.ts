import {useMemo} from 'react';
import {loadStats, type StatsData} from '../model/stats.js';
import type {Catalog} from './use-catalog.js';
import {useServices} from './use-services.js';

/**
 * The stats screen's data while it is shown (undefined otherwise), read again whenever the
 * catalog changes (a scan finished and the list was reloaded). Cost: a few grouped queries.
 */
export function useStats(catalog: Catalog, shown: boolean): StatsData | undefined {
	const {store} = useServices();
	return useMemo(() => (shown ? loadStats(store, catalog.items) : undefined), [shown, store, catalog.items, catalog.lastScanAt]);
}
