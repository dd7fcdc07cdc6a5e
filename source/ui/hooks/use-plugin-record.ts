import {useMemo, useRef} from 'react';
import type {PluginRecord} from '../../catalog/plugin.js';
import {findPlugin} from '../../db/queries/plugins.js';
import {useServices} from './use-services.js';

const cacheSize = 32;

/**
 * The full record (parameters, presets, duplicates) of a plugin id, read from the store and
 * kept in a small cache so moving back and forth costs nothing. `revision` invalidates the cache.
 */
export function usePluginRecord(id: string | undefined, revision = 0): PluginRecord | undefined {
	const {store} = useServices();
	const cache = useRef({revision, records: new Map<string, PluginRecord | undefined>()});
	if (cache.current.revision !== revision) {
		cache.current = {revision, records: new Map()};
	}

	return useMemo(() => {
		if (id === undefined) {
			return undefined;
		}

		const {records} = cache.current;
		if (records.has(id)) {
			return records.get(id);
		}

		const found = findPlugin(store, id);
		const record = found.kind === 'found' && found.record.id === id ? found.record : undefined;
		records.set(id, record);
		if (records.size > cacheSize) {
			records.delete(records.keys().next().value!);
		}

		return record;
	}, [id, store, revision]);
}
