import {compareByNameKey} from '../catalog/name-order.js';
import type {SearchDocument} from './document.js';

/** An indexed plugin: its document, slot, name key (for name order) and duplicate key (for collapsing, computed on first use). */
export type Entry = {document: SearchDocument; slot: number; sortName: string; key?: string};

/** The name order (catalog/name-order.ts) of two entries: ties of the score, and queries without words. */
export function compareEntries(a: Entry, b: Entry): number {
	return compareByNameKey(a.sortName, a.document.summary, b.sortName, b.document.summary);
}
