/**
 * One category per plugin group (docs/groups.md). A separate step after each record's own
 * decision (catalog/categories.ts): it takes those decisions and the user's overrides and gives
 * every member of a group the same category.
 */
import {formatRank, type Category, type CategorySource, type Format} from './plugin.js';

/** A group member as the step sees it. */
export type MemberCategory = {
	id: string;
	format: Format;
	/** The record's own decision (format metadata or rules). */
	category: Category;
	categorySource: CategorySource;
	/** The user's override of this plugin id, if any. */
	userCategory: Category | null;
};

/** The category a member shows. */
export type CategoryResult = {category: Category; categorySource: CategorySource};

/**
 * How much a format's own category says, best first: an LV2 class, VST3 subcategories and CLAP
 * features name the kind of plugin; AU types and VST2's effGetPlugCategory are coarse (VST2
 * files LSP's analysers, crossovers and noise generators alike under "Analysis").
 */
const nativeTrust: readonly Format[] = ['lv2', 'vst3', 'clap', 'au', 'vst2', 'ladspa'];

const trust = (format: Format): number => nativeTrust.indexOf(format);
const preference = (format: Format): number => formatRank(format);

/**
 * The group's category, and each member's: a user override of any member applies to the whole
 * group (the most preferred format's when several differ); else the most trusted native decision
 * applies to every member, and members whose own decision differed show `twin`; else the rules
 * decide — the category most members' rules chose (ties: the most preferred format's; "other"
 * only when nothing else was found). Cost: linear in the members.
 */
export function groupCategories(members: readonly MemberCategory[]): CategoryResult[] {
	const byPreference = [...members].sort((a, b) => preference(a.format) - preference(b.format));
	const user = byPreference.find(member => member.userCategory !== null);
	if (user) {
		return members.map(() => ({category: user.userCategory!, categorySource: 'user'}));
	}

	const native = [...members].filter(member => member.categorySource === 'native')
		.sort((a, b) => trust(a.format) - trust(b.format) || preference(a.format) - preference(b.format));
	if (native.length > 0) {
		const chosen = native[0]!.category;
		return members.map(member => member.category === chosen && member.categorySource === 'native'
			? {category: chosen, categorySource: 'native'}
			: {category: chosen, categorySource: 'twin'});
	}

	const votes = new Map<Category, number>();
	for (const member of byPreference) {
		if (member.category !== 'other') {
			votes.set(member.category, (votes.get(member.category) ?? 0) + 1);
		}
	}

	let chosen: Category = 'other';
	let best = 0;
	for (const [category, count] of votes) {
		if (count > best) {
			chosen = category;
			best = count;
		}
	}

	return members.map(() => ({category: chosen, categorySource: 'rules'}));
}
