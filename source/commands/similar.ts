import {UserError, usageError} from '../errors.js';
import {resolvePlugin} from './resolve.js';
import {withCatalogIndex} from '../search/catalog-index.js';
import type {Command} from './command.js';
import {parseWhole} from './options.js';
import {fit, writeJsonArray} from './output.js';

const help = `
  Usage
    $ pluginary similar ID-or-NAME [--limit N] [--json]

  Plugins like the given one, ranked by shared category, parameter names, I/O shape and vendor.
  The same plugin in another format comes first and is marked as a duplicate.

  Options
    --limit N    at most N plugins (20)
    --json       a JSON array of plugin items with "similarity" (0..) and "duplicate"

  Examples
    $ pluginary similar 'lv2:urn:zamaudio:ZamComp'
    $ pluginary similar ZamComp --limit 5 --json
`;

const similar: Command = {
	help,
	flags: ['limit', 'json'],
	run({args, flags, out, store}) {
		if (args.length !== 1) {
			throw usageError('Usage: pluginary similar ID-or-NAME [--limit N] [--json]');
		}

		const limit = parseWhole('limit', flags.limit, 1) ?? 20;
		const plugin = resolvePlugin(store(), args[0]!);
		const hits = withCatalogIndex(store(), index => index.similar(plugin.id, limit));
		if (!hits) {
			throw new UserError(`${plugin.id} changed while it was read; run the command again.`);
		}

		if (flags.json) {
			writeJsonArray(out, hits.map(hit => ({...hit.summary, similarity: Math.round(hit.score * 1000) / 1000, duplicate: hit.duplicate})));
			return 0;
		}

		out.line(out.paint('bold', `Plugins like ${plugin.name} (${plugin.format}, ${plugin.category})`));
		for (const hit of hits) {
			const mark = hit.duplicate ? out.paint('cyan', 'same plugin') : hit.score.toFixed(2).padStart(11);
			out.line(`${mark}  ${fit(hit.summary.name, 36)} ${fit(hit.summary.vendor, 20)} ${fit(hit.summary.format, 6)} ${hit.summary.category}`);
		}

		return 0;
	},
};

export default similar;
