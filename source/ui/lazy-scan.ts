import type {ScanEvent, ScanHandle, ScanSummary} from '../scan/events.js';
import type {ScanOptions} from '../scan/run.js';

/** Loads the scan engine's module (a dynamic import, so the explorer's first frame does not pay for it). */
export type ScanModuleLoader = () => Promise<{startScan(options: ScanOptions): ScanHandle}>;

/**
 * A ScanHandle that loads the scan engine on first use: its events start once the module has
 * loaded and the real scan has started; cancel before that stops it from starting.
 */
export function lazyScan(load: ScanModuleLoader, options: ScanOptions): ScanHandle {
	let cancelled = false;
	let real: ScanHandle | undefined;
	const started = load().then(module => {
		real = module.startScan(options);
		if (cancelled) {
			real.cancel();
		}

		return real;
	});
	const done: Promise<ScanSummary> = started.then(async handle => handle.done);
	done.catch(() => undefined);
	return {
		events: {
			async *[Symbol.asyncIterator](): AsyncGenerator<ScanEvent> {
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
