/**
 * A single-reader async queue: `push` never blocks, `close` ends iteration after the queued items.
 * The scan's event stream is one.
 */
export class Channel<T> implements AsyncIterable<T> {
	private readonly items: T[] = [];
	private waiting: ((result: IteratorResult<T>) => void) | undefined;
	private closed = false;

	/** Queues an item (dropped after close). */
	push(item: T): void {
		if (this.closed) {
			return;
		}

		if (this.waiting) {
			const resolve = this.waiting;
			this.waiting = undefined;
			resolve({value: item, done: false});
		} else {
			this.items.push(item);
		}
	}

	/** Ends the stream once the queued items are read. */
	close(): void {
		this.closed = true;
		if (this.waiting && this.items.length === 0) {
			const resolve = this.waiting;
			this.waiting = undefined;
			resolve({value: undefined, done: true});
		}
	}

	[Symbol.asyncIterator](): AsyncIterator<T> {
		return {
			next: async () => {
				if (this.items.length > 0) {
					return {value: this.items.shift()!, done: false};
				}

				if (this.closed) {
					return {value: undefined, done: true};
				}

				return new Promise(resolve => {
					this.waiting = resolve;
				});
			},
		};
	}
}
