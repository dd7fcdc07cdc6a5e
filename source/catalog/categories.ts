import {bestCategory, gatherSignals, scoreSignals, type IoShape, type Signal} from './category-evidence.js';
import {nativeCategory} from './category-native.js';
import {knownProduct} from './category-products.js';
import type {Category, CategorySource, Format} from './plugin.js';

/**
 * Version of the categorisation rules. Bump it whenever `categorize` (or the tables behind it)
 * changes: the next scan then recategorises every stored plugin that has no user override.
 */
export const CATEGORY_RULES_VERSION = 5;

/** What categorisation looks at: one record, nothing else. */
export type CategoryInput = {
	format: Format;
	name: string;
	/** Display vendor; used only to strip it from the name and to pick product-table rows, never as evidence. */
	vendor?: string;
	rawCategory: string;
	isInstrument: boolean;
	/** Parameter names, when known. */
	parameterNames?: readonly string[];
	/** Channel layout, when the format reported it (not for imports, whose counts are unknown). */
	io?: IoShape;
};

/** A category with where it came from. */
export type CategoryResult = {category: Category; categorySource: CategorySource};

/** A category with the reason for it and the evidence weighed (docs/categories.md). */
export type CategoryExplanation = CategoryResult & {
	reason: string;
	/** Every signal seen, heaviest first. */
	signals: Signal[];
	/** Score per category that had any evidence, best first. */
	scores: Array<[Category, number]>;
};

/**
 * Native values too vague to decide alone; they weigh in as evidence. LV2 `SimulatorPlugin` is
 * mostly amp/tape simulation; VST2 `Mastering` mostly dynamics; Steinberg's "room fx" holds
 * reverbs and delays alike; an AU music effect (`aumf`) takes MIDI, mostly vocoders and
 * MIDI-driven instruments-as-effects.
 */
const vagueHints: Array<[Format, RegExp, Array<[Category, number]>]> = [
	['lv2', /SimulatorPlugin/, [['distortion', 1.6]]],
	['vst2', /^(kPlugCateg)?Mastering$|^4$/i, [['dynamics', 1.6]]],
	['vst2', /^(kPlugCateg)?RoomFx$|^6$/i, [['reverb', 1.6], ['delay', 0.5]]],
	['au', /^aumf/i, [['instrument', 1], ['spectral', 0.8], ['midi', 0.5]]],
];

/** A native "utility" (LV2 UtilityPlugin, VST3 Tools…) is a catch-all: it counts as evidence, and a telling name outweighs it. */
const nativeUtilityWeight = 2.5;

/**
 * Picks the catalog category, pure per record. Order: the format's instrument flag; the format's
 * own informative category (`native`); the product table for names that say nothing (`rules`);
 * then the evidence classifier — name words, parameter vocabulary, I/O shape and vague format
 * hints scored per category, best wins, `other` below the confidence floor. Cost: a few hundred
 * regex tests; no I/O.
 */
export function explainCategory(input: CategoryInput, options: {products?: boolean} = {}): CategoryExplanation {
	const none = {signals: [], scores: []};
	if (input.isInstrument) {
		return {category: 'instrument', categorySource: 'native', reason: 'the format flags it as an instrument', ...none};
	}

	const native = nativeCategory(input.format, input.rawCategory);
	if (native && native !== 'utility') {
		return {category: native, categorySource: 'native', reason: `the format says ${input.rawCategory.trim()}`, ...none};
	}

	const product = options.products === false ? undefined : knownProduct(input.name, input.vendor);
	if (product) {
		return {category: product.category, categorySource: 'rules', reason: `known product: ${product.vendor} ${product.what}`, ...none};
	}

	const hints = native === 'utility'
		? [['utility', nativeUtilityWeight] as [Category, number]]
		: vagueHints.find(([format, pattern]) => format === input.format && pattern.test(input.rawCategory.trim()))?.[2];
	const signals = gatherSignals({...input, formatHints: hints}).sort((a, b) => b.weight - a.weight);
	const scores = scoreSignals(signals);
	const {category, score} = bestCategory(scores);
	const ranked = [...scores].sort((a, b) => b[1] - a[1]);
	const fromFormat = signals.filter(signal => signal.kind === 'format' && signal.category === category).reduce((sum, signal) => sum + signal.weight, 0);
	const categorySource: CategorySource = category !== 'other' && fromFormat * 2 >= score ? 'native' : 'rules';
	const reason = category === 'other'
		? (ranked.length === 0 ? 'no evidence' : `best evidence ${ranked[0]![0]} ${ranked[0]![1].toFixed(1)} is below the floor`)
		: `evidence ${score.toFixed(1)}${ranked[1] ? `, next ${ranked[1][0]} ${ranked[1][1].toFixed(1)}` : ''}`;
	return {category, categorySource, reason, signals, scores: ranked};
}

/** The catalog category and its source (see `explainCategory`). */
export function categorize(input: CategoryInput): CategoryResult {
	const {category, categorySource} = explainCategory(input);
	return {category, categorySource};
}
