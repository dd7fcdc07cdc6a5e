import SearchableMap from 'minisearch/SearchableMap';
import {Postings, packLists, unpackLists, type PackedLists} from './postings.js';
import {combineTokens, FIELD_COUNT, fuzzyDistance, FUZZY_WEIGHT, PARAMS, PREFIX_WEIGHT, scoreTermInto, Term} from './scoring.js';
import type {Scratch} from './scratch.js';

/** A TermIndex as plain arrays (see `TermIndex.parts`): what a saved index stores. */
export type TermParts = {
	/** Every term, in creation order (the order the SearchableMap was filled, so expansions add scores in the same order). */
	terms: string[];
	/** Posting lists, term by term and field by field (FIELD_COUNT lists per term; an empty list is no list). */
	postings: PackedLists;
	fieldLength: Uint32Array[];
	avgFieldLength: Float64Array;
	count: number;
};

/** One token's matches: slots, their scores, and the fields each matched in (a bit per field). */
export type TokenMatches = {slots: Int32Array; scores: Float64Array; fields: Uint8Array};

/**
 * The inverted index at the core of search: terms → per-field posting lists, field lengths, and
 * BM25+ scoring of query tokens with prefix and fuzzy expansion. Matching through `match` gives
 * exactly MiniSearch's hits and scores for the same fields, boosts and options (a property test
 * holds it to that); the matching rules of docs/search.md (vocabulary, infix, compounds, swapped
 * letters, field priority) are built on top of `tokenMatches` by the query side, not in here.
 *
 * Cost: adding a document is linear in its terms; a token costs its exact, prefix and fuzzy
 * lookups in the SearchableMap plus the postings of the terms found.
 */
export class TermIndex {
	/** Every term (for prefix and fuzzy expansion) and the same as a plain map (exact lookups). */
	private readonly terms = new SearchableMap<Term>();
	private readonly termOf = new Map<string, Term>();
	private readonly avgFieldLength = new Float64Array(FIELD_COUNT);
	private fieldLength: Uint32Array[] = [];
	private count = 0;
	/** The terms of the name field, for infix lookups (rebuilt when a new name term appears). */
	private nameTerms: string[] | undefined;

	/** An index of these parts (read-only use: the parts' arrays are shared, not copied). */
	static fromParts(parts: TermParts): TermIndex {
		const index = new TermIndex();
		const lists = unpackLists(parts.postings);
		parts.terms.forEach((text, at) => {
			const term = index.term(text);
			for (let field = 0; field < FIELD_COUNT; field++) {
				term.postings[field] = lists[(at * FIELD_COUNT) + field];
			}
		});
		index.fieldLength = parts.fieldLength;
		index.avgFieldLength.set(parts.avgFieldLength);
		index.count = parts.count;
		return index;
	}

	/** Every term (in creation order) with its postings, field lengths and counts: the parts `fromParts` takes. */
	parts(): TermParts {
		const terms = [...this.termOf.values()];
		return {
			terms: terms.map(term => term.text),
			postings: packLists(terms.flatMap(term => term.postings)),
			fieldLength: this.fieldLength,
			avgFieldLength: this.avgFieldLength,
			count: this.count,
		};
	}

	/** The term of a token, created on first use. */
	term(text: string): Term {
		let term = this.termOf.get(text);
		if (!term) {
			term = new Term(text);
			this.termOf.set(text, term);
			this.terms.set(text, term);
		}

		return term;
	}

	/** Makes room for slots below `capacity`. */
	grow(capacity: number): void {
		this.fieldLength = Array.from({length: FIELD_COUNT}, (_, field) => {
			const next = new Uint32Array(capacity);
			next.set(this.fieldLength[field] ?? new Uint32Array(0));
			return next;
		});
	}

	/** Indexes a document at `slot`: the distinct terms of each field, in field order. */
	add(slot: number, fields: Term[][]): void {
		const before = this.count++;
		for (let field = 0; field < FIELD_COUNT; field++) {
			const terms = fields[field];
			// A field's length as MiniSearch counts it (its distinct tokens); the parameter field of a
			// plugin without parameter words counts 1 (MiniSearch sees one empty token there).
			const length = field === PARAMS && terms.length === 0 ? 1 : terms.length;
			this.fieldLength[field][slot] = length;
			this.avgFieldLength[field] = ((this.avgFieldLength[field] * before) + length) / (before + 1);
			for (const term of terms) {
				if (field === 0 && !term.postings[0]) {
					this.nameTerms = undefined;
				}

				(term.postings[field] ??= new Postings(1)).add(slot);
			}
		}
	}

