/** Edit distance between two strings, counting an adjacent transposition as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
	let beforePrevious: number[] = [];
	let previous = Array.from({length: b.length + 1}, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, beforePrevious[j - 2]! + 1);
			}

			current.push(best);
		}

		beforePrevious = previous;
		previous = current;
	}

	return previous[b.length]!;
}

/** The closest of `choices` to `value` when it is close enough to be a likely typo, else undefined. */
export function closest(value: string, choices: readonly string[]): string | undefined {
	const wanted = value.toLowerCase();
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const choice of choices) {
		const distance = editDistance(wanted, choice.toLowerCase());
		if (distance < bestDistance) {
			best = choice;
			bestDistance = distance;
		}
	}

	return best !== undefined && bestDistance <= Math.max(1, Math.floor(wanted.length / 3)) ? best : undefined;
}
