/** Buffers of a search that live across searches, and the selection step of ranking. */

/** Reusable per-search arrays indexed by slot. */
export class Scratch {
	readonly tokenScore: Float64Array;
	readonly tokenSeen: Uint32Array;
	readonly tokenTouched: Int32Array;
	/** Fields a token matched in, a bit per field (see scoreTermInto). */
	readonly tokenFields: Uint8Array;
	readonly total: Float64Array;
	readonly matched: Uint16Array;
	readonly seen: Uint32Array;
	readonly touched: Int32Array;
	/** A query word's best score over its alternatives, and its best field level (see match.ts). */
	readonly groupScore: Float64Array;
	readonly groupLevel: Uint16Array;
	readonly groupSeen: Uint32Array;
	readonly groupTouched: Int32Array;
	/** Sum of the words' levels of a slot. */
	readonly levelSum: Uint32Array;
	/** An alternative of several terms: the summed score and common fields so far (see match.ts). */
	readonly joinScore: Float64Array;
	readonly joinFields: Uint8Array;
	readonly joinSeen: Uint32Array;
	private stamp = 0;

	constructor(capacity: number) {
		this.tokenScore = new Float64Array(capacity);
		this.tokenSeen = new Uint32Array(capacity);
		this.tokenTouched = new Int32Array(capacity);
		this.tokenFields = new Uint8Array(capacity);
		this.total = new Float64Array(capacity);
		this.matched = new Uint16Array(capacity);
		this.seen = new Uint32Array(capacity);
		this.touched = new Int32Array(capacity);
		this.groupScore = new Float64Array(capacity);
		this.groupLevel = new Uint16Array(capacity);
		this.groupSeen = new Uint32Array(capacity);
		this.groupTouched = new Int32Array(capacity);
		this.levelSum = new Uint32Array(capacity);
		this.joinScore = new Float64Array(capacity);
		this.joinFields = new Uint8Array(capacity);
		this.joinSeen = new Uint32Array(capacity);
	}

	/** A value no slot is marked with yet. */
	nextStamp(): number {
		if (this.stamp >= 0xFF_FF_FF_F0) {
			this.stamp = 0;
			this.tokenSeen.fill(0);
			this.seen.fill(0);
			this.groupSeen.fill(0);
			this.joinSeen.fill(0);
		}

		return ++this.stamp;
	}
}

/** The k-th largest value (1-based) of a non-empty list. Cost: O(n) expected (quickselect on a copy). */
export function kthLargest(values: readonly number[], k: number): number {
	const list = Float64Array.from(values);
	const target = Math.max(0, Math.min(list.length, k) - 1);
	let low = 0;
	let high = list.length - 1;
	while (low < high) {
		const pivot = list[(low + high) >>> 1];
		let i = low;
		let j = high;
		while (i <= j) {
			while (list[i] > pivot) {
				i++;
			}

			while (list[j] < pivot) {
				j--;
			}

			if (i <= j) {
				const swap = list[i];
				list[i] = list[j];
				list[j] = swap;
				i++;
				j--;
			}
		}

		if (target <= j) {
			high = j;
		} else if (target >= i) {
			low = i;
		} else {
			break;
		}
	}

	return list[target];
}

/**
 * The best `k` items offered so far in `order` (what `items.sort(order).slice(0, k)` keeps), in a
 * heap whose root is the worst of them. Cost: O(log k) per offer.
 */
export class BestOf<T> {
	private readonly heap: T[] = [];

	constructor(private readonly k: number, private readonly order: (a: T, b: T) => number) {}

	/** True when k items are kept (the next one must beat `worst`). */
	get full(): boolean {
		return this.heap.length >= this.k;
	}

	/** The worst item kept (the root). */
	get worst(): T | undefined {
		return this.heap[0];
	}

	offer(item: T): void {
		const {heap} = this;
		if (heap.length < this.k) {
			heap.push(item);
			for (let at = heap.length - 1; at > 0 && this.worse(at, (at - 1) >> 1); at = (at - 1) >> 1) {
				this.swap(at, (at - 1) >> 1);
			}
		} else if (this.k > 0 && this.order(item, heap[0]) < 0) {
			heap[0] = item;
			this.siftDown();
		}
	}

	/** The items kept, best first. */
	sorted(): T[] {
		return [...this.heap].sort(this.order);
	}

	private siftDown(): void {
		const {heap} = this;
		for (let at = 0; ;) {
			const [left, right] = [(2 * at) + 1, (2 * at) + 2];
			let worst = at;
			if (left < heap.length && this.worse(left, worst)) {
				worst = left;
			}

			if (right < heap.length && this.worse(right, worst)) {
				worst = right;
			}

			if (worst === at) {
				return;
			}

			this.swap(at, worst);
			at = worst;
		}
	}

	private worse(i: number, j: number): boolean {
		return this.order(this.heap[i], this.heap[j]) > 0;
	}

	private swap(i: number, j: number): void {
		[this.heap[i], this.heap[j]] = [this.heap[j], this.heap[i]];
	}
}
