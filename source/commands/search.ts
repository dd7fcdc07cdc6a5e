import {usageError} from '../errors.js';
import {loadConfig} from '../config/load.js';
import {withCatalogIndex} from '../search/catalog-index.js';
import {QueryError} from '../search/query.js';
import type {Command} from './command.js';
import {writeTable} from './list.js';
import {parseWhole} from './options.js';
import {writeJsonArray} from './output.js';
import {withGroup} from '../db/queries/groups.js';

const help = `
  Usage
    $ pluginary search QUERY [options]

  Free words match names, vendors, categories, formats, tags and parameter names (fuzzy and by
  prefix; names count most). Filters mix freely with words:
    vendor:TEXT  format:NAME  cat:NAME  param:TEXT  tag:TEXT  is:instrument|effect|fav|hidden
    params>N  in>=N  out=N  (comparators > < >= <= =)   -filter negates   "quoted phrase"

  Options
    --limit N        best N hits (20)
    --offset N       skip the first N hits
    --collapse       one hit per plugin across formats (VST3 > CLAP > LV2 > VST2 > LADSPA)
    --all            include hidden plugins
    --json           a JSON array of plugin items

  Examples
    $ pluginary search reverb
    $ pluginary search 'comp vendor:lsp params>20'
    $ pluginary search 'cat:eq -format:ladspa' --collapse --json
`;

const search: Command = {
	help,
	flags: ['limit', 'offset', 'collapse', 'all', 'json'],
	run({args, flags, out, store}) {
		const text = args.join(' ').trim();
		if (text === '') {
			throw usageError("Usage: pluginary search QUERY — e.g. pluginary search 'reverb vendor:lsp'");
		}

		const preference = flags.collapse ? loadConfig({configFlag: flags.config}).values.formatPreference : undefined;
		const options = {
			limit: parseWhole('limit', flags.limit, 1) ?? 20,
			offset: parseWhole('offset', flags.offset, 0) ?? 0,
			collapse: preference ?? false,
			includeHidden: Boolean(flags.all),
		};
		const summaries = withCatalogIndex(store(), index => {
			let result;
			try {
				result = index.search(text, options);
			} catch (error) {
				if (error instanceof QueryError) {
					throw usageError(`Bad query: ${error.message}`);
				}

				throw error;
			}

			return {
				list: flags.collapse ? result.hits.map(hit => withGroup(store(), hit.summary, preference)) : result.hits.map(hit => hit.summary),
				total: result.total,
				suggestions: result.suggestions,
			};
		});
		if (flags.json) {
			writeJsonArray(out, summaries.list);
		} else if (summaries.list.length > 0) {
			writeTable(out, summaries.list);
			process.stderr.write(`${summaries.list.length} of ${summaries.total} matches\n`);
		} else {
			const hint = summaries.suggestions?.length ? ` Did you mean ${summaries.suggestions.map(each => `'${each}'`).join(' or ')}?` : '';
			process.stderr.write(`No plugins match '${text}'.${hint}\n`);
		}

		return 0;
	},
};

export default search;
