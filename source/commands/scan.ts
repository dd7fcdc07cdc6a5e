import process from 'node:process';
import {startScan, type ScanOptions} from '../scan/run.js';
import {countOutcomes, FAILED_OUTCOMES, type ScanEvent, type ScanHandle, type ScanSummary} from '../scan/events.js';
import {usageError} from '../errors.js';
import {userPathText} from '../path-text.js';
import {loadConfig} from '../config/load.js';
import {MAX_JOBS} from '../config/schema.js';
import type {Command, CommandContext} from './command.js';
import {parseFormats, parseSeconds, parseWhole} from './options.js';
import {LiveLine} from './live-line.js';
import {type Output, fit} from './output.js';

const help = `
  Usage
    $ pluginary scan [options]

  Finds plugin files in each format's folders (or only --path), probes what is new or changed in
  a pool of native host processes, and stores the result. A plugin that crashes, hangs or fails
  is recorded with its reason; the scan goes on. Killed or interrupted, the next scan resumes.

  Options
    --rescan           probe every file again (except blacklisted ones)
    --path P           only this folder or file (repeatable); nothing outside it is removed
    --format F[,F]     only these formats (lv2, ladspa, vst2, vst3, clap)
    --jobs N           host processes working in parallel (number of cores)
    --timeout S        seconds one probe may take before it is killed (30)
    --json             print only the summary object

  Examples
    $ pluginary scan
    $ pluginary scan --path ~/my-plugins --jobs 4
    $ pluginary scan --format vst3,clap --rescan --json
`;

/** Scan options from the config (file < environment < flags) and the command line (shared by scan, retry, cache repair). */
export function scanOptionsFrom(context: CommandContext): ScanOptions {
	const {flags} = context;
	parseFormats(flags.format);
	parseWhole('jobs', flags.jobs, 1, MAX_JOBS);
	parseSeconds('timeout', flags.timeout);
	const config = loadConfig({configFlag: flags.config, flags: {jobs: flags.jobs, timeout: flags.timeout, format: flags.format}}).values;
	return {
		dbPath: context.dbPath,
		full: Boolean(flags.rescan),
		paths: flags.path?.length ? flags.path.map(folder => userPathText(folder)) : undefined,
		formats: config.formats,
		jobs: config.jobs,
		timeoutSeconds: config.scanTimeout,
		extraPaths: config.paths,
		blacklistThreshold: config.blacklistThreshold,
	};
}

const scan: Command = {
	help,
	flags: ['rescan', 'path', 'format', 'jobs', 'timeout', 'json'],
	refreshesSearchIndex: true,
	async run(context) {
		if (context.args.length > 0) {
			throw usageError(`'pluginary scan' takes no arguments (got '${context.args[0]!}'); to scan a folder use --path.`);
		}

		return runScanCommand(context, scanOptionsFrom(context));
	},
};

/** How long a scan may take to stop after SIGINT/SIGTERM before the process exits regardless. */
const stopWithinMs = 500;

/**
 * Runs a scan with progress on stderr and the summary on stdout; exit 130 when interrupted.
 * SIGINT/SIGTERM cancel it (finished results are kept); should stopping take longer than
 * `stopWithinMs`, the process exits anyway — every result is committed as it arrives.
 */
export async function runScanCommand(context: CommandContext, options: ScanOptions): Promise<number> {
	const running: {handle?: ScanHandle} = {};
	const onInterrupt = (): void => {
		process.stderr.write('\nStopping: finished results are kept; run the scan again to resume.\n');
		running.handle?.cancel();
		setTimeout(() => {
			process.stderr.write('pluginary: stopped.\n');
			process.exit(130);
		}, stopWithinMs).unref();
	};

	// The handlers are in place before the scan takes its lock and starts a host (a signal then runs them at the next turn of the event loop).
	process.once('SIGINT', onInterrupt);
	process.once('SIGTERM', onInterrupt);
	const handle = startScan(options);
	running.handle = handle;
	const progress = new Progress(Boolean(process.stderr.isTTY));
	try {
		for await (const event of handle.events) {
			progress.show(event);
		}

		const summary = await handle.done;
		progress.clear();
		if (context.flags.json) {
			context.out.line(JSON.stringify(summary, null, 2));
		} else {
			printSummary(context.out, summary);
		}

		return summary.interrupted ? 130 : 0;
	} finally {
		progress.clear();
		process.removeListener('SIGINT', onInterrupt);
		process.removeListener('SIGTERM', onInterrupt);
	}
}

