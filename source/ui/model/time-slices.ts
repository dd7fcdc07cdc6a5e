/** How a long job shares the event loop with key presses. */
export type Slicing = {
	/** Turns true when the job is no longer wanted (a reload started); the job then stops. */
	cancelled(): boolean;
	/** Longest stretch of work between two yields (ms). */
	budgetMs?: number;
	/** Gives the event loop a turn (default: setImmediate, so pending keys and frames run first). */
	yieldToInput?: () => Promise<void>;
	/** Clock (ms); tests pin it. */
	now?: () => number;
};

/** Work between two yields when not told otherwise: well under a frame (16 ms). */
export const DEFAULT_BUDGET_MS = 8;

const setImmediateYield = async (): Promise<void> => new Promise(resolve => {
	setImmediate(resolve);
});

/**
 * Calls `work` on every item, yielding to the event loop whenever `budgetMs` has passed, so keys
 * and frames are never held up for longer than that. Resolves false when cancelled (the rest is
 * skipped), true when every item was done. Cost: one clock read per item.
 */
export async function inTimeSlices<T>(items: Iterable<T>, work: (item: T) => void, slicing: Slicing): Promise<boolean> {
	const budget = slicing.budgetMs ?? DEFAULT_BUDGET_MS;
	const now = slicing.now ?? (() => performance.now());
	const yieldToInput = slicing.yieldToInput ?? setImmediateYield;
	let sliceStart = now();
	for (const item of items) {
		if (now() - sliceStart >= budget) {
			await yieldToInput();
			if (slicing.cancelled()) {
				return false;
			}

			sliceStart = now();
		}

		work(item);
	}

	return !slicing.cancelled();
}

/** The items of `list` in consecutive pages of `size` (the last one shorter). */
export function* pages<T>(list: readonly T[], size: number): Generator<T[]> {
	const step = Math.max(1, size);
	for (let start = 0; start < list.length; start += step) {
		yield list.slice(start, start + step);
	}
}
