import {useMemo, useState} from 'react';
import type {PluginRecord, PluginSummary} from '../../catalog/plugin.js';
import {duplicateKey} from '../../search/duplicates.js';
import type {Catalog} from './use-catalog.js';
import {useListNavigation, type ListNavigation} from './use-list-navigation.js';
import {usePluginRecord} from './use-plugin-record.js';

/** Lines of the details screen above the parameter table. */
export const DETAILS_HEADER_LINES = 8;

/** The details screen's plugin, its record and the parameter table's cursor. */
export type DetailsState = {
	id: string | undefined;
	open(id: string): void;
	record: PluginRecord | undefined;
	/** The same plugin in other formats (same normalised name and vendor). */
	otherFormats: PluginSummary[];
	nav: ListNavigation;
};

/** Rows of the parameter table for a terminal of `rows` lines. */
export function parameterRows(rows: number): number {
	return Math.max(1, rows - DETAILS_HEADER_LINES - 3);
}

/** State of the details screen: which plugin, its full record (read on open), the table cursor. */
export function useDetails(catalog: Catalog, rows: number): DetailsState {
	const [id, setId] = useState<string | undefined>(undefined);
	const record = usePluginRecord(id, catalog.revision);
	const ids = useMemo(() => (record?.parameters ?? []).map(parameter => String(parameter.index)), [record]);
	const nav = useListNavigation(ids, parameterRows(rows));
	const otherFormats = useMemo(() => {
		if (!record) {
			return [];
		}

		const key = duplicateKey(record);
		return catalog.items.filter(item => item.id !== record.id && item.format !== record.format && duplicateKey(item) === key);
	}, [record, catalog.items]);
	return {id, open: setId, record, otherFormats, nav};
}
