import {words} from '../catalog/text.js';
import type {SearchDocument} from './document.js';
import {wordsOf} from './text-filter-index.js';

const lowerCache = new Map<string, string>();

function lowerOf(text: string): string {
	let lower = lowerCache.get(text);
	if (lower === undefined) {
		lower = text.toLowerCase();
		if (lowerCache.size > 200_000) {
			lowerCache.clear();
		}

		lowerCache.set(text, lower);
	}

	return lower;
}

/**
 * A quoted phrase's test: true when its words appear in order at word starts of the name, vendor,
 * category, a tag or a parameter name — exactly `matchesWordPrefix(text, phrase)` on each of them,
 * with the phrase's words computed once and the texts' words and lower-case forms cached.
 */
export class PhraseMatcher {
	private readonly wanted: string;
	private readonly wantedWords: string[];

	constructor(phrase: string) {
		this.wanted = phrase.toLowerCase();
		this.wantedWords = words(this.wanted);
	}

	/** True when the phrase matches one of the document's texts. */
	matches({summary, parameterNames}: SearchDocument): boolean {
		return this.matchesText(summary.name) || this.matchesText(summary.vendor) || this.matchesText(summary.category)
			|| summary.tags.some(tag => this.matchesText(tag)) || parameterNames.some(name => this.matchesText(name));
	}

	/** `matchesWordPrefix(text, phrase)`. */
	matchesText(text: string): boolean {
		const {wanted, wantedWords} = this;
		if (wanted === '' || lowerOf(text).startsWith(wanted)) {
			return true;
		}

		const textWords = wordsOf(text);
		if (wantedWords.length > 1) {
			const last = wantedWords.length - 1;
			for (let start = 0; start + last < textWords.length; start++) {
				let all = true;
				for (let i = 0; i <= last && all; i++) {
					const candidate = textWords[start + i];
					all = i === last ? candidate.startsWith(wantedWords[i]) : candidate === wantedWords[i];
				}

				if (all) {
					return true;
				}
			}

			return false;
		}

		const needle = wantedWords[0] ?? wanted;
		return textWords.some(word => word.startsWith(needle));
	}
}
