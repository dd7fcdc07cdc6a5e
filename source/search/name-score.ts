/**
 * How well the query words match a plugin name, in the spirit of fzf: each word is matched as a
 * subsequence of the name; matched letters at word starts (after punctuation, at camelCase and
 * letter/digit boundaries) and in runs of consecutive letters score more, gaps cost. Query words
 * found next to each other in the name, and names with little beyond the query (fzf's "shorter
 * wins"), score a little more. Returns 0 (nothing matches) … 1 (the name is the query). Used
 * to order ties and near-ties of the index's score. Cost: O(|word|·|name|) per word; what depends
 * on the name alone (lower case, word starts, letter count, words) is computed once per name and
 * cached.
 */
export function nameScore(queryWords: readonly string[], name: string): number {
	if (queryWords.length === 0) {
		return 0;
	}

	const {lower, boundaries, letters, nameWords} = profileOf(name);
	let total = 0;
	for (const word of queryWords) {
		total += wordScore(word.toLowerCase(), lower, boundaries);
	}

	if (total === 0) {
		return 0;
	}

	const queryLetters = queryWords.reduce((sum, word) => sum + word.length, 0);
	const coverage = letters === 0 ? 0 : Math.min(1, queryLetters / letters);
	return (0.75 * total / queryWords.length) + (0.15 * adjacency(queryWords, nameWords)) + (0.1 * coverage);
}

/** What nameScore needs of a name, independent of the query. */
type NameProfile = {lower: string; boundaries: boolean[]; letters: number; nameWords: string[]};

const profiles = new Map<string, NameProfile>();

function profileOf(name: string): NameProfile {
	let profile = profiles.get(name);
	if (!profile) {
		const lower = name.toLowerCase();
		profile = {
			lower,
			boundaries: wordStarts(name),
			letters: lower.replace(/[^\p{L}\p{N}]/gu, '').length,
			nameWords: lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
		};
		if (profiles.size > 100_000) {
			profiles.clear();
		}

		profiles.set(name, profile);
	}

	return profile;
}

/** Share of consecutive query word pairs that appear in that order, next to each other, in the name. */
function adjacency(queryWords: readonly string[], nameWords: readonly string[]): number {
	if (queryWords.length < 2) {
		return 1;
	}

	let adjacent = 0;
	for (let i = 1; i < queryWords.length; i++) {
		const [before, after] = [queryWords[i - 1].toLowerCase(), queryWords[i].toLowerCase()];
		if (nameWords.some((word, at) => word.startsWith(before) && (nameWords[at + 1]?.startsWith(after) ?? false))) {
			adjacent++;
		}
	}

	return adjacent / (queryWords.length - 1);
}

const matchPoints = 16;
const boundaryBonus = 8;
const consecutiveBonus = 6;
const gapStart = 3;
const gapExtension = 1;
const perfect = matchPoints + boundaryBonus + consecutiveBonus;

function wordScore(word: string, name: string, boundaries: boolean[]): number {
	if (word === '') {
		return 0;
	}

	let best = 0;
	for (let start = name.indexOf(word[0]); start !== -1; start = name.indexOf(word[0], start + 1)) {
		best = Math.max(best, scoreFrom(word, name, boundaries, start));
	}

	return Math.max(0, best) / (perfect * word.length);
}

function scoreFrom(word: string, name: string, boundaries: boolean[], start: number): number {
	let score = 0;
	let at = start;
	let previous = -2;
	for (let i = 0; i < word.length; i++) {
		// Prefer continuing the run; otherwise the next boundary holding the letter; else the next one.
		let found = previous + 1 < name.length && name[previous + 1] === word[i] && i > 0 ? previous + 1 : -1;
		if (found === -1) {
			found = nextBoundaryMatch(word[i], name, boundaries, at);
		}

		if (found === -1) {
			found = name.indexOf(word[i], at);
		}

		if (found === -1) {
			return 0;
		}

		score += matchPoints;
		if (boundaries[found]) {
			score += boundaryBonus;
		}

		if (found === previous + 1) {
			score += consecutiveBonus;
		} else if (i > 0) {
			score -= gapStart + gapExtension * (found - previous - 1);
		} else if (found === start && boundaries[found]) {
			score += consecutiveBonus;
		}

		previous = found;
		at = found + 1;
	}

	return score;
}

function nextBoundaryMatch(letter: string, name: string, boundaries: boolean[], from: number): number {
	for (let i = from; i < name.length; i++) {
		if (boundaries[i] && name[i] === letter) {
			return i;
		}
	}

	return -1;
}

/** For each character of `name`: does a word start there (camelCase and digit boundaries count)? */
function wordStarts(name: string): boolean[] {
	const starts: boolean[] = [];
	for (let i = 0; i < name.length; i++) {
		const char = name[i];
		const before = i > 0 ? name[i - 1] : ' ';
		const isAlnum = /[\p{L}\p{N}]/u.test(char);
		const beforeAlnum = /[\p{L}\p{N}]/u.test(before);
		const camel = /\p{Lu}/u.test(char) && /\p{Ll}/u.test(before);
		const digit = /\p{N}/u.test(char) !== /\p{N}/u.test(before) && beforeAlnum;
		starts.push(isAlnum && (!beforeAlnum || camel || digit));
	}

	return starts;
}
