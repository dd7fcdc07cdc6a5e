import type {Store} from '../db/open.js';
import type {CommandContext} from './command.js';

/**
 * Runs a full rescan into `store` after `cache repair` emptied the catalog (user data stays) and
 * returns the scan's exit code.
 */
export type RescanForRepair = (store: Store, context: CommandContext) => Promise<number>;

/**
 * THE PLUG-IN POINT FOR THE SCAN ENGINE. `cache repair` on a healthy database rebuilds the catalog
 * by clearing it and calling the function returned here. Until the scan engine provides `runScan`,
 * this returns undefined and repair only advises 'pluginary scan --rescan' (changing nothing).
 * Wire it as, e.g.:
 *   const {runScan} = await import('../scan/run.js');
 *   return async (store, {flags, out}) => runScan({store, full: true, flags, out});
 */
export async function loadRescanForRepair(): Promise<RescanForRepair | undefined> {
	return undefined;
}
