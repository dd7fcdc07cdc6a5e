import {LONGEST_SPELLING, otherSpellings} from './field-vocabulary.js';
import {FUZZY_WEIGHT} from './scoring.js';

/** One way a query word can match: terms that must all match, and how much such a match weighs. */
export type Alternative = {
	/** Index terms, all required (one for most alternatives; two for a split compound; a phrase's words). */
	terms: string[];
	/** Multiplies the BM25+ score of the match (the typed word weighs 1). */
	weight: number;
	/** The last term also matches longer terms starting with it. */
	prefix: boolean;
	/** Typo matches within MiniSearch's edit distance (the typed word only). */
	fuzzy: boolean;
	/** True when a name match through it counts as the typed word itself (typo, compound); false for vocabulary and infix matches. */
	exact: boolean;
	/** A name term found to hold the typed word after its first letter (the infix rule). */
	inside?: boolean;
};

/** One query word (or a vocabulary phrase of consecutive words) with every way it can match. */
export type Group = {
	/** The word or words as typed. */
	typed: string[];
	alternatives: Alternative[];
};

/** What expansion asks of the index: which terms exist. */
export type Lexicon = {
	/** True when the exact term is indexed (in the name field only with `nameOnly`). */
	has(text: string, nameOnly?: boolean): boolean;
	/** True when some indexed term starts with the text. */
	hasPrefix(text: string): boolean;
	/** Name terms holding the text after their first letter. */
	infixTerms(text: string, limit: number): string[];
};

/** A vocabulary spelling weighs half the typed word. */
export const SYNONYM_WEIGHT = 0.5;
/** A word found inside a name word. */
export const INFIX_WEIGHT = 0.4;
/** Two words typed together found as two words of a name ("xover" → "X-Over"). */
export const SPLIT_WEIGHT = 0.8;
const MAX_INFIX_TERMS = 40;

/**
 * The term-expansion step of search: turns the query's words into groups of alternatives. The
 * typed word itself (prefix + fuzzy, exactly as MiniSearch matches it) is always the first
 * alternative; the others add the matching rules of docs/search.md — vocabulary spellings,
 * a word inside a name word (infix), words typed apart found as one compound and the reverse,
 * and swapped neighbouring letters. Cost: a few map lookups per word, plus one pass over the
 * name terms for the infix rule.
 */
export function expandQuery(tokens: readonly string[], lexicon: Lexicon): Group[] {
	const groups: Group[] = [];
	for (let i = 0; i < tokens.length;) {
		const phrase = phraseAt(tokens, i);
		if (phrase) {
			groups.push(phrase);
			i += phrase.typed.length;
			continue;
		}

		groups.push(wordGroup(tokens[i], lexicon));
		i++;
	}

	addCompounds(groups, lexicon);
	return groups;
}

/** A vocabulary spelling of several words typed next to each other ("noise gate"), as one group. */
function phraseAt(tokens: readonly string[], start: number): Group | undefined {
	for (let length = Math.min(LONGEST_SPELLING, tokens.length - start); length >= 2; length--) {
		const typed = tokens.slice(start, start + length);
		const others = otherSpellings(typed.join(' '));
		if (others.length > 0) {
			return {typed, alternatives: [{terms: typed, weight: 1, prefix: true, fuzzy: false, exact: true}, ...others.map(synonym)]};
		}
	}

	return undefined;
}

function synonym(terms: string[]): Alternative {
	return {terms, weight: SYNONYM_WEIGHT, prefix: true, fuzzy: false, exact: false};
}

function wordGroup(token: string, lexicon: Lexicon): Group {
	const alternatives: Alternative[] = [{terms: [token], weight: 1, prefix: true, fuzzy: true, exact: true}];
	alternatives.push(...otherSpellings(token).map(synonym), ...swaps(token, lexicon), ...splits(token, lexicon));
	if (token.length >= 3) {
		for (const term of lexicon.infixTerms(token, MAX_INFIX_TERMS)) {
			alternatives.push({terms: [term], weight: INFIX_WEIGHT * token.length / term.length, prefix: false, fuzzy: false, exact: false, inside: true});
		}
	}

	return {typed: [token], alternatives};
}

/** Swapped neighbouring letters count as one typo ("revreb" → "reverb"), weighted as a one-edit fuzzy match. */
function swaps(token: string, lexicon: Lexicon): Alternative[] {
	const found: Alternative[] = [];
	if (token.length < 3) {
		return found;
	}

	const seen = new Set<string>([token]);
	for (let i = 0; i + 1 < token.length; i++) {
		const swapped = token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2);
		if (seen.has(swapped)) {
			continue;
		}

		seen.add(swapped);
		const prefix = swapped.length >= 4 && lexicon.hasPrefix(swapped);
		if (prefix || lexicon.has(swapped)) {
			found.push({terms: [swapped], weight: FUZZY_WEIGHT * swapped.length / (swapped.length + 1), prefix, fuzzy: false, exact: true});
		}
	}

	return found;
}

/** Words typed together that a name holds apart ("xover" → "X-Over", "deesser" → "De Esser"). */
function splits(token: string, lexicon: Lexicon): Alternative[] {
	const found: Alternative[] = [];
	if (token.length < 4 || token.length > 24 || !/^\p{L}+$/u.test(token)) {
		return found;
	}

	for (let at = 1; at <= token.length - 2 && found.length < 3; at++) {
		const [head, tail] = [token.slice(0, at), token.slice(at)];
		if (lexicon.has(head, true) && (lexicon.has(tail, true) || (tail.length >= 3 && lexicon.hasPrefix(tail)))) {
			found.push({terms: [head, tail], weight: SPLIT_WEIGHT, prefix: true, fuzzy: false, exact: false});
		}
	}

	return found;
}

/** Words typed apart that a name holds as one ("mono synth" → "Monosynth", "de-esser" → "DeEsser"). */
function addCompounds(groups: Group[], lexicon: Lexicon): void {
	for (let i = 0; i + 1 < groups.length; i++) {
		const [left, right] = [groups[i], groups[i + 1]];
		if (left.typed.length !== 1 || right.typed.length !== 1) {
			continue;
		}

		const joined = left.typed[0] + right.typed[0];
		if (lexicon.hasPrefix(joined)) {
			const compound: Alternative = {terms: [joined], weight: 1, prefix: true, fuzzy: false, exact: true};
			left.alternatives.push(compound);
			right.alternatives.push(compound);
		}
	}
}
