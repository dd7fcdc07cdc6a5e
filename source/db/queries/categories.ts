/** The stored categories the category rules made (user overrides live in user_data: see curation.ts). */
import type {Format} from '../../catalog/plugin.js';
import type {Store} from '../open.js';
import {cachedStatement} from './statements.js';

/** What the category rules read of a stored plugin (the name and vendor the file said), and what they decided last time (its own category, before the group step). */
export type CategorizedPlugin = {
	key: number; format: Format; name: string; vendor: string; rawCategory: string; isInstrument: boolean; category: string; categorySource: string;
	/** Channel counts; undefined for imported records, whose counts are unknown. */
	io?: {audioInputs: number; audioOutputs: number; midiInputs: number; midiOutputs: number};
};

/** Every stored plugin that was probed (placeholders of failed files keep `other`). */
export function probedPlugins(store: Store): CategorizedPlugin[] {
	const rows = cachedStatement(store, "select key, format, raw_name, raw_vendor, raw_category, is_instrument, own_category, own_category_source, status, audio_inputs, audio_outputs, midi_inputs, midi_outputs from plugins where status not in ('failed', 'timeout', 'crashed', 'blacklisted')")
		.raw().all() as Array<[number, Format, string, string, string, number, string, string, string, number, number, number, number]>;
	return rows.map(([key, format, name, vendor, rawCategory, isInstrument, category, categorySource, status, audioInputs, audioOutputs, midiInputs, midiOutputs]) => ({
		key, format, name, vendor, rawCategory, isInstrument: isInstrument === 1, category, categorySource,
		io: status === 'imported' ? undefined : {audioInputs, audioOutputs, midiInputs, midiOutputs},
	}));
}

/** Stores the rules' category of one plugin (its own decision; the group step, catalog/regroup.ts, makes what lists show). */
export function setRulesCategory(store: Store, key: number, category: string, categorySource: string): void {
	cachedStatement(store, 'update plugins set own_category = ?, own_category_source = ? where key = ?').run(category, categorySource, key);
}
