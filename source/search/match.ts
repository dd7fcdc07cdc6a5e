import type {Alternative, Group} from './expand.js';
import {combineTokens, FIELDS} from './scoring.js';
import type {Scratch} from './scratch.js';
import type {TermIndex, TokenMatches} from './term-index.js';

/**
 * How well a word matched a hit, as one number (lower is better) that sums over the query's words
 * and orders hits lexicographically by: the field (name, then vendor/category/format/tags, then
 * parameter names only, then not at all — OR fallback); whether the category also matched
 * (`dist` → distortion plugins first); whether the name matched through the typed word (or its
 * typo or compound spelling) rather than a vocabulary spelling or a word inside a name word.
 * Each part's sum stays below the next part's unit for up to 31 words.
 */
export const LEVEL = {field: 1024, categoryMissed: 32, loose: 1} as const;
const FIELD_RANK = {name: 0, meta: 1, params: 2, missing: 3} as const;
/** The level of a word a hit does not match (OR fallback). */
export const MISSING_LEVEL = (FIELD_RANK.missing * LEVEL.field) + LEVEL.categoryMissed;

const NAME_BIT = 1 << FIELDS.indexOf('name');
const CATEGORY_BIT = 1 << FIELDS.indexOf('category');
const PARAMS_BIT = 1 << FIELDS.indexOf('params');
/** Beside the field bits: the name matched through an exact alternative. */
const EXACT_NAME = 1 << 8;

function levelOf(fields: number, exact: boolean): number {
	const inName = (fields & NAME_BIT) !== 0;
	const field = inName ? FIELD_RANK.name : fields === PARAMS_BIT ? FIELD_RANK.params : FIELD_RANK.meta;
	return (field * LEVEL.field) + ((fields & CATEGORY_BIT) === 0 ? LEVEL.categoryMissed : 0) + (inName && !exact ? LEVEL.loose : 0);
}

/** One query word's matches: slots, the best weighted score and the best level of each (see LEVEL). */
export type GroupMatches = {slots: Int32Array; scores: Float64Array; levels: Uint16Array};

/** The matched slots of the query, their scores (as MiniSearch combines words) and level sums. */
export type Matches = {slots: number[]; scores: number[]; levels: number[]};

/**
 * Matches the query's word groups: per word, the best of its alternatives (weight × BM25+ score),
 * then the words combined as MiniSearch combines query terms — AND, or OR when AND finds nothing.
 * When every group holds only its typed word, scores are exactly TermIndex.match's.
 */
export function matchGroups(groups: readonly Group[], index: TermIndex, scratch: Scratch): Matches {
	const perGroup = groups.map(group => matchGroup(group, index, scratch));
	let combined = combineTokens(perGroup, 'and', scratch);
	if (combined.slots.length === 0 && groups.length > 1) {
		combined = combineTokens(perGroup, 'or', scratch);
	}

	// combineTokens leaves each slot's matched-word count in scratch.matched: missed words count MISSING.
	const levels = combined.slots.map(slot => scratch.levelSum[slot] + ((groups.length - scratch.matched[slot]) * MISSING_LEVEL));
	return {...combined, levels};
}

function matchGroup(group: Group, index: TermIndex, scratch: Scratch): GroupMatches {
	const results = group.alternatives.map(alternative => ({alternative, matches: matchAlternative(alternative, index, scratch)}));
	const stamp = scratch.nextStamp();
	const {groupScore, groupLevel, groupSeen, groupTouched} = scratch;
	let count = 0;
	// Per slot: the best weighted score, and the fields matched by any alternative (bit 8: the name through an exact one).
	for (const {alternative, matches} of results) {
		const {slots, scores, fields} = matches;
		for (let i = 0; i < slots.length; i++) {
			const slot = slots[i];
			const score = alternative.weight * scores[i];
			const marks = alternative.exact && (fields[i] & NAME_BIT) !== 0 ? fields[i] | EXACT_NAME : fields[i];
			if (groupSeen[slot] === stamp) {
				groupScore[slot] = Math.max(groupScore[slot], score);
				groupLevel[slot] |= marks;
			} else {
				groupSeen[slot] = stamp;
				groupScore[slot] = score;
				groupLevel[slot] = marks;
				groupTouched[count++] = slot;
			}
		}
	}

	const slots = groupTouched.slice(0, count);
	const scores = new Float64Array(count);
	const levels = new Uint16Array(count);
	for (let i = 0; i < count; i++) {
		const marks = groupLevel[slots[i]];
		scores[i] = groupScore[slots[i]];
		levels[i] = levelOf(marks & ~EXACT_NAME, (marks & EXACT_NAME) !== 0);
	}

	return {slots, scores, levels};
}

/** An alternative's matches: one term as TermIndex scores it; several terms must all match (scores summed, fields intersected). */
function matchAlternative(alternative: Alternative, index: TermIndex, scratch: Scratch): TokenMatches {
	const {terms, prefix, fuzzy} = alternative;
	const last = terms.length - 1;
	const parts = terms.map((term, i) => index.tokenMatches(term, {prefix: prefix && i === last, fuzzy}, scratch));
	if (parts.length === 1) {
		return parts[0];
	}

	// The slots every part matched, stamped part after part; scores summed and fields combined on the way.
	const {joinScore, joinFields, joinSeen} = scratch;
	let stamp = scratch.nextStamp();
	for (let i = 0; i < parts[0].slots.length; i++) {
		const slot = parts[0].slots[i];
		joinSeen[slot] = stamp;
		joinScore[slot] = parts[0].scores[i];
		joinFields[slot] = parts[0].fields[i];
	}

	for (const part of parts.slice(1)) {
		const previous = stamp;
		stamp = scratch.nextStamp();
		for (let i = 0; i < part.slots.length; i++) {
			const slot = part.slots[i];
			if (joinSeen[slot] === previous) {
				joinSeen[slot] = stamp;
				joinScore[slot] += part.scores[i];
				// Both in the name counts as a name match; else the weaker of the two fields.
				const both = joinFields[slot] & part.fields[i];
				joinFields[slot] = both === 0 ? weaker(joinFields[slot], part.fields[i]) : both;
			}
		}
	}

	const slots = parts.at(-1)!.slots.filter(slot => joinSeen[slot] === stamp);
	return {slots, scores: Float64Array.from(slots, slot => joinScore[slot]), fields: Uint8Array.from(slots, slot => joinFields[slot])};
}

/** Two terms' field masks with no field in common: the fields other than the name (one half in the name, the other in a parameter is a parameter match). */
function weaker(a: number, b: number): number {
	return (a | b) & ~NAME_BIT;
}
