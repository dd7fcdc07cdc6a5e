import {usageError} from '../errors.js';
import {catalogStats, lastScans, topVendors} from '../db/queries/stats.js';
import {healthCounts, warningCounts} from '../db/queries/health.js';
import {CATEGORIES, FORMATS} from '../catalog/plugin.js';
import type {Command} from './command.js';

const help = `
  Usage
    $ pluginary stats [--json]

  Counts of the catalog: plugins and plugin groups (one plugin in several formats is one group),
  plugins per category and format, per vendor (top 10, display vendors), health values and
  warnings of the last checks ('pluginary check'), and the last scans.

  Examples
    $ pluginary stats
    $ pluginary stats --json
`;

const stats: Command = {
	help,
	flags: ['json'],
	run({args, flags, out, store}) {
		if (args.length > 0) {
			throw usageError("'pluginary stats' takes no arguments.");
		}

		const counts = catalogStats(store());
		const vendors = topVendors(store(), 10);
		const scans = lastScans(store(), 5);
		const byHealth = healthCounts(store());
		const byWarning = warningCounts(store());
		if (flags.json) {
			out.line(JSON.stringify({plugins: counts.plugins, groups: counts.groups, parameters: counts.parameters, byFormat: counts.byFormat, byCategory: counts.byCategory,
				byCategoryFormat: counts.byCategoryFormat, topVendors: Object.fromEntries(vendors), byHealth, byWarning, lastScans: scans}, null, 2));
			return 0;
		}

		const formats = FORMATS.filter(format => counts.byFormat[format]);
		out.line(out.paint('bold', `${counts.plugins} plugins in ${counts.groups} groups (one plugin in several formats is one group), ${counts.parameters} parameters`));
		out.line();
		out.line(out.paint('bold', `${'category'.padEnd(12)}${formats.map(format => format.padStart(8)).join('')}${'total'.padStart(8)}`));
		for (const category of CATEGORIES) {
			const row = counts.byCategoryFormat[category];
			if (row) {
				out.line(`${category.padEnd(12)}${formats.map(format => String(row[format] ?? '·').padStart(8)).join('')}${String(counts.byCategory[category] ?? 0).padStart(8)}`);
			}
		}

		out.line(`${'total'.padEnd(12)}${formats.map(format => String(counts.byFormat[format]).padStart(8)).join('')}${String(counts.plugins).padStart(8)}`);
		out.line();
		out.line(out.paint('bold', 'Top vendors'));
		for (const [vendor, count] of vendors) {
			out.line(`  ${vendor.padEnd(30)} ${String(count).padStart(6)}`);
		}

		out.line();
		out.line(out.paint('bold', 'Health'));
		out.line(`  ${Object.entries(byHealth).map(([health, count]) => `${count} ${health}`).join(', ') || 'no plugins'}`);
		if (Object.keys(byWarning).length > 0) {
			out.line(`  warnings: ${Object.entries(byWarning).map(([warning, count]) => `${count} ${warning}`).join(', ')}`);
		}

		out.line();
		out.line(out.paint('bold', 'Last scans'));
		for (const scan of scans) {
			const diff = scan.diff ? `${scan.diff.new} new, ${scan.diff.changed} changed, ${scan.diff.removed} removed` : '';
			out.line(`  ${scan.startedAt}  ${scan.state.padEnd(11)} ${scan.durationMs === null ? '' : `${(scan.durationMs / 1000).toFixed(2)} s`.padStart(8)}  ${diff}`);
		}

		return 0;
	},
};

export default stats;
