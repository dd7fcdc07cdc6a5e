/**
 * A sorted set of document slots (small non-negative integers) in a growable Int32Array: the
 * posting list of the search index. Appending a slot larger than every other one is O(1)
 * amortised (the build path); inserting or deleting elsewhere is a binary search plus a move.
 */
export class Postings {
	/** The slots, ascending; only the first `size` are valid. */
	ids: Int32Array;
	size = 0;

	constructor(capacity = 2) {
		this.ids = new Int32Array(capacity);
	}

	/** Adds a slot (no-op when present). */
	add(slot: number): void {
		const {size} = this;
		if (size === 0 || this.ids[size - 1] < slot) {
			this.grow();
			this.ids[this.size++] = slot;
			return;
		}

		const at = this.lowerBound(slot);
		if (at < size && this.ids[at] === slot) {
			return;
		}

		this.grow();
		this.ids.copyWithin(at + 1, at, size);
		this.ids[at] = slot;
		this.size++;
	}

	/** Removes a slot; true when it was present. */
	delete(slot: number): boolean {
		const at = this.lowerBound(slot);
		if (at >= this.size || this.ids[at] !== slot) {
			return false;
		}

		this.ids.copyWithin(at, at + 1, this.size);
		this.size--;
		if (this.size > 8 && this.size * 4 < this.ids.length) {
			this.ids = this.ids.slice(0, this.size * 2);
		}

		return true;
	}

	/** True when the slot is present. */
	has(slot: number): boolean {
		const at = this.lowerBound(slot);
		return at < this.size && this.ids[at] === slot;
	}

	/** Releases spare capacity (after a bulk build). */
	trim(): void {
		if (this.ids.length > this.size) {
			this.ids = this.ids.slice(0, Math.max(1, this.size));
		}
	}

	private grow(): void {
		if (this.size === this.ids.length) {
			const next = new Int32Array(Math.max(2, this.ids.length * 2));
			next.set(this.ids);
			this.ids = next;
		}
	}

	private lowerBound(slot: number): number {
		let low = 0;
		let high = this.size;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.ids[middle] < slot) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		return low;
	}
}
