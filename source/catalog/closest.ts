/**
 * Edit distance between `a` and `b`, counting an adjacent transposition as one edit (optimal
 * string alignment), giving up early: returns `max + 1` as soon as the distance must exceed `max`.
 * Cost: O(|a|·|b|) worst case, far less when it gives up.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
	if (Math.abs(a.length - b.length) > max) {
		return max + 1;
	}

	let beforePrevious: number[] = [];
	let previous = Array.from({length: b.length + 1}, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, beforePrevious[j - 2]! + 1);
			}

			current.push(value);
			rowMin = Math.min(rowMin, value);
		}

		if (rowMin > max) {
			return max + 1;
		}

		beforePrevious = previous;
		previous = current;
	}

	return previous[b.length]!;
}

/** How many edits a word of this length may be off and still count as a typo. */
export function defaultMaxEdits(word: string): number {
	return Math.min(3, Math.max(1, Math.floor(word.length / 3)));
}

/**
 * The candidate closest to `word` (case-insensitive; a candidate it starts counts as half an edit),
 * or undefined when none is within `max` edits — for "did you mean" in errors and suggestions.
 */
export function closest(word: string, candidates: readonly string[], max = defaultMaxEdits(word)): string | undefined {
	const wanted = word.toLowerCase();
	let best: string | undefined;
	let bestDistance = max + 1;
	for (const candidate of candidates) {
		const lower = candidate.toLowerCase();
		const distance = lower.startsWith(wanted) && wanted.length >= 2 ? 0.5 : editDistance(wanted, lower, max);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}

	return best;
}
