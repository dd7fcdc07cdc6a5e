import {runCli} from './cli.js';
import {fixture} from './scan.js';
import {tempDbPath} from './temp.js';

let cached: string | undefined;

/**
 * A database holding a real scan of the good fixture plugins (all five formats), made once per
 * test process. Tests that change it must copy it first.
 */
export function fixtureCatalog(): string {
	if (!cached) {
		const dbPath = tempDbPath();
		const result = runCli(['scan', '--db', dbPath, '--path', fixture('good'), '--json']);
		if (result.status !== 0) {
			throw new Error(`fixture scan failed: ${result.stderr}`);
		}

		cached = dbPath;
	}

	return cached;
}
