/**
 * The one way pluginary writes several statements at once. A write transaction starts with
 * BEGIN IMMEDIATE, so it takes SQLite's write lock before reading anything: a writer that has to
 * wait does so in the busy timeout, and never ends with SQLITE_BUSY_SNAPSHOT (a read snapshot
 * that another process's commit made stale). When SQLite still reports busy — the timeout ran
 * out, or a snapshot went stale — the whole transaction is rolled back and run again, a few times
 * (docs/reliability.md).
 */
import type {Store} from './open.js';
import {isBusy} from './store-errors.js';

/** How often a whole transaction is tried when SQLite reports busy. */
const attempts = 4;

/**
 * Runs `work` in one write transaction (all of it or none of it). Inside another write transaction
 * it simply runs as part of that one. `work` may run more than once, so it must not have effects
 * outside the database.
 */
export function withWriteTransaction<T>(store: Store, work: () => T): T {
	if (store.sqlite.inTransaction) {
		return work();
	}

	const transaction = store.sqlite.transaction(work);
	return retryWhenBusy(() => transaction.immediate());
}

/** Runs `attempt` again (after a short pause) while it fails with SQLite's busy error, up to a few times. */
export function retryWhenBusy<T>(attempt: () => T): T {
	for (let tried = 1; ; tried++) {
		try {
			return attempt();
		} catch (error) {
			if (!isBusy(error) || tried >= attempts) {
				throw error;
			}

			pause(25 * tried);
		}
	}
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread for `ms` (better-sqlite3 is synchronous; so is its busy wait). */
function pause(ms: number): void {
	Atomics.wait(sleeper, 0, 0, ms);
}
