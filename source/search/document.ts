import type {PluginSummary} from '../catalog/plugin.js';

/** What the search index holds per plugin: the list item plus its parameter names. */
export type SearchDocument = {
	summary: PluginSummary;
	/** Distinct parameter names (for `param:` and text matches on parameters). */
	parameterNames: string[];
};
