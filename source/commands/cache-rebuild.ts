import type {CommandContext} from './command.js';

/**
 * Rebuilds the catalog by a full rescan after `cache repair` emptied it (user data stays), with
 * the scan's usual progress and summary; the caller holds the scan lock. Returns the scan's exit code.
 */
export async function rescanForRepair(context: CommandContext): Promise<number> {
	const {runScanCommand, scanOptionsFrom} = await import('./scan.js');
	return runScanCommand(context, {...scanOptionsFrom(context), full: true, holdsLock: true});
}
