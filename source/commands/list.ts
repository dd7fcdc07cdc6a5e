import process from 'node:process';
import {usageError} from '../errors.js';
import {SORTS, listSummaries, type ListFilter} from '../db/queries/plugins.js';
import type {Store} from '../db/open.js';
import {withGroup} from '../db/queries/groups.js';
import type {Format, PluginSummary} from '../catalog/plugin.js';
import {loadConfigIfAny} from '../config/location.js';
import type {Command} from './command.js';
import {exclusive, parseCategories, parseChoice, parseFormats, parseWhole} from './options.js';
import {type Output, fit, writeJsonArray, writeNdjson} from './output.js';

const help = `
  Usage
    $ pluginary list [options]

  Lists catalogued plugins (every match unless --limit is given). Hidden plugins only with --all.

  Options
    --format F[,F]       only these formats (lv2, ladspa, vst2, vst3, clap, au)
    --category C[,C]     only these categories (eq, filter, dynamics, reverb, …)
    --vendor TEXT        vendor has a word starting with TEXT (case-insensitive)
    --instrument         instruments only
    --effect             effects only
    --sort KEY           name, vendor, format, params, cpu or latency (name); params,
                         cpu and latency highest first (cpu and latency: see 'check')
    --limit N            at most N plugins
    --offset N           skip the first N
    --all                include hidden plugins
    --collapse           one entry per plugin across formats (VST3 > CLAP > LV2 > VST2 > LADSPA)
    --json               a JSON array of plugin items
    --ndjson             one JSON item per line
    --csv                CSV with a header line

  Examples
    $ pluginary list --format vst3,clap
    $ pluginary list --category reverb --sort vendor
    $ pluginary list --vendor zam --json
`;

const list: Command = {
	help,
	flags: ['format', 'category', 'vendor', 'instrument', 'effect', 'sort', 'limit', 'offset', 'all', 'collapse', 'json', 'ndjson', 'csv'],
	async run({flags, out, store, args}) {
		if (args.length > 0) {
			throw usageError(`'pluginary list' takes no arguments (got '${args[0]!}'); to search, use 'pluginary search'.`);
		}

		exclusive(flags, ['json', 'ndjson', 'csv']);
		exclusive(flags, ['instrument', 'effect']);
		const config = await loadConfigIfAny(flags.config);
		const filter = {
			formats: parseFormats(flags.format),
			categories: parseCategories(flags.category),
			vendor: flags.vendor,
			instrument: flags.instrument ? true : (flags.effect ? false : undefined),
			sort: parseChoice('sort', flags.sort, SORTS) ?? config?.defaultSort,
			limit: parseWhole('limit', flags.limit, 1),
			offset: parseWhole('offset', flags.offset, 0),
			includeHidden: flags.all,
		};
		const rows = flags.collapse ? await collapsedRows(store(), filter, config?.formatPreference) : listSummaries(store(), filter);
		if (flags.json) {
			writeJsonArray(out, rows);
		} else if (flags.ndjson) {
			writeNdjson(out, rows);
		} else if (flags.csv) {
			const {csvHeader, csvPlugin} = await import('../catalog/csv.js');
			out.write(csvHeader());
			for (const row of rows) {
				out.write(csvPlugin(row));
			}
		} else {
			writeTable(out, rows, filter.sort === 'cpu' || filter.sort === 'latency' ? filter.sort : undefined);
		}

		return 0;
	},
};

/** Collapsing needs every row of a plugin's group at once: list all, collapse, then page. */
async function collapsedRows(store: Store, filter: ListFilter, preference?: readonly Format[]): Promise<PluginSummary[]> {
	const {collapse} = await import('../search/duplicates.js');
	const all = collapse([...listSummaries(store, {...filter, limit: undefined, offset: undefined})], preference);
	const offset = filter.offset ?? 0;
	return all.slice(offset, filter.limit === undefined ? undefined : offset + filter.limit).map(summary => withGroup(store, summary, preference));
}

/** The health figure a table can show in place of the parameter count. */
type Figure = 'cpu' | 'latency';

const figureHeads: Record<Figure, string> = {cpu: '  CPU%', latency: 'LATENCY'};

/** Prints plugins as an aligned table sized to the terminal; `figure` replaces the PARAMS column. */
export function writeTable(out: Output, rows: Iterable<PluginSummary>, figure?: Figure): number {
	const width = Math.max(process.stdout.columns ?? 120, 60);
	const fixed = 6 + 12 + 6 + 4;
	const nameWidth = Math.max(20, Math.floor((width - fixed) * 0.6));
	const vendorWidth = Math.max(12, width - fixed - nameWidth - 1);
	let count = 0;
	for (const row of rows) {
		if (count === 0) {
			out.line(out.paint('bold', `${fit('NAME', nameWidth)} ${fit('VENDOR', vendorWidth)} ${fit('FORMAT', 6)} ${fit('CATEGORY', 11)} ${figure ? figureHeads[figure] : 'PARAMS'}`));
		}

		const name = (row.favorite ? '★ ' : '') + row.name;
		out.line(`${fit(name, nameWidth)} ${out.paint('dim', fit(row.vendor, vendorWidth))} ${fit(row.format, 6)} ${fit(row.category, 11)} ${figureText(row, figure).padStart(6)}`);
		count++;
	}

	if (count === 0) {
		process.stderr.write("No plugins match. Run 'pluginary scan' to catalogue what is installed.\n");
	}

	return count;
}

function figureText(row: PluginSummary, figure: Figure | undefined): string {
	const value = figure === 'cpu' ? row.cpuPercent : figure === 'latency' ? row.latencySamples : row.parameterCount;
	return value === null || value === undefined ? '—' : String(value);
}

export default list;