	/** Forgets the document at `slot` (the same field terms it was added with). */
	remove(slot: number, fields: Term[][]): void {
		const count = this.count--;
		for (let field = 0; field < FIELD_COUNT; field++) {
			// As MiniSearch keeps its average field lengths (scores stay identical).
			this.avgFieldLength[field] = count === 1 ? 0 : ((this.avgFieldLength[field] * count) - this.fieldLength[field][slot]) / (count - 1);
			for (const term of fields[field]) {
				const list = term.postings[field];
				list?.delete(slot);
				if (list?.size === 0) {
					term.postings[field] = undefined;
					this.nameTerms = field === 0 ? undefined : this.nameTerms;
				}
			}
		}
	}

	/** Releases spare posting capacity (after a bulk build). */
	trim(): void {
		for (const term of this.termOf.values()) {
			for (const list of term.postings) {
				list?.trim();
			}
		}
	}

	/** True when some document holds this exact term (in `field` only, when given). */
	has(text: string, field?: number): boolean {
		const term = this.termOf.get(text);
		return term !== undefined && (field === undefined ? term.postings.some(Boolean) : term.postings[field] !== undefined);
	}

	/** True when some indexed term starts with `text`. */
	hasPrefix(text: string): boolean {
		for (const [, term] of this.terms.atPrefix(text)) {
			if (term.postings.some(Boolean)) {
				return true;
			}
		}

		return false;
	}

	/** Name terms holding `text` after their first letter (shortest first, at most `limit`). */
	infixTerms(text: string, limit: number): string[] {
		this.nameTerms ??= [...this.termOf.values()].filter(term => term.postings[0]).map(term => term.text).sort((a, b) => a.length - b.length);
		const found: string[] = [];
		for (const term of this.nameTerms) {
			if (term.length > text.length && term.indexOf(text, 1) !== -1) {
				found.push(term);
				if (found.length === limit) {
					break;
				}
			}
		}

		return found;
	}

	/**
	 * MiniSearch's `search` over the query tokens with `prefix: true` and fuzzy matching for long
	 * words: AND of the tokens, OR when AND finds nothing. Unordered slots and scores.
	 */
	match(tokens: readonly string[], scratch: Scratch): {slots: number[]; scores: number[]} {
		const perToken = tokens.map(token => this.tokenMatches(token, {prefix: true, fuzzy: true}, scratch));
		const result = combineTokens(perToken, 'and', scratch);
		return result.slots.length === 0 && tokens.length > 1 ? combineTokens(perToken, 'or', scratch) : result;
	}

	/**
	 * One token's matches, copied out of the scratch arrays: the exact term, and with `prefix` the
	 * longer terms starting with it, with `fuzzy` (words over 5 letters) the terms within
	 * MiniSearch's edit distance — each weighted as MiniSearch weights it.
	 */
	tokenMatches(token: string, expand: {prefix: boolean; fuzzy: boolean}, scratch: Scratch): TokenMatches {
		const stamp = scratch.nextStamp();
		const count = this.scoreToken(token, expand, scratch, stamp);
		const slots = scratch.tokenTouched.slice(0, count);
		const scores = new Float64Array(count);
		const fields = new Uint8Array(count);
		for (let i = 0; i < count; i++) {
			scores[i] = scratch.tokenScore[slots[i]];
			fields[i] = scratch.tokenFields[slots[i]];
		}

		return {slots, scores, fields};
	}

	private scoreToken(term: string, expand: {prefix: boolean; fuzzy: boolean}, scratch: Scratch, stamp: number): number {
		const stats = {documentCount: this.count, avgFieldLength: this.avgFieldLength, fieldLength: this.fieldLength};
		let count = scoreTermInto(this.termOf.get(term), 1, stats, scratch, stamp, 0);
		const distance = expand.fuzzy ? fuzzyDistance(term) : 0;
		const fuzzyMatches = distance > 0 ? this.terms.fuzzyGet(term, distance) : undefined;
		if (expand.prefix) {
			for (const [derived, data] of this.terms.atPrefix(term)) {
				const extra = derived.length - term.length;
				if (!extra) {
					continue;
				}

				fuzzyMatches?.delete(derived);
				const weight = PREFIX_WEIGHT * derived.length / (derived.length + (0.3 * extra));
				count = scoreTermInto(data, weight, stats, scratch, stamp, count);
			}
		}

		if (fuzzyMatches) {
			for (const [derived, [data, edits]] of fuzzyMatches) {
				if (!edits) {
					continue;
				}

				const weight = FUZZY_WEIGHT * derived.length / (derived.length + edits);
				count = scoreTermInto(data, weight, stats, scratch, stamp, count);
			}
		}

		return count;
	}
}
