import {usageError} from '../errors.js';
import {catalogStats, verifyStore} from '../db/queries/stats.js';
import type {Command} from './command.js';
import type {Output} from './output.js';

const help = `
  Usage
    $ pluginary cache path           print the database location
    $ pluginary cache stats [--json] counts per format, status and category; size; last scan
    $ pluginary cache verify         integrity, foreign keys, orphan rows, interrupted probes

  Examples
    $ pluginary cache path
    $ pluginary cache stats --json
    $ pluginary --db /tmp/plugins.db cache verify
`;

const cache: Command = {
	help,
	flags: ['json'],
	run({args, flags, out, store, dbPath}) {
		const [action, ...rest] = args;
		if (rest.length > 0) {
			throw usageError(`'pluginary cache ${action ?? ''}' takes no more arguments; see 'pluginary cache --help'.`);
		}

		switch (action) {
			case 'path': {
				out.line(dbPath);
				return 0;
			}

			case 'stats': {
				const stats = catalogStats(store());
				if (flags.json) {
					out.line(JSON.stringify({path: dbPath, ...stats}, null, 2));
				} else {
					printStats(out, dbPath, stats);
				}

				return 0;
			}

			case 'verify': {
				const findings = verifyStore(store());
				for (const finding of findings) {
					const mark = finding.level === 'ok' ? out.paint('green', 'ok  ') : (finding.level === 'warn' ? out.paint('yellow', 'warn') : out.paint('red', 'FAIL'));
					out.line(`${mark} ${finding.check}: ${finding.detail}`);
				}

				return findings.some(finding => finding.level === 'fail') ? 1 : 0;
			}

			default: {
				throw usageError(action === undefined
					? "'pluginary cache' needs an action: path, stats or verify."
					: `Unknown cache action '${action}'; use path, stats or verify.`);
			}
		}
	},
};

function printStats(out: Output, path: string, stats: ReturnType<typeof catalogStats>): void {
	out.line(`${out.paint('bold', 'Database')}  ${path} (${(stats.databaseBytes / 1024 / 1024).toFixed(1)} MiB)`);
	out.line(`${out.paint('bold', 'Plugins')}   ${stats.plugins} with ${stats.parameters} parameters; ${stats.blacklisted} blacklisted files`);
	const section = (title: string, counts: Record<string, number>): void => {
		out.line(out.paint('bold', title));
		for (const [key, count] of Object.entries(counts)) {
			out.line(`  ${key.padEnd(14)} ${String(count).padStart(6)}`);
		}
	};

	section('By format', stats.byFormat);
	section('By status', stats.byStatus);
	section('By category', stats.byCategory);
	section('Files', stats.files);
	if (stats.lastScan) {
		const scan = stats.lastScan;
		out.line(`${out.paint('bold', 'Last scan')} ${scan.startedAt} (${scan.state}${scan.durationMs === null ? '' : `, ${(scan.durationMs / 1000).toFixed(2)} s`})`
			+ (scan.diff ? ` — ${scan.diff.new} new, ${scan.diff.changed} changed, ${scan.diff.removed} removed, ${scan.diff.unchanged} unchanged` : ''));
	} else {
		out.line(`${out.paint('bold', 'Last scan')} never — run 'pluginary scan'`);
	}
}

export default cache;
