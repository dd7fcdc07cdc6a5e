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

	/** A list of these sorted slots (kept, not copied). */
	static of(ids: Int32Array): Postings {
		const list = new Postings(0);
		list.ids = ids;
		list.size = ids.length;
		return list;
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

/** Several lists of slots in two arrays: each list's size, and every list's slots one after another. */
export type PackedLists = {sizes: Uint32Array; slots: Int32Array};

/** Packs lists of slots (undefined or empty lists pack as size 0). */
export function packLists(lists: ReadonlyArray<Postings | undefined>): PackedLists {
	const sizes = Uint32Array.from(lists, list => list?.size ?? 0);
	const slots = new Int32Array(sizes.reduce((sum, size) => sum + size, 0));
	let at = 0;
	for (const list of lists) {
		if (list) {
			slots.set(list.ids.subarray(0, list.size), at);
			at += list.size;
		}
	}

	return {sizes, slots};
}

/** The lists of `packLists` (size 0 → undefined); each a view on the packed slots, not a copy. */
export function unpackLists({sizes, slots}: PackedLists): Array<Postings | undefined> {
	const lists: Array<Postings | undefined> = [];
	let at = 0;
	for (const size of sizes) {
		lists.push(size === 0 ? undefined : Postings.of(slots.subarray(at, at + size)));
		at += size;
	}

	return lists;
}
