import {notFoundError, usageError} from '../errors.js';
import type {Store} from '../db/open.js';
import {findPlugin} from '../db/queries/plugins.js';
import type {PluginRecord} from '../catalog/plugin.js';

/**
 * The plugin an argument names: an exact id, else a case-insensitive exact name. Unknown → a
 * not-found error (exit 3); a name shared by several plugins → a usage error listing their ids (exit 2).
 */
export function resolvePlugin(store: Store, idOrName: string): PluginRecord {
	const found = findPlugin(store, idOrName);
	if (found.kind === 'found') {
		return found.record;
	}

	if (found.kind === 'ambiguous') {
		const ids = found.candidates.map(candidate => candidate.id);
		throw usageError(`${ids.length} plugins are named '${idOrName}' (${ids.join(', ')}); give one id.`);
	}

	throw notFoundError(`No plugin has the id or name '${idOrName}'; see 'pluginary list' or 'pluginary search'.`);
}