/** Scan progress on stderr: a live line on a terminal, a plain line every few seconds otherwise. */
class Progress {
	private readonly line: LiveLine;

	constructor(live: boolean) {
		this.line = new LiveLine(live);
	}

	show(event: ScanEvent): void {
		if (event.type === 'warning') {
			this.line.print(`warning: ${event.message}`);
		} else if (event.type === 'started') {
			this.line.print(startedLine(event));
		} else if (event.type === 'file-done' && event.status !== 'ok') {
			this.line.print(`${event.status}: ${event.path} — ${event.error ?? ''}`);
		} else if (event.type === 'progress') {
			this.line.update(event.total > 0 ? event.done / event.total : 1, () => progressText(event), event.done === event.total);
		}
	}

	clear(): void {
		this.line.clear();
	}
}

function progressText(event: Extract<ScanEvent, {type: 'progress'}>): string {
	const failed = countOutcomes(event.counts, FAILED_OUTCOMES);
	const eta = event.etaSeconds === undefined ? '' : ` · ETA ${event.etaSeconds}s`;
	return `${event.done}/${event.total} files · ${event.plugins} plugins · ${event.pluginsPerSecond}/s${eta}${failed ? ` · ${failed} failed` : ''}`;
}

/** "Scanning 2 files (2 resumed; 437 unchanged skipped) with the native host…": each file counted once. */
export function startedLine(event: Extract<ScanEvent, {type: 'started'}>): string {
	const reasons = Object.entries(event.reasons ?? {}).filter(([, count]) => count > 0).map(([reason, count]) => `${count} ${reason === 'again' ? 'probed again' : reason}`);
	const skipped = event.skipped ?? 0;
	const parts = [reasons.join(', '), skipped > 0 ? `${skipped} unchanged skipped` : ''].filter(Boolean).join('; ');
	return `Scanning ${event.total} ${event.total === 1 ? 'file' : 'files'}${parts ? ` (${parts})` : ''} with the native host…`;
}

/** The human summary of a scan. */
export function printSummary(out: Output, summary: ScanSummary): void {
	const plugins = countOutcomes(summary.counts, ['ok']);
	out.line(out.paint('bold', `${summary.interrupted ? 'Interrupted after' : 'Scanned'} ${plugins} plugins in ${(summary.durationMs / 1000).toFixed(2)} s (${summary.pluginsPerSecond} plugins/s)`));
	for (const [format, counts] of Object.entries(summary.counts)) {
		out.line(`  ${fit(format, 7)} ${Object.entries(counts).map(([status, count]) => `${count} ${status}`).join(', ')}`);
	}

	const {diff} = summary;
	out.line(`Changes: ${diff.new.length} new, ${diff.changed.length} changed, ${diff.removed.length} removed, ${diff.unchanged} unchanged`);
	for (const [label, paths] of [['new', diff.new], ['changed', diff.changed], ['removed', diff.removed]] as const) {
		if (paths.length > 0 && paths.length <= 20) {
			for (const file of paths) {
				out.line(`  ${out.paint(label === 'removed' ? 'red' : 'green', label.padEnd(8))}${file}`);
			}
		}
	}

	if (summary.failures.length > 0) {
		out.line(out.paint('yellow', `Not catalogued (${summary.failures.length}):`));
		for (const failure of summary.failures) {
			out.line(`  ${fit(failure.status, 11)} ${failure.path} — ${failure.error}`);
		}
	}

	if (summary.skipped?.length) {
		out.line(out.paint('dim', `Skipped, not plugins (${summary.skipped.length}):`));
		for (const skipped of summary.skipped) {
			out.line(out.paint('dim', `  ${skipped.path} — ${skipped.reason}`));
		}
	}
}

export default scan;
