import {readFileSync} from 'node:fs';
import {explainCategory} from '../../source/catalog/categories.js';
import {fromPedalboardJson} from '../../source/catalog/import-pedalboard.js';
import type {Category} from '../../source/catalog/plugin.js';

/** One hand-labelled commercial plugin as a 2023 pedalboard `plugins.json` would hold it. */
export type CommercialPlugin = {vendor: string; name: string; type: string; params: string[]; expected: Category};

/** The labelled set of test/catalog/commercial-plugins.json, in file order. */
export const commercialPlugins = JSON.parse(readFileSync(new URL('../catalog/commercial-plugins.json', import.meta.url), 'utf8')) as CommercialPlugin[];

/** The fixed split: even positions tune the rules, odd positions are held out and never tuned on. */
export const tuneHalf = commercialPlugins.filter((_, index) => index % 2 === 0);
export const heldOutHalf = commercialPlugins.filter((_, index) => index % 2 === 1);

/**
 * Accuracy of a half and its misses, categorised through the real 2023 `plugins.json` importer (no
 * vendor, no I/O). `products: false` re-runs the classifier on the imported records without the
 * product table, to show how far the vocabulary alone gets.
 */
export function measure(plugins: readonly CommercialPlugin[], options: {products?: boolean} = {}): {correct: number; total: number; misses: string[]} {
	const json: Record<string, unknown> = {};
	for (const plugin of plugins) {
		const bundle = plugin.type === 'vst3' ? `/Library/Audio/Plug-Ins/VST3/${plugin.name}.vst3` : `/Library/Audio/Plug-Ins/Components/${plugin.name}.component`;
		json[plugin.name] = {name: plugin.name, path: bundle, filename: bundle.split('/').pop(), type: plugin.type, params: Object.fromEntries(plugin.params.map(parameter => [parameter, 0.5]))};
	}

	const batch = fromPedalboardJson(json, '2023-06-01T00:00:00.000Z');
	const expected = new Map(plugins.map(plugin => [plugin.name, plugin.expected]));
	const categoryOf = ({entry}: typeof batch.plugins[number]): string => options.products === false
		? explainCategory({...entry, parameterNames: entry.parameters.map(parameter => parameter.name)}, {products: false}).category
		: entry.category;
	const misses = batch.plugins
		.filter(plugin => categoryOf(plugin) !== expected.get(plugin.entry.name))
		.map(plugin => `${plugin.entry.name}: ${categoryOf(plugin)}, labelled ${expected.get(plugin.entry.name)!}`);
	return {correct: plugins.length - misses.length, total: plugins.length, misses};
}
