/** A long job's handle, as the scan and check engines return it. */
export type JobHandle<E, S> = {events: AsyncIterable<E>; cancel(): void; done: Promise<S>};

/**
 * A handle whose engine loads on first use (a dynamic import, so the explorer's first frame does
 * not pay for the scan or check engine): its events start once the module has loaded and the real
 * job has started; cancel before that stops it from starting.
 */
export function lazyHandle<E, S>(start: () => Promise<JobHandle<E, S>>): JobHandle<E, S> {
	let cancelled = false;
	let real: JobHandle<E, S> | undefined;
	const started = start().then(handle => {
		real = handle;
		if (cancelled) {
			real.cancel();
		}

		return real;
	});
	const done: Promise<S> = started.then(async handle => handle.done);
	done.catch(() => undefined);
	return {
		events: {
			async *[Symbol.asyncIterator](): AsyncGenerator<E> {
				const handle = await started;
				yield * handle.events;
			},
		},
		cancel() {
			cancelled = true;
			real?.cancel();
		},
		done,
	};
}
