import process from 'node:process';
import {DEFAULT_CHECK_TIMEOUT_SECONDS, startCheck} from '../check/run.js';
import type {CheckEvent, CheckReport, CheckSummary} from '../check/events.js';
import {HEALTHS} from '../catalog/plugin.js';
import {loadConfig} from '../config/load.js';
import {MAX_JOBS} from '../config/schema.js';
import type {Command} from './command.js';
import {LiveLine} from './live-line.js';
import {parseSeconds, parseWhole} from './options.js';
import {type Output, fit, writeJsonArray} from './output.js';
import {matchingIds} from './query-ids.js';

const help = `
  Usage
    $ pluginary check [QUERY] [options]

  Runs each plugin in the native host on audio — 2 s of noise at 48 kHz in 512-frame blocks
  (instruments get MIDI notes), parameters at their defaults — and records whether it works:
  health ok, nan, crashed, timeout or failed; warnings silent, denormals, heavy; the latency it
  reports and the CPU it takes. Without --all only plugins with no result yet, or whose file
  changed since, are run. QUERY narrows the plugins with the search query language. A plugin that
  crashes or hangs costs one host process, which is replaced; it is not blacklisted for scans.

  Options
    --all              check again plugins that already have a result
    --jobs N           host processes working in parallel (number of cores)
    --timeout S        seconds one plugin may take before it is killed (${DEFAULT_CHECK_TIMEOUT_SECONDS})
    --json             print only an array of {id, name, format, health, warnings,
                       latencySamples, cpuPercent, error}

  Examples
    $ pluginary check
    $ pluginary check 'format:lv2 vendor:lsp' --all
    $ pluginary check --jobs 2 --timeout 20 --json
`;

const check: Command = {
	help,
	flags: ['all', 'jobs', 'timeout', 'json'],
	refreshesSearchIndex: true,
	async run(context) {
		const {args, flags, out, store} = context;
		parseWhole('jobs', flags.jobs, 1, MAX_JOBS);
		const timeoutSeconds = parseSeconds('timeout', flags.timeout) ?? DEFAULT_CHECK_TIMEOUT_SECONDS;
		const {jobs} = loadConfig({configFlag: flags.config, flags: {jobs: flags.jobs}}).values;
		const query = args.length > 0 ? args.join(' ') : undefined;
		const ids = query === undefined ? undefined : await matchingIds(store(), query);
		const handle = startCheck({store: store(), ids, all: Boolean(flags.all), jobs, timeoutSeconds});
		const onInterrupt = (): void => {
			process.stderr.write('\nStopping: finished checks are kept; run the check again to go on.\n');
			handle.cancel();
		};

		process.once('SIGINT', onInterrupt);
		process.once('SIGTERM', onInterrupt);
		const progress = new CheckProgress(Boolean(process.stderr.isTTY), query);
		try {
			for await (const event of handle.events) {
				progress.show(event);
			}

			const summary = await handle.done;
			progress.clear();
			if (flags.json) {
				writeJsonArray(out, summary.reports);
			} else {
				printCheckSummary(out, summary);
			}

			return summary.interrupted ? 130 : 0;
		} finally {
			progress.clear();
			process.removeListener('SIGINT', onInterrupt);
			process.removeListener('SIGTERM', onInterrupt);
		}
	},
};

/** Check progress on stderr: each plugin that is not ok as it happens, and a progress line. */
class CheckProgress {
	private readonly line: LiveLine;
	private broken = 0;

	constructor(live: boolean, private readonly query: string | undefined) {
		this.line = new LiveLine(live);
	}

	show(event: CheckEvent): void {
		if (event.type === 'started') {
			this.line.print(startedText(event.total, event.kept, this.query));
		} else if (event.type === 'plugin-done') {
			if (event.report.health !== 'ok') {
				this.broken++;
				this.line.print(`${event.report.health}: ${event.report.name} (${event.report.id})${reasonText(event.report)}`);
			}

			const eta = event.etaSeconds === undefined ? '' : ` · ETA ${event.etaSeconds}s`;
			this.line.update(event.done / event.total, () => `${event.done}/${event.total} plugins${this.broken ? ` · ${this.broken} not ok` : ''}${eta}`, event.done === event.total);
		}
	}

	clear(): void {
		this.line.clear();
	}
}

function startedText(total: number, kept: number, query: string | undefined): string {
	const scope = query === undefined ? '' : ` matching '${query}'`;
	if (total === 0) {
		return kept > 0
			? `Nothing to check${scope}: ${kept} plugins have a current result (--all checks them again).`
			: `No plugins to check${scope}${query === undefined ? "; run 'pluginary scan' first" : ''}.`;
	}

	return `Checking ${total} plugins${scope} on audio${kept > 0 ? ` (${kept} with a current result kept)` : ''}…`;
}

/** The human summary of a check run: counts, then every plugin that is not ok or has warnings. */
export function printCheckSummary(out: Output, summary: CheckSummary): void {
	const counts = HEALTHS.filter(health => summary.counts[health]).map(health => `${summary.counts[health]!} ${health}`);
	out.line(out.paint('bold', `${summary.interrupted ? 'Interrupted after checking' : 'Checked'} ${summary.checked} plugins in ${(summary.durationMs / 1000).toFixed(1)} s${counts.length > 0 ? ': ' + counts.join(', ') : ''}`));
	const broken = summary.reports.filter(report => report.health !== 'ok');
	if (broken.length > 0) {
		out.line(out.paint('yellow', `Not ok (${broken.length}):`));
		for (const report of broken) {
			out.line(`  ${fit(report.health, 8)} ${reportName(report)}${reasonText(report)}`);
		}
	}

	const warned = summary.reports.filter(report => report.health === 'ok' && report.warnings.length > 0);
	if (warned.length > 0) {
		out.line(`With warnings (${warned.length}):`);
		for (const report of warned) {
			out.line(`  ${fit(report.warnings.join(','), 16)} ${reportName(report)}${report.cpuPercent === null ? '' : ` · cpu ${report.cpuPercent}%`}`);
		}
	}
}

/** Why a plugin is not ok, after a dash: the error, or what `nan` means. */
function reasonText(report: CheckReport): string {
	const reason = report.error ?? (report.health === 'nan' ? 'a non-finite output sample' : '');
	return reason ? ` — ${reason}` : '';
}

function reportName(report: CheckReport): string {
	return `${report.name} (${report.id})`;
}

export default check;
