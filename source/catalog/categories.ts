import {nativeCategory} from './category-native.js';
import {categoryFromName, categoryFromParameters} from './category-rules.js';
import type {Category, CategorySource, Format} from './plugin.js';

/**
 * Version of the categorisation rules. Bump it whenever `categorize` (or the tables behind it)
 * changes: the next scan then recategorises every stored plugin that has no user override.
 */
export const CATEGORY_RULES_VERSION = 4;

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
 * Native values too vague to stand alone: the rules decide, and the hint is used only when they
 * find nothing (LV2 `SimulatorPlugin` is mostly amp/tape simulation; VST2 `Mastering`, `RoomFx`).
 */
const vagueHints: Array<[Format, RegExp, Category]> = [
	['lv2', /SimulatorPlugin/, 'distortion'],
	['vst2', /^(kPlugCateg)?Mastering$|^4$/i, 'dynamics'],
	// Steinberg's "room fx" holds reverbs and delays alike (LSP files its delay compensators there).
	['vst2', /^(kPlugCateg)?RoomFx$|^6$/i, 'reverb'],
];

/**
 * Picks the catalog category (docs/architecture.md, Records). The format's own metadata first — LV2 class (whole
 * lv2core hierarchy), VST3 subcategories, CLAP features, VST2 effGetPlugCategory, AU type — with
 * `categorySource: 'native'` when it is informative. Generic values (`lv2:Plugin`, `Fx`,
 * `audio-effect`, `kPlugCategEffect`, `aufx`, LADSPA's nothing) fall through to rules over the
 * name, then the parameter names (`'rules'`). A native "utility" is a catch-all for many
 * vendors (LV2 UtilityPlugin holds noise generators, scopes, MIDI mappers), so a name rule
 * overrides it. Cost: a few regex tests; no I/O.
 */
export function categorize(input: CategoryInput): CategoryResult {
	if (input.isInstrument) {
		return {category: 'instrument', categorySource: 'native'};
	}

	const native = nativeCategory(input.format, input.rawCategory);
	const fromName = categoryFromName(input.name);
	if (native && (native !== 'utility' || fromName === undefined || fromName === 'utility')) {
		return {category: native, categorySource: 'native'};
	}

	const ruled = fromName ?? categoryFromParameters(input.parameterNames ?? []);
	if (ruled) {
		return {category: ruled, categorySource: 'rules'};
	}

	const hint = vagueHints.find(([format, pattern]) => format === input.format && pattern.test(input.rawCategory.trim()));
	if (hint) {
		return {category: hint[2], categorySource: 'native'};
	}

	return {category: 'other', categorySource: 'rules'};
}
