import type {Category, CategorySource, Format} from './plugin.js';

/** What categorisation looks at. */
export type CategoryInput = {
	format: Format;
	name: string;
	rawCategory: string;
	isInstrument: boolean;
	/** Parameter names, when known. */
	parameterNames?: string[];
};

/** A category with where it came from. */
export type CategoryResult = {category: Category; categorySource: CategorySource};

/**
 * Picks the catalog category: the format's own metadata first (LV2 class, VST3 subcategories,
 * CLAP features, VST2 category, AU type), then rules over the name and parameter names.
 * INITIAL VERSION — the search/categories work refines the rules (keep this signature).
 */
export function categorize(input: CategoryInput): CategoryResult {
	if (input.isInstrument) {
		return {category: 'instrument', categorySource: 'native'};
	}

	return {category: 'other', categorySource: 'rules'};
}
