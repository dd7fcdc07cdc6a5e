import {setImmediate as nextTurn} from 'node:timers/promises';

/** How long synchronous scan work may hold the event loop before letting signals and timers run. */
const sliceMs = 20;

/**
 * Paces long synchronous work (walking folders, fingerprinting files) so the event loop keeps
 * turning: SIGINT/SIGTERM handlers and timers run within `sliceMs`, and a cancelled scan stops
 * at the next step. See docs/scanning-safety.md.
 */
export class Pacer {
	private last = Date.now();

	/** `cancelled` is asked at every step. */
	constructor(private readonly cancelled: () => boolean = () => false) {}

	/** Yields to the event loop when the current slice is used up; false once the scan is cancelled. */
	async step(): Promise<boolean> {
		if (Date.now() - this.last >= sliceMs) {
			await nextTurn();
			this.last = Date.now();
		}

		return !this.cancelled();
	}
}
